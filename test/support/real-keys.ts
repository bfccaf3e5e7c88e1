// A device database set up the real way (recovery wrap + PIN), for tests of the lock flow: the
// test setup then leaves its key alone (setup-indexeddb.ts holds a test key for all others).
import { databaseName, openDatabase, type FeldakteDb } from '../../src/local/db';
import { createDataKey, setPin } from '../../src/local/crypto/vault';
import { dropDataKey } from '../../src/local/crypto/keyring';
import { setMeta } from '../../src/local/meta';
import type { SessionUser } from '../../src/shared/sync/protocol';

export const TEST_RECOVERY_SECRET = 'dGVzdC1yZWNvdmVyeS1zZWNyZXQtb2YtdGhlLXVzZXI';

export function useRealKeys(userId: string): void {
  (globalThis as { __realKeyDatabases?: Set<string> }).__realKeyDatabases!.add(
    databaseName(userId),
  );
}

/**
 * A device where `user` signed in before and set `pin`; `fill` writes while unlocked. The database
 * is left closed and locked.
 */
export async function preparedDevice(
  user: SessionUser,
  pin: string,
  fill: (db: FeldakteDb) => Promise<void> = async () => undefined,
): Promise<void> {
  useRealKeys(user.id);
  const db = openDatabase(user.id);
  await createDataKey(db, TEST_RECOVERY_SECRET, user.id);
  await setPin(db, pin, 'pin');
  await setMeta(db, 'sessionUser', user);
  await fill(db);
  dropDataKey(db.name);
  db.close();
}
