// [P9] records written together travel together: one groupId on their outbox entries, never split
// across two pushes, and a rejection of the group rolls every member back on the phone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type FeldakteDb } from '../../../src/local/db';
import { createRecord, writeRecords } from '../../../src/local/write-record';
import { syncOnce } from '../../../src/local/sync/sync-engine';
import { scriptedTransport } from '../../support/scripted-transport';

let db: FeldakteDb;
beforeEach(() => {
  db = openDatabase(`groups-${Math.random().toString(36).slice(2)}`);
});
afterEach(() => db.delete());

const person = (givenName: string) => ({
  givenName,
  familyName: 'Haddad',
  status: 'inquiry' as const,
});

describe('[P9] multi-record writes are one group', () => {
  it('writeRecords gives its entries one groupId; a single write has none', async () => {
    await createRecord(db, 'cases', person('Amina'));
    const result = await writeRecords(db, [
      { table: 'cases', fields: person('Yonas') },
      { table: 'cases', fields: person('Dilan') },
    ]);
    expect(result.ok).toBe(true);
    const [single, first, second] = await db.outbox.toArray();
    expect(single!.groupId).toBeUndefined();
    expect(first!.groupId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second!.groupId).toBe(first!.groupId);
  });

  it('a push batch never ends inside a group', async () => {
    await createRecord(db, 'cases', person('Amina'));
    await writeRecords(db, [
      { table: 'cases', fields: person('Yonas') },
      { table: 'cases', fields: person('Dilan') },
      { table: 'cases', fields: person('Samir') },
    ]);
    await createRecord(db, 'cases', person('Hevin'));
    const transport = scriptedTransport();
    const result = await syncOnce(db, transport, { pushBatchSize: 2 });
    expect(result.ok).toBe(true);
    expect(transport.pushes.map((p) => p.mutations.map((m) => m.id))).toEqual([
      [1],
      [2, 3, 4],
      [5],
    ]);
    const groups = transport.pushes[1]!.mutations.map((m) => m.groupId);
    expect(new Set(groups).size).toBe(1);
    expect(groups[0]).toBeDefined();
  });

  it('a rejected group rolls back every member on the phone', async () => {
    const written = await writeRecords(db, [
      { table: 'cases', fields: person('Yonas') },
      { table: 'cases', fields: person('Dilan') },
    ]);
    if (!written.ok) throw new Error('setup');
    const transport = scriptedTransport({
      push: (request) => ({
        lastMutationId: request.mutations[request.mutations.length - 1]!.id,
        results: request.mutations.map((m) => ({
          id: m.id,
          status: 'rejected' as const,
          reason: 'Die Einwilligung wurde widerrufen.',
          current: null,
        })),
      }),
    });
    await syncOnce(db, transport);
    expect(await db.cases.count()).toBe(0);
    expect((await db.rejections.toArray()).map((r) => r.reason)).toEqual([
      'Die Einwilligung wurde widerrufen.',
      'Die Einwilligung wurde widerrufen.',
    ]);
  });
});
