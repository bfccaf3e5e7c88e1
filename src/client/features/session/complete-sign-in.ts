// After the server accepted a sign-in: remember the account on the device, open its own database
// (closing any other user's) and sync what waited in its outbox.
import type { SessionUser } from '../../../shared/sync/protocol';
import { useSession } from '../../state/session';
import { requestSync } from '../sync/sync-run-state';
import { rememberUser } from './remembered-user';
import { useAuthUi } from './auth-ui';

export async function completeSignIn(user: SessionUser): Promise<void> {
  await rememberUser(user);
  useSession.getState().signIn(user);
  useAuthUi.setState({ reauthOpen: false, notice: null });
  void requestSync();
}
