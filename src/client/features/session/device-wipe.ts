// The page's side of a wipe ([K6]): the database is deleted in src/local/wipe-database.ts (by the
// sync engine, the lock screen or here); the page closes the session, forgets the account (and,
// after a revocation, the device id) and shows why on the sign-in screen.
import { t } from '../../../shared/i18n/t';
import { takeWipeNotice, type WipeReason } from '../../../local/active-user';
import { wipeDatabase } from '../../../local/wipe-database';
import { useSession } from '../../state/session';
import { forgetUser } from './remembered-user';
import { forgetDeviceId } from './device-identity';
import { useAuthUi } from '../../state/auth-ui';

/** Deletes the open user's database now (if any) and shows the reason. */
export async function wipeThisDevice(reason: WipeReason): Promise<void> {
  const { db } = useSession.getState();
  useSession.getState().signOut();
  if (db) await wipeDatabase(db, reason);
  await afterWipe(reason);
}

/** After a wipe done elsewhere (sync engine, service worker): forget and say why. */
export async function afterWipe(reason: WipeReason): Promise<void> {
  await takeWipeNotice();
  useSession.getState().signOut();
  await forgetUser(false);
  if (reason !== 'pin_failures') forgetDeviceId();
  useAuthUi.setState({
    notice: t(`lock.wiped.${reason}`),
    pinSetupFor: null,
    foreignDataFor: null,
    forgotPin: false,
    reauthOpen: false,
  });
}

/** At start: a wipe the service worker did while the app was closed. */
export async function showPendingWipe(): Promise<void> {
  const reason = await takeWipeNotice();
  if (reason) await afterWipe(reason);
}
