// Remote wipe and the tenth wrong PIN ([K6], issue 11): the ONE place that deletes a user's local
// database. Called from the sync engine (page or service worker) on 401 device_revoked or
// user_disabled, and from the lock screen. It drops the key, deletes the database with its outbox,
// forgets the user for the service worker and leaves the reason (no personal data) for the page.
import Dexie from 'dexie';
import type { FeldakteDb } from './db';
import { dropDataKey } from './crypto/keyring';
import { setActiveUserId, setWipeNotice, type WipeReason } from './active-user';

/** `reason` is left for the page to show; without one the person chose it and knows. */
export async function wipeDatabase(db: FeldakteDb, reason?: WipeReason): Promise<void> {
  dropDataKey(db.name);
  db.close();
  await Dexie.delete(db.name);
  await setActiveUserId(null).catch(() => undefined);
  if (reason) await setWipeNotice(reason).catch(() => undefined);
}
