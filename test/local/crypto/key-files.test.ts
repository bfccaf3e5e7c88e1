// [K9] The PIN wrap lives in a key file of the origin's private file system, not in IndexedDB
// (whose LevelDB keeps deleted entries until it compacts): setting a PIN writes the file and leaves
// no wrap in the vault table, an older device's wrap moves there at its next unlock, and every
// wipe removes the file first, also when the database itself is gone already (sign-out).
// The private file system is the in-memory one of test/support/memory-file-system.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { openDatabase, type FeldakteDb } from '../../../src/local/db';
import { wrapWithPin } from '../../../src/local/crypto/data-key';
import { dataKeyOf, dropDataKey } from '../../../src/local/crypto/keyring';
import {
  createDataKey,
  canUnlockOnDevice,
  setPin,
  unlockWithPin,
} from '../../../src/local/crypto/vault';
import { wipeDatabase } from '../../../src/local/wipe-database';
import { installMemoryFileSystem } from '../../support/memory-file-system';

let db: FeldakteDb;
let files: Map<string, string>;
beforeEach(async () => {
  files = installMemoryFileSystem();
  db = openDatabase(`files-${Math.random().toString(36).slice(2)}`);
  dropDataKey(db.name);
  await createDataKey(db, 'c2VydmVyLXNlY3JldA', 'user-1');
});
afterEach(async () => {
  vi.unstubAllGlobals();
  db.close();
  await Dexie.delete(db.name);
});

const pinFile = () => `/feldakte-keys/${db.name}.pin`;

describe('[K9] the PIN wrap in a key file that a wipe unlinks', () => {
  it('setting a PIN writes the key file and nothing of the wrap into IndexedDB', async () => {
    await setPin(db, '482915', 'pin');
    expect(await db.vault.get('pin')).toBeUndefined();
    const stored = JSON.parse(files.get(pinFile())!) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['iterations', 'iv', 'kind', 'salt', 'wrapped']);
    dropDataKey(db.name);
    expect(await canUnlockOnDevice(db)).toBe(true);
    expect(await unlockWithPin(db, '482915', vi.fn())).toEqual({ ok: true });
  }, 30_000);

  it('a wrap from before moves out of IndexedDB into the key file at the next unlock', async () => {
    const key = dataKeyOf(db.name)!.slice();
    await db.vault.put({ id: 'pin', ...(await wrapWithPin(key, '482915', 'pin')) });
    dropDataKey(db.name);
    expect(await canUnlockOnDevice(db)).toBe(true);
    expect(await unlockWithPin(db, '482915', vi.fn())).toEqual({ ok: true });
    expect(dataKeyOf(db.name)).toEqual(key);
    expect(await db.vault.get('pin')).toBeUndefined();
    expect(files.has(pinFile())).toBe(true);
  }, 30_000);

  it('a wipe removes the key file, and with it the way in with the PIN', async () => {
    await setPin(db, '482915', 'pin');
    await wipeDatabase(db, 'pin_failures');
    expect(files.has(pinFile())).toBe(false);
    expect(await Dexie.exists(db.name)).toBe(false);
  }, 30_000);

  it('a wipe of a closed database (sign-out with removal) removes its key file too', async () => {
    await setPin(db, '482915', 'pin');
    db.close();
    await wipeDatabase({ name: db.name, close: () => undefined });
    expect(files.size).toBe(0);
  }, 30_000);
});
