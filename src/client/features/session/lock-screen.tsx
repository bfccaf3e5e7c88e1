// The lock screen: PIN (or passphrase) only, no name, no case data. Unlocking works offline. A
// wrong PIN says how many tries are left; from the fifth on it also says what a wipe would lose
// (unsynced changes, counted without the key); the tenth deletes the database ([K2]).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import type { FeldakteDb } from '../../../local/db';
import {
  MAX_PIN_FAILURES,
  pinFailures,
  pinKind,
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

  useEffect(() => {
    void pinKind(db).then((value) => value && setKind(value));
    void pinFailures(db).then(setFailures);
    void db.outbox.count().then(setUnsynced);
  }, [db]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!pin) {
      setError(t('lock.screen.empty'));
      return;
    }
    setBusy(true);
    setError(null);
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
        <Button type="submit" variant="primary" block disabled={busy}>
          {busy ? t('lock.screen.unlocking') : t('lock.screen.unlock')}
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
