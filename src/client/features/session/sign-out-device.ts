// Signing out on this device: end the server session (or remember to, when offline), and keep or
// remove the user's database. Removing deletes their outbox too, so the dialog warns first.
import { databaseName } from '../../../local/db';
import { wipeDatabase } from '../../../local/wipe-database';
import { useSession } from '../../state/session';
import { endServerSession } from './session-api';
import { forgetUser } from './remembered-user';

export interface SignOutResult {
  /** false when the data should have been removed but could not be. */
  removed: boolean;
}

export async function signOutDevice({
  removeData,
}: {
  removeData: boolean;
}): Promise<SignOutResult> {
  const user = useSession.getState().user;
  if (!user) return { removed: !removeData };
  const serverDone = await endServerSession();
  // Closing first unmounts the app and its sync; the database is then free to delete.
  useSession.getState().signOut();
  await forgetUser(!serverDone);
  if (!removeData) return { removed: false };
  try {
    // The database is closed above; the wipe removes its key files first ([K9]).
    await wipeDatabase({ name: databaseName(user.id), close: () => undefined });
    return { removed: true };
  } catch {
    return { removed: false };
  }
}
