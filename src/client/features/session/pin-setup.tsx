// After the first sign-in on a device (or "PIN vergessen"): the THM sets a PIN of at least 6
// digits, or a passphrase. The data key is already in memory (unwrapped with the recovery secret);
// this wraps it with the PIN ([K2]). Before the PIN is chosen the screen says what the lock does:
// encryption, the auto-lock and the wipe after 10 wrong entries (issue 27 item 11).
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import type { SessionUser } from '../../../shared/sync/protocol';
import type { FeldakteDb } from '../../../local/db';
import { pinProblem } from '../../../local/crypto/data-key';
import { MAX_PIN_FAILURES, setPin } from '../../../local/crypto/vault';
import { readAutoLockMinutes } from '../../state/auto-lock';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { actionFailureMessage } from '../../../local/write-failure';
import { enterApp } from './complete-sign-in';
import { chooseDeviceName, deviceName } from './device-identity';
import { renameThisDevice } from './session-api';

export function PinSetup({ db, user }: { db: FeldakteDb; user: SessionUser }) {
  const [kind, setKind] = useState<'pin' | 'passphrase'>('pin');
  const [pin, setPinValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [name, setName] = useState(() => deviceName());
  const [errors, setErrors] = useState<{ pin?: string; repeat?: string }>({});
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problem =
      kind === 'pin' && !/^\d*$/.test(pin) ? 'notDigits' : pin ? pinProblem(pin) : 'tooShort';
    const next: typeof errors = {};
    if (problem && (kind === 'pin' || problem === 'passphraseTooShort')) {
      next.pin = t(`lock.setup.errors.${problem}`);
    } else if (kind === 'passphrase' && [...pin].length < 8) {
      next.pin = t('lock.setup.errors.passphraseTooShort');
    }
    if (!next.pin && repeat !== pin) next.repeat = t('lock.setup.errors.mismatch');
    setErrors(next);
    if (next.pin || next.repeat) {
      document.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    try {
      await setPin(db, pin, kind);
      // The name for the team's device list: kept on the phone (sent with every sign-in) and
      // told to the server now when it can be reached; a failure is no reason to stop here.
      if (name.trim() && name.trim() !== deviceName()) {
        chooseDeviceName(name);
        void renameThisDevice(name.trim()).catch(() => false);
      }
      await enterApp(db, user);
    } catch (error) {
      setFailed(actionFailureMessage(error));
      setBusy(false);
    }
  }

  const switchKind = () => {
    setKind(kind === 'pin' ? 'passphrase' : 'pin');
    setPinValue('');
    setRepeat('');
    setErrors({});
  };

  return (
    <main class="sign-in">
      <h1 class="sign-in__title">{t('common.appName')}</h1>
      <h2>{kind === 'pin' ? t('lock.setup.title') : t('lock.setup.titlePassphrase')}</h2>
      <p>{kind === 'pin' ? t('lock.setup.intro') : t('lock.setup.introPassphrase')}</p>
      <ul class="pin-setup__promises">
        <li>{t('lock.setup.autoLock', { count: readAutoLockMinutes() })}</li>
        <li>{t('lock.setup.wipe', { count: MAX_PIN_FAILURES })}</li>
      </ul>
      <form class="sign-in-form" onSubmit={submit} noValidate autoComplete="off">
        <FormAlert message={failed} />
        <TextField
          name="new-pin"
          type="password"
          label={kind === 'pin' ? t('lock.setup.pin') : t('lock.setup.passphrase')}
          autoComplete="off"
          {...(kind === 'pin' ? { inputMode: 'numeric' as const } : {})}
          required
          value={pin}
          onValue={setPinValue}
          error={errors.pin}
        />
        <TextField
          name="repeat-pin"
          type="password"
          label={t('lock.setup.repeat')}
          autoComplete="off"
          {...(kind === 'pin' ? { inputMode: 'numeric' as const } : {})}
          required
          value={repeat}
          onValue={setRepeat}
          error={errors.repeat}
        />
        <TextField
          name="device-name"
          label={t('lock.setup.deviceName')}
          hint={t('lock.setup.deviceNameHint')}
          autoComplete="off"
          value={name}
          onValue={setName}
        />
        <Button type="submit" variant="primary" block disabled={busy}>
          {busy ? t('lock.setup.saving') : t('lock.setup.save')}
        </Button>
      </form>
      <Button variant="ghost" block onClick={switchKind}>
        {kind === 'pin' ? t('lock.setup.usePassphrase') : t('lock.setup.usePin')}
      </Button>
    </main>
  );
}
