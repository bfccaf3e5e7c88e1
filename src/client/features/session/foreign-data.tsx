// The database on this device does not open with the signed-in account's recovery secret (another
// account's data, or changed storage): the person may delete it and start fresh, told what is lost.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import type { FeldakteDb } from '../../../local/db';
import { Button } from '../../ui/button';
import { useSession } from '../../state/session';
import { wipeDatabase } from '../../../local/wipe-database';
import { useAuthUi } from '../../state/auth-ui';
import { forgetUser } from './remembered-user';
import { actionFailureMessage } from '../../../local/write-failure';
import { FormAlert } from '../../ui/form-alert';

export function ForeignData({ db }: { db: FeldakteDb }) {
  const [unsynced, setUnsynced] = useState(0);
  useEffect(() => void db.outbox.count().then(setUnsynced), [db]);

  const [failed, setFailed] = useState<string | null>(null);

  async function startFresh() {
    useSession.getState().signOut();
    try {
      await wipeDatabase(db);
    } catch (error) {
      // The database could not be deleted: the person stays here and may try again or cancel.
      setFailed(actionFailureMessage(error));
      return;
    }
    await forgetUser(false);
    // The fresh database gets its key from the recovery secret: one more password sign-in.
    useAuthUi.setState({ foreignDataFor: null, notice: t('lock.foreign.again') });
  }

  async function cancel() {
    useSession.getState().signOut();
    await forgetUser(false);
    useAuthUi.setState({ foreignDataFor: null });
  }

  return (
    <main class="sign-in">
      <h1 class="sign-in__title">{t('common.appName')}</h1>
      <h2>{t('lock.foreign.title')}</h2>
      <p>{t('lock.foreign.text')}</p>
      {unsynced > 0 && (
        <p class="lock-screen__warning" role="alert">
          {t('lock.screen.unsynced', { count: unsynced })}
        </p>
      )}
      <FormAlert message={failed} />
      <div class="form-actions">
        <Button onClick={() => void cancel()}>{t('lock.foreign.cancel')}</Button>
        <Button variant="danger" onClick={() => void startFresh()}>
          {t('lock.foreign.action')}
        </Button>
      </div>
    </main>
  );
}
