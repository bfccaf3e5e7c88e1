// After the server accepted a password sign-in: remember the account id on the device, open its
// own database and its data key with the recovery secret from the answer ([K2]) — creating the key
// on a new device — then ask for a PIN where none is set yet (or after "PIN vergessen").
import type { SessionUser } from '../../../shared/sync/protocol';
import type { SealKey } from '../../../shared/sync/sealed-envelope';
import type { FeldakteDb } from '../../../local/db';
import { getMeta, setMeta } from '../../../local/meta';
import { createDataKey, canUnlockOnDevice, unlockWithRecovery } from '../../../local/crypto/vault';
import { isUnlocked } from '../../../local/crypto/keyring';
import {
  isLegacyDatabase,
  restoreLegacyWork,
  takeLegacyDatabase,
} from '../../../local/crypto/legacy-database';
import { t } from '../../../shared/i18n/t';
import { useSession, worksWithCases } from '../../state/session';
import { requestSync } from '../../state/sync-run';
import { rememberUser } from './remembered-user';
import { useAuthUi } from '../../state/auth-ui';
import { afterScreenSettled } from '../../state/screen-settled';

export interface SignInSecrets {
  recoverySecret?: string;
  sealKey?: SealKey;
}

export async function completeSignIn(
  user: SessionUser,
  secrets: SignInSecrets = {},
): Promise<void> {
  // Signed in with a one-time password: "Neues Passwort festlegen" first (issue 14); the
  // secrets wait in memory and this runs again with the account once the password is set.
  if (user.passwordChangeRequired) {
    useAuthUi.setState({ passwordChangeFor: { user, secrets }, reauthOpen: false, notice: null });
    return;
  }
  // The console (coordinators, admins) keeps nothing on the device: no database, no key, and the
  // account is not remembered (the server session decides at the next start).
  if (!worksWithCases(user)) {
    useSession.getState().signIn(user);
    useAuthUi.setState({ reauthOpen: false, notice: null });
    return;
  }
  await rememberUser(user);
  const session = useSession.getState();
  // Signing in again while unlocked (an expired session): only the session was missing.
  if (session.user?.id === user.id && session.db && isUnlocked(session.db.name)) {
    await storeAccount(session.db, user, secrets.sealKey);
    session.signIn(user);
    useAuthUi.setState({ reauthOpen: false, notice: null });
    void requestSync();
    return;
  }
  // [K11] A database from before encryption: its outbox goes to the server before anything else.
  const hasLegacy = await isLegacyDatabase(user.id);
  if (hasLegacy) {
    // Loaded only here: the push code is not part of the first screen.
    const [{ pushLegacyOutbox }, { createFetchTransport }] = await Promise.all([
      import('../../../local/crypto/legacy-outbox'),
      import('../../../local/sync/fetch-transport'),
    ]);
    await pushLegacyOutbox(user.id, createFetchTransport()).catch(() => false);
  }
  if (!secrets.recoverySecret) {
    // A session found by GET (no secret in that answer). An old database waits, untouched, for the
    // password sign-in that brings the secret its key needs; otherwise the PIN opens the database.
    if (hasLegacy) {
      useSession.getState().signOut();
      useAuthUi.setState({ notice: t('lock.upgrade.signIn') });
      return;
    }
    if (!(await canUnlockOnDevice(session.openLocked(user.id)))) useSession.getState().signOut();
    return;
  }
  const legacy = hasLegacy ? await takeLegacyDatabase(user.id) : null;
  const db = session.openLocked(user.id);
  const hasKey = (await db.vault.get('recovery')) !== undefined;
  if (hasKey) {
    if (!(await unlockWithRecovery(db, secrets.recoverySecret, user.id))) {
      useAuthUi.setState({ foreignDataFor: user });
      return;
    }
  } else {
    await createDataKey(db, secrets.recoverySecret, user.id);
    if (legacy) await restoreLegacyWork(db, legacy);
  }
  await storeAccount(db, user, secrets.sealKey);
  if (useAuthUi.getState().forgotPin || !(await canUnlockOnDevice(db))) {
    useAuthUi.setState({ pinSetupFor: user, forgotPin: false, notice: null });
    return;
  }
  await enterApp(db, user);
}

/** The account and the server's seal key into the database (the account encrypted). */
async function storeAccount(db: FeldakteDb, user: SessionUser, sealKey?: SealKey): Promise<void> {
  await setMeta(db, 'sessionUser', user);
  if (sealKey) await setMeta(db, 'sealKey', sealKey);
}

/** Unlocked: seal session, search index, the app, a sync. */
export async function enterApp(db: FeldakteDb, user: SessionUser): Promise<void> {
  // Sealing and the search index come with the shell's chunks, after the lock screen.
  const sealKey = await getMeta(db, 'sealKey');
  if (sealKey) {
    await import('../../../local/crypto/outbox-seal')
      .then(({ startSealSession }) => startSealSession(db.name, sealKey))
      .catch(() => undefined);
  }
  useSession.getState().signIn(user);
  useAuthUi.setState({ reauthOpen: false, notice: null, pinSetupFor: null, foreignDataFor: null });
  // The search index (every case read and decrypted) is built once the first screen has its
  // lists: on a slow phone it would otherwise hold up Heute right after the PIN.
  afterScreenSettled(() => {
    void import('../../../local/case-search')
      .then(({ warmCaseIndex }) => warmCaseIndex(db))
      .catch(() => undefined);
  });
  void requestSync();
}

/** After the PIN unlocked the key: the account from the database, then the app. */
export async function enterAfterUnlock(db: FeldakteDb): Promise<boolean> {
  const user = await getMeta(db, 'sessionUser');
  if (!user) return false;
  await enterApp(db, user);
  return true;
}
