import { describe, expect, it, vi } from 'vitest';
import { liveQuery } from 'dexie';
import { searchCases } from '../../../src/local/case-search';
import { getMeta } from '../../../src/local/meta';
import { deleteRecord, putRecord } from '../../../src/local/write-record';
import { applyPullPage, preparePullPage, storePullPage } from '../../../src/local/sync/apply-pull';
import { newRecordId } from '../../../src/shared/domain/record-id';
import { parseHlc } from '../../../src/shared/sync/hlc';
import {
  caseChange,
  deviceDatabases,
  otherClock,
  page,
  writeCase,
} from '../../support/sync-fixtures';
import { failPutsInto } from '../../support/failing-storage';

const device = deviceDatabases();

describe('applying a pulled page', () => {
  it('[A1] stores the records, drops acknowledged outbox entries and moves the cursor together', async () => {
    const db = device();
    const mine = await writeCase(db, { givenName: 'Amina' });
    const theirs = newRecordId();

    await applyPullPage(
      db,
      page(
        [
          caseChange(mine, { givenName: 'Amina', familyName: 'Haddad' }, 7),
          caseChange(theirs, { givenName: 'Yonas', familyName: 'Tesfaye' }, 8),
        ],
        { lastMutationId: 1 },
      ),
    );

    expect(await db.cases.get(theirs)).toMatchObject({ givenName: 'Yonas', familyName: 'Tesfaye' });
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'cursor')).toBe(8);
  });

  it('live queries see a pulled page (its rows go into IndexedDB below Dexie)', async () => {
    const db = device();
    await writeCase(db, { givenName: 'Amina' });
    const seen: number[] = [];
    const subscription = liveQuery(() =>
      db.cases.where('status').equals('inquiry').count(),
    ).subscribe((count) => seen.push(count));
    await vi.waitFor(() => expect(seen).toEqual([1]));

    const pulled = [newRecordId(), newRecordId()];
    await applyPullPage(
      db,
      page(pulled.map((id, i) => caseChange(id, { givenName: `P${i}`, familyName: 'X' }, i + 1))),
    );

    await vi.waitFor(() => expect(seen.at(-1)).toBe(3));
    subscription.unsubscribe();
  });

  it('[A1] a failing write inside the page leaves records, outbox and cursor as they were', async () => {
    const db = device();
    let failContacts = false;
    // A storage failure while writing the child records of the page (e.g. the disk filling up).
    failPutsInto('contacts', () => failContacts);
    const mine = await writeCase(db, { givenName: 'Amina' });
    const before = await db.cases.get(mine);
    failContacts = true;

    const contact = {
      table: 'contacts',
      id: newRecordId(),
      deleted: false,
      fields: { caseId: mine, at: '2025-03-14T09:30:00.000Z', channel: 'phone' },
      version: 9,
      hlc: otherClock(),
    };
    await expect(
      applyPullPage(
        db,
        page([caseChange(mine, { givenName: 'Changed', familyName: 'Elsewhere' }, 8), contact], {
          lastMutationId: 1,
        }),
      ),
    ).rejects.toThrow();

    expect(await db.cases.get(mine)).toEqual(before);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    expect(await getMeta(db, 'cursor')).toBeUndefined();
  });

  it('[A1] a page handed over while the page before commits keeps nothing unless that one stored its cursor', async () => {
    const db = device();
    const first = newRecordId();
    const second = newRecordId();
    await applyPullPage(db, page([caseChange(first, { givenName: 'A', familyName: 'X' }, 4)]));

    // The page continuing from cursor 6 arrives, but the page for 5..6 never committed.
    const prepared = await preparePullPage(
      db,
      page([caseChange(second, { givenName: 'B', familyName: 'X' }, 8)]),
    );
    await expect(storePullPage(db, prepared, new Date(), 6)).rejects.toThrow();

    expect(await db.cases.get(second)).toBeUndefined();
    expect(await getMeta(db, 'cursor')).toBe(4);
    await storePullPage(db, prepared, new Date(), 4);
    expect(await db.cases.get(second)).toMatchObject({ givenName: 'B' });
    expect(await getMeta(db, 'cursor')).toBe(8);
  });

  it('[A2] a pulled record does not overwrite a field edited on the device but not yet synced', async () => {
    const db = device();
    const id = await writeCase(db, { givenName: 'Amina', familyName: 'Haddad' });
    await applyPullPage(
      db,
      page([caseChange(id, { givenName: 'Amina', familyName: 'Haddad' }, 3)], {
        lastMutationId: 1,
      }),
    );
    await putRecord(db, 'cases', id, { givenName: 'Aminah' });

    await applyPullPage(
      db,
      page([caseChange(id, { givenName: 'Amina', familyName: 'Haddad-Khalil' }, 5)], {
        lastMutationId: 1,
      }),
    );

    expect(await db.cases.get(id)).toMatchObject({
      givenName: 'Aminah',
      familyName: 'Haddad-Khalil',
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('[A2] pending edits are laid over in outbox order, the newest last', async () => {
    const db = device();
    const id = await writeCase(db, { givenName: 'A' });
    await putRecord(db, 'cases', id, { givenName: 'B' });
    await putRecord(db, 'cases', id, { givenName: 'C' });

    await applyPullPage(
      db,
      page([caseChange(id, { givenName: 'A', familyName: 'Haddad' }, 4)], { lastMutationId: 1 }),
    );

    expect((await db.cases.get(id))?.givenName).toBe('C');
  });

  it('[A2] a record deleted on the device stays deleted while the delete is pending', async () => {
    const db = device();
    const id = await writeCase(db);
    await applyPullPage(
      db,
      page([caseChange(id, { givenName: 'Amina', familyName: 'Haddad' }, 2)], {
        lastMutationId: 1,
      }),
    );
    await deleteRecord(db, 'cases', id);

    await applyPullPage(
      db,
      page([caseChange(id, { givenName: 'Amina', familyName: 'Neu' }, 6)], { lastMutationId: 1 }),
    );

    expect(await db.cases.get(id)).toBeUndefined();
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ op: 'delete', recordId: id }),
    ]);
  });

  it('[A3] a pulled tombstone deletes the record; its pending edit stays until the server answers', async () => {
    const db = device();
    const id = await writeCase(db);
    await applyPullPage(
      db,
      page([caseChange(id, { givenName: 'Amina', familyName: 'Haddad' }, 2)], {
        lastMutationId: 1,
      }),
    );
    await putRecord(db, 'cases', id, { familyName: 'Haddad-Khalil' });

    await applyPullPage(
      db,
      page([caseChange(id, {}, 3, { deleted: true })], { lastMutationId: 1 }),
    );

    expect(await db.cases.get(id)).toBeUndefined();
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ recordId: id, fields: { familyName: 'Haddad-Khalil' } }),
    ]);
  });

  it('[A4] only outbox entries up to the acknowledged id are removed', async () => {
    const db = device();
    for (const name of ['A', 'B', 'C', 'D']) await writeCase(db, { givenName: name });

    await applyPullPage(db, page([], { cursor: 0, lastMutationId: 2 }));

    expect((await db.outbox.toArray()).map((entry) => entry.id)).toEqual([3, 4]);
  });

  it('[C2] an edit made after a pull is later than every pulled clock, even one from the future', async () => {
    const db = device();
    const id = await writeCase(db);
    const future = otherClock(10 * 60_000);

    await applyPullPage(
      db,
      page([caseChange(id, { givenName: 'Amina', familyName: 'Haddad' }, 2, { hlc: future })], {
        lastMutationId: 1,
      }),
    );
    await putRecord(db, 'cases', id, { givenName: 'Aminah' });

    const [edit] = await db.outbox.toArray();
    expect(edit!.hlc > future).toBe(true);
    expect(parseHlc(edit!.hlc)?.node).toBe(await getMeta(db, 'clientId'));
  });

  it('pulled cases are findable by name on the device (the in-memory index reads them decrypted)', async () => {
    const db = device();
    const id = newRecordId();

    await applyPullPage(
      db,
      page([caseChange(id, { givenName: 'Yonas', familyName: 'Tesfaye' }, 1)]),
    );

    expect(
      (await searchCases(db, { query: 'tesf', status: 'all' })).cases.map((c) => c.id),
    ).toEqual([id]);
  });

  it('a change of a table this app version does not know is skipped, the rest is stored', async () => {
    const db = device();
    const id = newRecordId();
    const unknown = {
      table: 'futureTable',
      id: newRecordId(),
      deleted: false,
      fields: {},
      version: 2,
      hlc: otherClock(),
    };

    await applyPullPage(
      db,
      page([caseChange(id, { givenName: 'Yonas', familyName: 'Tesfaye' }, 1), unknown]),
    );

    expect(await db.cases.get(id)).toBeDefined();
    expect(await getMeta(db, 'cursor')).toBe(2);
  });
});
