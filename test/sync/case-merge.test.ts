// Merging two cases of one person across phones (issue 26, SPEC [G1]-[G6]): the real device code
// (local/merge-cases.ts, the sync engine) against the real server code. One phone merges; another,
// offline, goes on writing to the merged case; after syncing, both phones and the server hold the
// same records, nothing the offline phone wrote is lost, and an undo or a refused merge leaves
// every replica equal to the server again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type FeldakteDb } from '../../src/local/db';
import { createRecord, putRecord } from '../../src/local/write-record';
import { saveCase } from '../../src/local/save-case';
import { mergeCases, mergedAway, mergesInto, undoMerge } from '../../src/local/merge-cases';
import { syncOnce } from '../../src/local/sync/sync-engine';
import { createFetchTransport } from '../../src/local/sync/fetch-transport';
import type { SyncTransport } from '../../src/local/sync/transport';
import { tableNames } from '../../src/shared/domain/tables';
import { startTestServer, type Member, type TestServer } from '../support/server-harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(() => server?.close());

interface Phone {
  member: Member;
  db: FeldakteDb;
  transport: SyncTransport;
}

function transportFor(app: FastifyInstance, member: Member): SyncTransport {
  const fetch = (async (url: string, init: RequestInit) => {
    const response = await app.inject({
      method: init.method as 'POST',
      url,
      headers: { cookie: member.cookie, 'content-type': 'application/json' },
      payload: init.body as string,
    });
    return new Response(response.body, {
      status: response.statusCode,
      headers: response.headers as Record<string, string>,
    });
  }) as typeof globalThis.fetch;
  return createFetchTransport({ fetch });
}

let phones = 0;
async function phone(team: string): Promise<Phone> {
  const member = await server.member(team);
  phones += 1;
  return {
    member,
    db: openDatabase(`merge-${phones}-${member.userId}`),
    transport: transportFor(server.app, member),
  };
}

async function sync(...devices: Phone[]): Promise<void> {
  for (const device of devices) {
    const result = await syncOnce(device.db, device.transport);
    expect(result.ok ? 'ok' : result.error.message).toBe('ok');
  }
}

/** The live records of the team on the server and on a phone, as JSON. */
async function serverState(teamId: string) {
  const rows = await server.store.query<{
    tbl: string;
    id: string;
    fields: Record<string, unknown>;
  }>('SELECT tbl, id, fields FROM records WHERE team_id = $1 AND NOT deleted ORDER BY tbl, id', [
    teamId,
  ]);
  return Object.fromEntries(
    rows.map((row) => [
      `${row.tbl}/${row.id}`,
      JSON.parse(JSON.stringify({ ...row.fields, id: row.id })) as unknown,
    ]),
  );
}
async function phoneState(db: FeldakteDb) {
  const state: Record<string, unknown> = {};
  for (const table of tableNames) {
    for (const record of await db.table(table).toArray()) {
      state[`${table}/${record.id as string}`] = JSON.parse(JSON.stringify(record)) as unknown;
    }
  }
  return Object.fromEntries(Object.entries(state).sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function ok<T extends { ok: boolean }>(
  result: Promise<T>,
): Promise<Extract<T, { ok: true }>> {
  const done = await result;
  if (!done.ok) throw new Error(`setup: ${JSON.stringify(done)}`);
  return done as Extract<T, { ok: true }>;
}

/** Two phones of a team with two cases of one person, each with a record. */
async function setting() {
  const team = `Zusammenführung ${Math.random().toString(36).slice(2, 8)}`;
  const anna = await phone(team);
  const ben = await phone(team);
  const [keptId] = (
    await ok(saveCase(anna.db, { givenName: 'Zuleikha', familyName: 'Ahmadi', status: 'active' }))
  ).ids;
  const [mergedId] = (
    await ok(
      saveCase(anna.db, {
        givenName: 'Zulaika',
        familyName: 'Ahmadi',
        status: 'inquiry',
        phone: '0170 5551234',
      }),
    )
  ).ids;
  const need = await ok(
    createRecord(anna.db, 'needs', {
      caseId: mergedId!,
      category: 'language',
      priority: 'high',
      source: 'self',
      status: 'open',
    }),
  );
  await sync(anna, ben);
  return { team, anna, ben, keptId: keptId!, mergedId: mergedId!, needId: need.id };
}

describe('merging two cases of one person across phones', () => {
  it('[G3][G5] a merge on one phone and offline writes to the merged case on another converge', async () => {
    const { anna, ben, keptId, mergedId, needId } = await setting();
    // Ben is offline: a contact for the merged case and a profile edit of it.
    const contact = await ok(
      createRecord(ben.db, 'contacts', {
        caseId: mergedId,
        at: new Date().toISOString(),
        channel: 'phone',
        summary: 'Rückruf wegen Sprachkurs',
      }),
    );
    await ok(putRecord(ben.db, 'cases', mergedId, { shelter: 'Unterkunft Nord' }));

    // Anna merges; her phone shows the result at once, offline.
    await ok(mergeCases(anna.db, { keptId, mergedId, taken: ['phone'] }));
    expect(await anna.db.cases.get(mergedId)).toBeUndefined();
    expect((await anna.db.needs.get(needId))?.caseId).toBe(keptId);
    expect((await anna.db.cases.get(keptId))?.phone).toBe('0170 5551234');
    expect((await anna.db.cases.get(keptId))?.otherNames).toEqual(['Zulaika Ahmadi']);
    expect(await anna.db.outbox.count()).toBe(1);
    expect((await mergedAway(anna.db, mergedId))?.caseId).toBe(keptId);

    await sync(anna, ben, anna);
    const server = await serverState(anna.member.teamId);
    expect(await phoneState(anna.db)).toEqual(server);
    expect(await phoneState(ben.db)).toEqual(server);
    // Nothing Ben wrote is lost: both went to the kept case.
    expect((await ben.db.contacts.get(contact.id))?.caseId).toBe(keptId);
    expect((await ben.db.cases.get(keptId))?.shelter).toBe('Unterkunft Nord');
    expect(await ben.db.cases.get(mergedId)).toBeUndefined();
    expect((await mergesInto(ben.db, keptId)).map((m) => m.mergedBy)).toEqual([anna.member.userId]);
  });

  it('[G6] an undo on the other phone brings the merged case back on every phone', async () => {
    const { anna, ben, keptId, mergedId, needId } = await setting();
    await ok(mergeCases(anna.db, { keptId, mergedId, taken: ['phone'] }));
    await sync(anna, ben);
    const [merge] = await mergesInto(ben.db, keptId);
    await ok(undoMerge(ben.db, merge!.id));
    // At once on Ben's phone, offline.
    expect((await ben.db.cases.get(mergedId))?.givenName).toBe('Zulaika');
    expect((await ben.db.needs.get(needId))?.caseId).toBe(mergedId);
    expect((await ben.db.cases.get(keptId))?.phone).toBeUndefined();

    await sync(ben, anna, ben);
    const server = await serverState(anna.member.teamId);
    expect(await phoneState(anna.db)).toEqual(server);
    expect(await phoneState(ben.db)).toEqual(server);
    expect((await anna.db.needs.get(needId))?.caseId).toBe(mergedId);
    expect(await mergesInto(anna.db, keptId)).toEqual([]);
  });

  it('[G1] a merge the server refuses is reverted on the phone and shown', async () => {
    const { anna, ben, keptId, mergedId, needId } = await setting();
    // Both merge the same two cases offline, the other way round: Ben's arrives second.
    await ok(mergeCases(anna.db, { keptId, mergedId, taken: [] }));
    await ok(mergeCases(ben.db, { keptId: mergedId, mergedId: keptId, taken: [] }));
    expect(await ben.db.cases.get(keptId)).toBeUndefined();
    await sync(anna, ben, anna);
    const rejections = await ben.db.rejections.toArray();
    expect(rejections.map((r) => [r.table, r.code])).toEqual([['merges', 'rules.merges.sameCase']]);
    const server = await serverState(anna.member.teamId);
    expect(await phoneState(ben.db)).toEqual(server);
    expect(await phoneState(anna.db)).toEqual(server);
    expect((await ben.db.needs.get(needId))?.caseId).toBe(keptId);
    expect(await ben.db.cases.get(mergedId)).toBeUndefined();
  });
});
