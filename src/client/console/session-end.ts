// Ending the console session: on the server, and the remembered account on the device. The
// console opened no database, so there is nothing else to remove.
import { useSession } from '../state/session';
import { endServerSession } from '../features/session/session-api';
import { forgetUser } from '../features/session/remembered-user';
import { useAuthUi } from '../state/auth-ui';
import { ct } from './console-texts';

export async function signOutConsole(notice: string | null = null): Promise<void> {
  const serverDone = await endServerSession();
  useSession.getState().signOut();
  await forgetUser(!serverDone);
  useAuthUi.setState({ notice });
}

/** A 401 from any console request: the session ended, back to the sign-in screen. */
export function sessionEnded(): void {
  void signOutConsole(ct('sessionEnded'));
}
