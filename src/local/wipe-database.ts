// Remote wipe, the tenth wrong PIN and sign-out with removal ([K6], [K9]): the ONE place that
// deletes a user's local data. Called from the sync engine (page or service worker) on 401
// device_revoked or user_disabled, from the lock screen and from the sign-out dialog. First the
// key files go (unlinked: with them every way to open the data key on the device alone, so what
// LevelDB keeps of the deleted database until it compacts cannot be opened with the PIN), then
// the key leaves memory and the database is deleted with its outbox; the service worker forgets
// the user and the reason (no personal data) is left for the page.
import Dexie from 'dexie';
import type { FeldakteDb } from './db';
import { dropDataKey } from './crypto/keyring';
import { removeKeyFiles } from './crypto/vault';
import { setActiveUserId, setWipeNotice, type WipeReason } from './active-user';

/** `reason` is left for the page to show; without one the person chose it and knows. */
export async function wipeDatabase(
  db: Pick<FeldakteDb, 'name' | 'close'>,
  reason?: WipeReason,
): Promise<void> {
  // A key file that would not go: the database goes all the same, then the caller learns of it.
  const keysLeft = await removeKeyFiles(db).then(
    () => null,
    (error: unknown) => error,
  );
  dropDataKey(db.name);
  db.close();
  await Dexie.delete(db.name);
  await setActiveUserId(null).catch(() => undefined);
  if (reason) await setWipeNotice(reason).catch(() => undefined);
  if (keysLeft) throw keysLeft;
}
