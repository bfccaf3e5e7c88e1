// Issue 11: a phone that still has the database from before encryption at rest (Dexie schema
// version 1: records, outbox, rejections and counters all in clear) is moved over at the next
// password sign-in without losing unsynced work and without leaving anything in clear: the clear
// database is gone, the outbox and rejections are in the new database encrypted, the counters kept
// (so the server sees no gap in the mutation ids, [P4]), the cursor reset so that a full pull
// brings the records back, with the pending changes laid over them ([A2]).
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { databaseName, openClearView, openDatabase, type FeldakteDb } from '../../../src/local/db';
import {
  isLegacyDatabase,
  restoreLegacyWork,
  takeLegacyDatabase,
} from '../../../src/local/crypto/legacy-database';
import { createDataKey } from '../../../src/local/crypto/vault';
import { dropDataKey } from '../../../src/local/crypto/keyring';
import { applyPullPage } from '../../../src/local/sync/apply-pull';
import { getMeta } from '../../../src/local/meta';
import { newRecordId } from '../../../src/shared/domain/record-id';
import { HLC, versionOneDatabase } from '../../support/legacy-device';

const RECOVERY = 'cmVjb3Zlcnktc2VjcmV0LWZvci10aGUtbGVnYWN5LXRlc3Q';
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Every row of every object store of every database of the origin, as stored. */
async function everythingStored(): Promise<string> {
  const dump: unknown[] = [];
  for (const name of await Dexie.getDatabaseNames()) {
    const db = new Dexie(name);
    await db.open();
    for (const table of db.tables) dump.push(name, table.name, await table.toArray());
    db.close();
  }
  return JSON.stringify(dump, (_key, value: unknown) =>
    value instanceof Uint8Array ? `<${value.byteLength} bytes>` : value,
  );
}

describe('a database from before encryption at rest', () => {
  it('is moved over at the password sign-in: no work lost, nothing left in clear', async () => {
    const userId = `legacy-${newRecordId()}`;
    const before = await versionOneDatabase(userId);
    expect(await isLegacyDatabase(userId)).toBe(true);
    expect(await everythingStored()).toContain('Angst vor der Abschiebung');

    // What complete-sign-in.ts does after the server accepted the password.
    const work = await takeLegacyDatabase(userId);
    expect(work).not.toBeNull();
    const db: FeldakteDb = openDatabase(userId);
    opened.push(db);
    await createDataKey(db, RECOVERY, userId);
    await restoreLegacyWork(db, work!);
    expect(await isLegacyDatabase(userId)).toBe(false);

    // Nothing lost: the unsynced work with its ids, the counters; the cursor starts over.
    expect(await db.outbox.orderBy('id').toArray()).toEqual(before.outbox);
    expect(await db.rejections.toArray()).toEqual([before.rejection]);
    expect(await getMeta(db, 'clientId')).toBe('client-legacy-1');
    expect(await getMeta(db, 'nextMutationId')).toBe(6);
    expect(await getMeta(db, 'cursor')).toBeUndefined();

    // Nothing in clear anywhere: no name, phone, note or place, no name index.
    const stored = await everythingStored();
    for (const secret of [
      'Yusuf',
      'Haidari',
      'Mariam',
      'Ahmadi',
      '5550123',
      'Abschiebung',
      'Am Ring',
      'abgeschlossen',
    ]) {
      expect(stored).not.toContain(secret);
    }
    const raw = openClearView(db.name);
    opened.push(raw);
    const rawOutbox = (await raw.table('outbox').toArray()) as Record<string, unknown>[];
    expect(rawOutbox.every((row) => row._c instanceof Uint8Array && !('fields' in row))).toBe(true);

    // The full pull brings the synced record back with the pending phone number laid over it;
    // the record made offline exists from its outbox entry until the push.
    await applyPullPage(db, {
      changes: [
        {
          table: 'cases',
          id: before.synced,
          deleted: false,
          fields: { givenName: 'Yusuf', familyName: 'Haidari', status: 'active' },
          version: 12,
          hlc: HLC,
        },
      ],
      cursor: 12,
      hasMore: false,
      lastMutationId: 3,
    });
    expect(await db.cases.get(before.synced)).toMatchObject({
      givenName: 'Yusuf',
      phone: '+49 171 5550123',
    });
    expect(await db.outbox.count()).toBe(2);

    // Locked again, the new database cannot be read without the key.
    dropDataKey(db.name);
    await expect(db.outbox.toArray()).rejects.toThrow();
  });

  it('is left alone for another user: only the signing-in user’s database is moved', async () => {
    const owner = `legacy-${newRecordId()}`;
    await versionOneDatabase(owner);
    expect(await takeLegacyDatabase(`legacy-${newRecordId()}`)).toBeNull();
    expect(await isLegacyDatabase(owner)).toBe(true);
    const leftover = new Dexie(databaseName(owner));
    opened.push(leftover);
  });

  it('an encrypted database is no legacy one', async () => {
    const userId = `legacy-${newRecordId()}`;
    const db = openDatabase(userId);
    opened.push(db);
    await createDataKey(db, RECOVERY, userId);
    db.close();
    expect(await isLegacyDatabase(userId)).toBe(false);
    expect(await takeLegacyDatabase(userId)).toBeNull();
  });
});
