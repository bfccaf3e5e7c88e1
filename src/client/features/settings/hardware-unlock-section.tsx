// "Mehr" > Mit Fingerabdruck oder Gesicht entsperren ([K10]): shown where the phone has a platform
// authenticator (or it is on already). Setting it up binds the data key to the phone's security
// hardware and deletes the PIN wrap; "Wieder eine PIN verwenden" sets a PIN and removes the
// hardware wrap. Either way the device opens one way, and a password sign-in (online) always can.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import { pinProblem } from '../../../local/crypto/data-key';
import { enrollHardware, setPin, unlockKind, type UnlockKind } from '../../../local/crypto/vault';
import { actionFailureMessage } from '../../../local/write-failure';
import { useDb } from '../../state/session';
import { showToast } from '../../state/toast';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { Section } from '../../ui/section';
import { createHardwareCredential, hardwareUnlockAvailable } from '../session/hardware-unlock';

export function HardwareUnlockSection() {
  const db = useDb();
  const [available, setAvailable] = useState(false);
  const [kind, setKind] = useState<UnlockKind | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choosingPin, setChoosingPin] = useState(false);

  useEffect(() => {
    void hardwareUnlockAvailable().then(setAvailable);
    // A database closed meanwhile (signed out, language switched): the section stays as it is.
    unlockKind(db).then(setKind, () => undefined);
  }, [db]);

  if (!available && kind !== 'hardware') return null;

  async function enable() {
    setBusy(true);
    setError(null);
    try {
      const credential = await createHardwareCredential();
      if (credential === 'unsupported') {
        setError(t('lock.hardware.unsupported'));
        return;
      }
      await enrollHardware(db, credential);
      setKind('hardware');
      showToast(t('lock.hardware.done'));
    } catch (failure) {
      // The THM cancelled, or the browser refused: nothing changed, the PIN stays.
      setError(
        failure instanceof Error && failure.name === 'NotAllowedError'
          ? t('lock.hardware.setupCancelled')
          : actionFailureMessage(failure),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('lock.hardware.title')}>
      <p class="hint">
        {kind === 'hardware' ? t('lock.hardware.enabled') : t('lock.hardware.offer')}
      </p>
      <FormAlert message={error} />
      {kind === 'hardware' ? (
        choosingPin ? (
          <PinInstead
            onDone={() => {
              setChoosingPin(false);
              unlockKind(db).then(setKind, () => undefined);
              showToast(t('lock.hardware.pinSaved'));
            }}
            onCancel={() => setChoosingPin(false)}
          />
        ) : (
          <Button onClick={() => setChoosingPin(true)}>{t('lock.hardware.usePin')}</Button>
        )
      ) : (
        <Button variant="primary" disabled={busy} onClick={() => void enable()}>
          {busy ? t('lock.hardware.enabling') : t('lock.hardware.enable')}
        </Button>
      )}
    </Section>
  );
}

/** A new PIN (or passphrase) in place of the hardware: the rules of the PIN set-up. */
function PinInstead({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const db = useDb();
  const [pin, setPinValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ pin?: string; repeat?: string }>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problem = pinProblem(pin);
    const next: typeof errors = {};
    if (problem) next.pin = t(`lock.setup.errors.${problem}`);
    else if (repeat !== pin) next.repeat = t('lock.setup.errors.mismatch');
    setErrors(next);
    if (next.pin || next.repeat) return;
    setBusy(true);
    try {
      await setPin(db, pin, /^\d+$/.test(pin) ? 'pin' : 'passphrase');
      onDone();
    } catch (error) {
      setFailed(actionFailureMessage(error));
      setBusy(false);
    }
  }

  return (
    <form
      class="sign-in-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      autoComplete="off"
    >
      <FormAlert message={failed} />
      <TextField
        name="new-pin"
        type="password"
        label={t('lock.setup.pin')}
        inputMode="numeric"
        required
        value={pin}
        onValue={setPinValue}
        error={errors.pin}
      />
      <TextField
        name="repeat-pin"
        type="password"
        label={t('lock.setup.repeat')}
        inputMode="numeric"
        required
        value={repeat}
        onValue={setRepeat}
        error={errors.repeat}
      />
      <div class="form-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('lock.setup.saving') : t('common.actions.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.actions.cancel')}</Button>
      </div>
    </form>
  );
}
