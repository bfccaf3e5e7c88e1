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
  pinKind,
  pinWaitUntil,
  unlockWithPin,
  WARN_AFTER_FAILURES,
} from '../../../local/crypto/vault';
import { wipeDatabase } from '../../../local/wipe-database';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { afterWipe } from './device-wipe';
import { enterAfterUnlock } from './complete-sign-in';
import { useAuthUi } from '../../state/auth-ui';

export function LockScreen({ db, onForgot }: { db: FeldakteDb; onForgot(): void }) {
  const [pin, setPin] = useState('');
  const [kind, setKind] = useState<'pin' | 'passphrase'>('pin');
  const [failures, setFailures] = useState(0);
  const [unsynced, setUnsynced] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const [waitOver, setWaitOver] = useState(false);

  useEffect(() => {
    void pinKind(db).then((value) => value && setKind(value));
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
      setError(
        result.triesLeft === 1
          ? t('lock.screen.wrongOne')
          : t('lock.screen.wrongMany', { count: result.triesLeft }),
      );
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
    <main class="sign-in lock-screen">
      <h1 class="sign-in__title">{t('common.appName')}</h1>
      <h2>{t('lock.screen.title')}</h2>
      <p>{kind === 'pin' ? t('lock.screen.introPin') : t('lock.screen.introPassphrase')}</p>
      <form class="sign-in-form" onSubmit={submit} noValidate autoComplete="off">
        <FormAlert message={error} />
        {failures >= WARN_AFTER_FAILURES && (
          <div class="lock-screen__warning" role="alert">
            <p>{t('lock.screen.warning', { count: triesLeft })}</p>
            <p>
              {unsynced === 0
                ? t('lock.screen.allSynced')
                : unsynced === 1
                  ? t('lock.screen.unsyncedOne')
                  : t('lock.screen.unsyncedMany', { count: unsynced })}
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
      <Button
        variant="ghost"
        block
        onClick={() => {
          useAuthUi.setState({ forgotPin: true });
          onForgot();
        }}
      >
        {t('lock.screen.forgot')}
      </Button>
    </main>
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
