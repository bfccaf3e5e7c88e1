// Sign-out asks what happens to the data on the device; removing them is the default (issue 11). It
// warns with the number of changes not yet synced and offers to sync them first; removing unsynced
// changes needs a second, explicit confirmation.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import { actionFailureMessage } from '../../../local/write-failure';
import { useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { CheckboxField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { Sheet } from '../../ui/sheet';
import { useLiveQuery } from '../../ui/use-live-query';
import { requestSync, useSyncRun } from '../../state/sync-run';
import { signOutDevice } from './sign-out-device';
import { useAuthUi } from '../../state/auth-ui';

export function SignOutDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  // Read without useDb(): the dialog may render once more while sign-out closes the database.
  const db = useSession((state) => state.db);
  const unsynced = useLiveQuery(async () => (db ? db.outbox.count() : 0), [db]) ?? 0;
  const running = useSyncRun((state) => state.running);
  const [choice, setChoice] = useState<'keep' | 'remove'>('remove');
  const [confirmLoss, setConfirmLoss] = useState(false);
  const [busy, setBusy] = useState(false);
  const blocked = choice === 'remove' && unsynced > 0 && !confirmLoss;

  async function signOut() {
    setBusy(true);
    try {
      const result = await signOutDevice({ removeData: choice === 'remove' });
      if (choice === 'remove' && !result.removed) {
        useAuthUi.setState({ notice: t('sync.signOut.removeFailed') });
      }
    } catch (error) {
      // Signed out, but the device could not store that (the account is still remembered).
      useAuthUi.setState({ notice: actionFailureMessage(error) });
    }
  }

  return (
    <Sheet open={open} title={t('sync.signOut.title')} onClose={onClose}>
      {unsynced === 0 ? (
        <p>{t('sync.signOut.allSynced')}</p>
      ) : (
        <>
          <FormAlert message={t('sync.signOut.unsynced', { count: unsynced })} />
          <Button disabled={running} onClick={() => void requestSync()}>
            {running ? t('sync.status.syncing') : t('sync.signOut.syncFirst')}
          </Button>
        </>
      )}
      <fieldset class="sign-out__choices">
        <legend class="field__label">{t('sync.signOut.question')}</legend>
        <label class="sign-out__choice">
          <input
            autoComplete="off"
            type="radio"
            name="sign-out-data"
            checked={choice === 'keep'}
            onChange={() => setChoice('keep')}
          />
          <span>
            {t('sync.signOut.keep')}
            <span class="hint">{t('sync.signOut.keepHint')}</span>
          </span>
        </label>
        <label class="sign-out__choice">
          <input
            autoComplete="off"
            type="radio"
            name="sign-out-data"
            checked={choice === 'remove'}
            onChange={() => setChoice('remove')}
          />
          <span>
            {t('sync.signOut.remove')}
            <span class="hint">{t('sync.signOut.removeHint')}</span>
          </span>
        </label>
      </fieldset>
      {choice === 'remove' && unsynced > 0 && (
        <CheckboxField
          name="confirm-loss"
          label={t('sync.signOut.confirmRemoveUnsynced')}
          checked={confirmLoss}
          onValue={setConfirmLoss}
        />
      )}
      <div class="form-actions">
        <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
        <Button
          variant={choice === 'remove' ? 'danger' : 'primary'}
          disabled={busy || blocked}
          onClick={() => void signOut()}
        >
          {t('sync.signOut.confirm')}
        </Button>
      </div>
    </Sheet>
  );
}
