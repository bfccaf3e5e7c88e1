// Every test process gets a fresh in-memory IndexedDB; Dexie picks up the globals.
import 'fake-indexeddb/auto';
import { vi } from 'vitest';

// Tests run as after a PIN unlock: every database opened gets a fixed test key per name (so a
// reopened database still decrypts). Tests of locking itself drop it with lockDatabase/dropDataKey.
const realKeyDatabases: Set<string> = ((
  globalThis as { __realKeyDatabases?: Set<string> }
).__realKeyDatabases ??= new Set());

vi.mock('../../src/local/db', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/local/db')>();
  const keyring = await import('../../src/local/crypto/keyring');
  const keys = new Map<string, Uint8Array>();
  return {
    ...actual,
    openDatabase(userId: string) {
      const db = actual.openDatabase(userId);
      // Databases a test set up with a real PIN and recovery key (test/support/real-keys.ts).
      if (realKeyDatabases.has(db.name)) return db;
      if (!keys.has(db.name)) keys.set(db.name, crypto.getRandomValues(new Uint8Array(32)));
      if (!keyring.isUnlocked(db.name)) keyring.holdDataKey(db.name, keys.get(db.name)!.slice());
      return db;
    },
  };
});
