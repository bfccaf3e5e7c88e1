// "Bitte erneut anmelden": shown when a sync was refused for an expired session ([S2]). Work goes
// on meanwhile; the outbox stays, and sync resumes once the person has signed in again.
import type { FeldakteDb } from '../../../local/db';
import type { SessionUser } from '../../../shared/sync/protocol';
import { t } from '../../../shared/i18n/t';
import { Button } from '../../ui/button';
import { Sheet } from '../../ui/sheet';
import { useSyncStatus } from '../sync/use-sync-status';
import { closeReauth, openReauth, useAuthUi } from '../../state/auth-ui';
import { SignInForm } from './sign-in-form';
import { completeSignIn } from './complete-sign-in';

export function ReauthPrompt({ db, user }: { db: FeldakteDb; user: SessionUser }) {
  const status = useSyncStatus(db);
  const open = useAuthUi((state) => state.reauthOpen);
  const expired = status?.lastError?.kind === 'unauthorized';
  return (
    <>
      {expired && !open && (
        <div class="app-banner app-banner--warning" role="status">
          <p>
            <strong>{t('sync.signIn.again.title')}.</strong> {t('sync.signIn.again.text')}
          </p>
          <Button variant="primary" onClick={openReauth}>
            {t('sync.signIn.again.action')}
          </Button>
        </div>
      )}
      <Sheet open={open} title={t('sync.signIn.again.title')} onClose={closeReauth}>
        <p class="hint">{t('sync.signIn.again.text')}</p>
        <SignInForm onSignedIn={completeSignIn} initialEmail={user.email} />
      </Sheet>
    </>
  );
}
