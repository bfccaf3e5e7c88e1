// The lock screen: PIN (or passphrase) only, no name, no case data. Unlocking works offline. A
// wrong PIN says how many tries are left; from the fifth on it also says what a wipe would lose
// (unsynced changes, counted without the key); the tenth deletes the database ([K2]). From the
// fourth try on a try waits ([K8]): the screen counts the wait down (also after a reload) and says
// once, for a screen reader, when a try is possible again.
import { useEffect, useState } from 'preact/hooks';
import { intlLocaleTag, t } from '../../../shared/i18n/t';
import type { FeldakteDb } from '../../../local/db';
import {
  MAX_PIN_FAILURES,
  pinFailures,
  hardwareCredential,
  pinWaitUntil,
  unlockKind,
  unlockWithHardware,
  unlockWithPin,
  type UnlockKind,
  WARN_AFTER_FAILURES,
} from '../../../local/crypto/vault';
import { wipeDatabase } from '../../../local/wipe-database';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { afterWipe } from './device-wipe';
import { enterAfterUnlock } from './complete-sign-in';
import { evaluateHardware } from './hardware-unlock';
import { useAuthUi } from '../../state/auth-ui';

export function LockScreen({ db, onForgot }: { db: FeldakteDb; onForgot(): void }) {
  const [kind, setKind] = useState<UnlockKind | null>(null);
  useEffect(() => {
    void unlockKind(db).then((value) => setKind(value ?? 'pin'));
  }, [db]);
  const forgot = () => {
    useAuthUi.setState({ forgotPin: true });
    onForgot();
  };
  return (
    <main class="sign-in lock-screen">
      <h1 class="sign-in__title">{t('common.appName')}</h1>
      <h2>{t('lock.screen.title')}</h2>
      {kind === 'hardware' ? (
        <HardwareUnlock db={db} onForgot={forgot} />
      ) : (
        kind && <PinUnlock db={db} kind={kind} onForgot={forgot} />
      )}
    </main>
  );
}

/**
 * [K10] Fingerprint or face: the phone's authenticator gives the secret that opens the key. No
 * PIN on this device; a sign-in with the password (online) is the other way in.
 */
function HardwareUnlock({ db, onForgot }: { db: FeldakteDb; onForgot(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function unlock() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const credential = await hardwareCredential(db);
      const output =
        credential && (await evaluateHardware(credential.credentialId, credential.salt));
      if (output && (await unlockWithHardware(db, output))) {
        if (!(await enterAfterUnlock(db))) onForgot();
        return;
      }
      setError(t('lock.hardware.failed'));
    } catch {
      // Cancelled, timed out, or the finger/face not recognised: the THM tries again.
      setError(t('lock.hardware.cancelled'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>{t('lock.hardware.intro')}</p>
      <FormAlert message={error} />
      <Button variant="primary" block disabled={busy} onClick={() => void unlock()}>
        {busy ? t('lock.screen.unlocking') : t('lock.hardware.unlock')}
      </Button>
      <Button variant="ghost" block onClick={onForgot}>
        {t('lock.hardware.forgot')}
      </Button>
    </>
  );
}

function PinUnlock({
  db,
  kind,
  onForgot,
}: {
  db: FeldakteDb;
  kind: 'pin' | 'passphrase';
  onForgot(): void;
}) {
  const [pin, setPin] = useState('');
  const [failures, setFailures] = useState(0);
  const [unsynced, setUnsynced] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const [waitOver, setWaitOver] = useState(false);

  useEffect(() => {
    void pinFailures(db).then(setFailures);
    void pinWaitUntil(db).then(setWaitUntil);
    void db.outbox.count().then(setUnsynced);
  }, [db]);

  const waiting = waitUntil !== null && now < waitUntil;
  useEffect(() => {
    if (waitUntil === null) return;
    const tick = () => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) {
        setWaitUntil(null);
        setWaitOver(true);
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [waitUntil]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || waiting) return;
    if (!pin) {
      setError(t('lock.screen.empty'));
      return;
    }
    setBusy(true);
    setError(null);
    setWaitOver(false);
    try {
      const result = await unlockWithPin(db, pin, () => wipeDatabase(db, 'pin_failures'));
      setPin('');
      if (result.ok) {
        if (!(await enterAfterUnlock(db))) onForgot();
        return;
      }
      if (result.wiped) {
        await afterWipe('pin_failures');
        return;
      }
      setFailures(result.failures);
      setWaitUntil(result.waitUntil);
      setUnsynced(await db.outbox.count());
      setError(t('lock.screen.wrong', { count: result.triesLeft }));
    } catch {
      // A row that does not open with the right key: damaged or changed storage.
      setError(t('lock.screen.storageError'));
    } finally {
      setBusy(false);
    }
  }

  const triesLeft = MAX_PIN_FAILURES - failures;
  const left = waiting ? waitText(waitUntil - now) : '';
  return (
    <>
      <p>{kind === 'pin' ? t('lock.screen.introPin') : t('lock.screen.introPassphrase')}</p>
      <form class="sign-in-form" onSubmit={submit} noValidate autoComplete="off">
        <FormAlert message={error} />
        {failures >= WARN_AFTER_FAILURES && (
          <div class="lock-screen__warning" role="alert">
            <p>{t('lock.screen.warning', { count: triesLeft })}</p>
            <p>
              {unsynced === 0
                ? t('lock.screen.allSynced')
                : t('lock.screen.unsynced', { count: unsynced })}
            </p>
          </div>
        )}
        <TextField
          name="pin"
          type="password"
          label={kind === 'pin' ? t('lock.screen.pin') : t('lock.screen.passphrase')}
          autoComplete="off"
          {...(kind === 'pin' ? { inputMode: 'numeric' as const } : {})}
          value={pin}
          onValue={setPin}
        />
        {/* The wait in words, announced when it starts and when it ends, not every second. */}
        <p class="lock-screen__wait" role="status">
          {waiting
            ? t('lock.screen.wait', { time: clockTime(waitUntil) })
            : waitOver
              ? t('lock.screen.waitOver')
              : ''}
        </p>
        <Button type="submit" variant="primary" block disabled={busy || waiting}>
          {waiting
            ? t('lock.screen.waitButton', { time: left })
            : busy
              ? t('lock.screen.unlocking')
              : t('lock.screen.unlock')}
        </Button>
      </form>
      <Button variant="ghost" block onClick={onForgot}>
        {t('lock.screen.forgot')}
      </Button>
    </>
  );
}

/** 0:25 -> "25 s"; 2:30 -> "2:30 min" (whole seconds, rounded up). */
function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return t('lock.screen.waitSeconds', { count: seconds });
  const rest = String(seconds % 60).padStart(2, '0');
  return t('lock.screen.waitMinutes', { time: `${Math.floor(seconds / 60)}:${rest}` });
}

/** The moment the wait ends as a clock time with seconds ("14:32:10"). */
function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString(intlLocaleTag(), { timeStyle: 'medium' });
}
