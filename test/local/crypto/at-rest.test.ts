// Encryption at rest ([K1], issue 11): every table round-trips through the middleware, nothing but
// the registry's clear fields is readable in what IndexedDB holds, and a flipped byte, a moved
// ciphertext, a wrong key or a locked device refuse instead of returning garbage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openClearView, openDatabase, type FeldakteDb } from '../../../src/local/db';
import { dropDataKey, holdDataKey, isUnlocked } from '../../../src/local/crypto/keyring';
import { LockedError, StorageIntegrityError } from '../../../src/local/crypto/row-cipher';
import { clearRecordFields } from '../../../src/shared/domain/clear-fields';
import { tableNames } from '../../../src/shared/domain/tables';
import { newRecordId } from '../../../src/shared/domain/record-id';
import { createRecord } from '../../../src/local/write-record';
import { sealRows } from '../../../src/local/crypto/bulk-cipher';

const SECRET = 'Angst vor der Abschiebung';

let db: FeldakteDb;
let raw: FeldakteDb;
beforeEach(async () => {
  db = openDatabase(`at-rest-${Math.random().toString(36).slice(2)}`);
  await db.open();
  raw = openClearView(db.name);
});
afterEach(() => {
  db.close();
  raw.close();
});

/** A row with every clear field of the table set, plus a field that must be encrypted. */
function rowFor(table: string): Record<string, unknown> {
  const row: Record<string, unknown> = { id: newRecordId(), secretNote: SECRET };
  for (const field of (clearRecordFields as Record<string, readonly string[]>)[table] ?? []) {
    row[field] = `${field}-wert`;
  }
  return row;
}

describe('[K1] every table round-trips and stores only clear fields in clear', () => {
  it.each(tableNames)('%s', async (table) => {
    const row = rowFor(table);
    await db.table(table).put(row);
    expect(await db.table(table).get(row.id as string)).toEqual(row);
    const stored = (await raw.table(table).get(row.id as string)) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('secretNote');
    expect(JSON.stringify(stored)).not.toContain('Abschiebung');
    expect(Object.keys(stored).sort()).toEqual(
      [...Object.keys(row).filter((k) => k !== 'secretNote'), '_c'].sort(),
    );
  });

  it('outbox, rejections and personal meta keys are encrypted too; counters stay clear', async () => {
    const result = await createRecord(db, 'cases', {
      givenName: 'Mariam',
      familyName: 'Ahmadi',
      phone: '+49 171 5550123',
      status: 'intake',
    });
    expect(result.ok).toBe(true);
    await db.rejections.put({
      mutationId: 7,
      table: 'cases',
      recordId: newRecordId(),
      op: 'put',
      fields: { givenName: 'Mariam' },
      reason: 'abgelehnt',
      at: '2026-03-01T10:00:00.000Z',
    });
    await db.meta.put({ key: 'futurePersonal', value: { name: 'Mariam Ahmadi' } });
    const dump = JSON.stringify(
      await Promise.all(
        ['outbox', 'rejections', 'meta', 'cases'].map((t) => raw.table(t).toArray()),
      ),
    );
    expect(dump).not.toMatch(/Mariam|Ahmadi|5550123/);
    expect(await db.meta.get('futurePersonal')).toEqual({
      key: 'futurePersonal',
      value: { name: 'Mariam Ahmadi' },
    });
    expect((await raw.meta.get('nextMutationId'))?.value).toBe(2);
    expect((await db.outbox.toArray())[0]?.fields).toMatchObject({ givenName: 'Mariam' });
  });

  it('a fresh IV per write: the same record stored twice gives different ciphertexts', async () => {
    const row = rowFor('contacts');
    await db.contacts.put(row as never);
    const first = ((await raw.contacts.get(row.id as string)) as unknown as { _c: Uint8Array })._c;
    await db.contacts.put(row as never);
    const second = ((await raw.contacts.get(row.id as string)) as unknown as { _c: Uint8Array })._c;
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
    expect(Buffer.from(first.subarray(0, 12)).equals(Buffer.from(second.subarray(0, 12)))).toBe(
      false,
    );
  });

  it('a pulled batch sealed in bulk (WebCrypto) gives every row its own IV, and every row opens', async () => {
    // More rows than one draw of IVs holds (5,000), so the batch spans two.
    const rows = Array.from({ length: 5_100 }, () => rowFor('contacts'));
    const stored = await sealRows(db, 'contacts', rows);
    const ivs = new Set(
      stored.map((row) => Buffer.from((row._c as Uint8Array).subarray(0, 12)).toString('hex')),
    );
    expect(ivs.size).toBe(rows.length);
    await db.contacts.bulkPut(stored as never);
    expect(await db.contacts.bulkGet(rows.map((row) => row.id as string))).toEqual(rows);
  });

  it('the stored format is plain AES-GCM-256: WebCrypto opens it with the key and table|id', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    dropDataKey(db.name);
    holdDataKey(db.name, key.slice());
    const row = rowFor('needs');
    await db.needs.put(row as never);
    const blob = ((await raw.needs.get(row.id as string)) as unknown as { _c: Uint8Array })._c;
    const aes = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['decrypt']);
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: blob.slice(0, 12),
        additionalData: new TextEncoder().encode(`needs|${row.id as string}`),
      },
      aes,
      blob.slice(12),
    );
    expect(JSON.parse(new TextDecoder().decode(plain))).toEqual({ secretNote: SECRET });
  });
});

describe('refusing instead of garbage', () => {
  async function storeCase() {
    const row = rowFor('cases');
    await db.cases.put(row as never);
    return row.id as string;
  }

  it('a flipped byte in the ciphertext is a storage error', async () => {
    const id = await storeCase();
    const stored = (await raw.cases.get(id)) as unknown as { _c: Uint8Array };
    stored._c[20]! ^= 0x01;
    await raw.cases.put(stored as never);
    await expect(db.cases.get(id)).rejects.toBeInstanceOf(StorageIntegrityError);
    await expect(db.cases.toArray()).rejects.toBeInstanceOf(StorageIntegrityError);
  });

  it('a ciphertext moved to another row does not open there', async () => {
    const a = await storeCase();
    const b = await storeCase();
    const storedA = (await raw.cases.get(a)) as unknown as { _c: Uint8Array };
    const storedB = (await raw.cases.get(b)) as unknown as Record<string, unknown>;
    await raw.cases.put({ ...storedB, _c: storedA._c } as never);
    await expect(db.cases.get(b)).rejects.toBeInstanceOf(StorageIntegrityError);
  });

  it('a value written in clear where the registry allows none is refused', async () => {
    const id = await storeCase();
    const stored = (await raw.cases.get(id)) as unknown as Record<string, unknown>;
    await raw.cases.put({ ...stored, givenName: 'Eingeschleust' } as never);
    await expect(db.cases.get(id)).rejects.toBeInstanceOf(StorageIntegrityError);
  });

  it('the wrong key (another user, another device) is a storage error', async () => {
    const id = await storeCase();
    dropDataKey(db.name);
    holdDataKey(db.name, crypto.getRandomValues(new Uint8Array(32)));
    await expect(db.cases.get(id)).rejects.toBeInstanceOf(StorageIntegrityError);
  });

  it('locked: reads and writes of personal data refuse, nothing is written; counts still work', async () => {
    const id = await storeCase();
    dropDataKey(db.name);
    expect(isUnlocked(db.name)).toBe(false);
    await expect(db.cases.get(id)).rejects.toBeInstanceOf(LockedError);
    await expect(db.cases.put(rowFor('cases') as never)).rejects.toBeInstanceOf(LockedError);
    expect(await db.cases.count()).toBe(1);
    // Clear meta (the sync status) may still be written by the locked sync.
    await db.meta.put({ key: 'lastSyncAt', value: '2026-03-01T10:00:00.000Z' });
    expect((await db.meta.get('lastSyncAt'))?.value).toBe('2026-03-01T10:00:00.000Z');
  });
});
