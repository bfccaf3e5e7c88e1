// The store contract: every sync rule the server owns, run against each store backend
// (sync-contract.pglite.test.ts and sync-contract.pg.test.ts). Each test works in its own team.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_BODY_BYTES,
  SCHEMA_VERSION,
  type PullResponse,
  type PushResponse,
} from '../../src/shared/sync/protocol';
import { sqlRuleContext } from '../../src/server/sync/record-rows';
import {
  clock,
  deleteCase,
  newRecordId,
  putCase,
  startTestServer,
  tick,
  validCase,
  type Member,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';

export function describeSyncContract(backend: string, makeStore: StoreFactory): void {
  describe(`sync contract on ${backend}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ store: await makeStore() });
    });
    afterAll(() => server?.close());

    const team = () => `Team ${randomUUID().slice(0, 8)}`;
    const pushed = async (member: Member, ...mutations: Parameters<TestServer['push']>[1]) => {
      const response = await server.push(member, mutations);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<PushResponse>();
    };
    /** Everything the team's database holds, to prove a refused request changed nothing. */
    const snapshot = async (teamId: string) => ({
      records: await server.store.query(
        'SELECT tbl, id, fields, deleted, version FROM records WHERE team_id = $1 ORDER BY tbl, id',
        [teamId],
      ),
      clients: await server.store.query(
        'SELECT client_id, last_mutation_id FROM clients WHERE team_id = $1 ORDER BY client_id',
        [teamId],
      ),
      results: await server.store.query(
        'SELECT m.client_id, m.mutation_id FROM mutation_results m JOIN clients c USING (client_id) WHERE c.team_id = $1 ORDER BY 1, 2',
        [teamId],
      ),
      log: await server.store.query('SELECT seq FROM change_log WHERE team_id = $1', [teamId]),
      team: await server.store.query('SELECT version FROM teams WHERE id = $1', [teamId]),
    });

    it('[P1][P7][V4] a pushed case reaches another device of the team as the whole record', async () => {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      const caseId = newRecordId();
      const result = await pushed(anna, putCase(anna, 1, caseId, validCase({ id: 'ignored' })));
      expect(result).toEqual({
        lastMutationId: 1,
        results: [{ id: 1, status: 'applied' }],
        epoch: expect.any(String),
      });

      const page = await server.pullAll(ben);
      expect(page.changes).toEqual([
        {
          table: 'cases',
          id: caseId,
          deleted: false,
          fields: { id: caseId, ...validCase() },
          version: 1,
          hlc: expect.stringContaining(anna.clientId),
        },
      ]);
      expect(page.cursor).toBe(1);
    });

    it('[P3] a repeated push is a no-op and reports each mutation as it came out the first time', async () => {
      const anna = await server.member(team());
      const caseId = newRecordId();
      const mutations = [
        putCase(anna, 1, caseId, validCase()),
        putCase(anna, 2, newRecordId(), validCase({ familyName: '' })),
      ];
      const first = await pushed(anna, ...mutations);
      const before = await snapshot(anna.teamId);
      const again = await pushed(anna, ...mutations);
      expect(again).toEqual(first);
      expect(again.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
      expect(await snapshot(anna.teamId)).toEqual(before);
    });

    it('[P4] a gap refuses the whole push with 409 and stores nothing of it', async () => {
      const anna = await server.member(team());
      await pushed(anna, putCase(anna, 1, newRecordId(), validCase()));
      const before = await snapshot(anna.teamId);
      for (const ids of [[3], [2, 4], [2, 2 + 5]]) {
        const response = await server.push(
          anna,
          ids.map((id) => putCase(anna, id, newRecordId(), validCase())),
        );
        expect(response.statusCode).toBe(409);
        expect(response.json()).toMatchObject({
          error: 'mutation_gap',
          lastMutationId: 1,
          message: expect.stringMatching(/Änderungen/),
        });
      }
      expect(await snapshot(anna.teamId)).toEqual(before);
    });

    describe('[P5] a mutation that can never apply is rejected with a German reason and stores nothing', () => {
      const cases: [string, Record<string, unknown>, Record<string, unknown>, RegExp][] = [
        ['a required name is missing', validCase(), { familyName: '' }, /Nachnamen/],
        ['a status outside the list', validCase(), { status: 'archived' }, /Status aus der Liste/],
        [
          'a forbidden status change',
          validCase(),
          { status: 'paused' },
          /Statuswechsel ist nicht möglich/,
        ],
        [
          'closing without a reason',
          validCase({ status: 'active' }),
          { status: 'closed' },
          /Abschlussgrund/,
        ],
        [
          'a text over its domain limit',
          validCase(),
          { givenName: 'x'.repeat(201) },
          /höchstens 200 Zeichen/,
        ],
        ['a wrong type', validCase(), { interpreterNeeded: 'ja' }, /Ja oder Nein/],
        [
          'a NUL character, which jsonb cannot store',
          validCase(),
          { lifeWorldNotes: 'a\u0000b' },
          /Steuerzeichen/,
        ],
      ];
      it.each(cases)('%s', async (_name, created, change, reason) => {
        const anna = await server.member(team());
        const caseId = newRecordId();
        await pushed(anna, putCase(anna, 1, caseId, created));
        const before = await snapshot(anna.teamId);
        const { results, lastMutationId } = await pushed(anna, putCase(anna, 2, caseId, change));
        expect(lastMutationId).toBe(2);
        expect(results[0]).toMatchObject({
          id: 2,
          status: 'rejected',
          reason: expect.stringMatching(reason),
        });
        expect(results[0]!.current).toEqual({ fields: { id: caseId, ...created }, deleted: false });
        const after = await snapshot(anna.teamId);
        expect(after.records).toEqual(before.records);
        expect(after.log).toEqual(before.log);
        // Marked processed: the next mutation follows on without a gap.
        expect(
          (await pushed(anna, putCase(anna, 3, caseId, { languages: 'Arabisch' }))).results[0]!
            .status,
        ).toBe('applied');
      });

      it('a new record that fails is rejected with current null', async () => {
        const anna = await server.member(team());
        const { results } = await pushed(
          anna,
          putCase(anna, 1, newRecordId(), { givenName: 'Amina' }),
        );
        expect(results[0]).toMatchObject({
          status: 'rejected',
          reason: 'Das Pflichtfeld „familyName“ fehlt.',
          current: null,
        });
        expect((await server.pullAll(anna)).changes).toEqual([]);
      });
    });

    it('[M1] per field the higher clock wins and fields a mutation does not carry keep their value', async () => {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      const caseId = newRecordId();
      await pushed(anna, putCase(anna, 1, caseId, validCase({ languages: 'Arabisch' })));
      const seen = (await server.pullAll(ben)).cursor;
      await pushed(ben, putCase(ben, 1, caseId, { givenName: 'Amira' }, { baseCursor: seen }));
      await pushed(
        anna,
        putCase(anna, 2, caseId, { languages: 'Arabisch, Französisch' }, { baseCursor: seen }),
      );
      const [change] = (await server.pullAll(anna)).changes.filter((c) => c.id === caseId);
      expect(change!.fields).toEqual({
        id: caseId,
        ...validCase({ givenName: 'Amira', languages: 'Arabisch, Französisch' }),
      });
    });

    it('[M3] an edit made after seeing the stored value is no conflict', async () => {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      const caseId = newRecordId();
      await pushed(anna, putCase(anna, 1, caseId, validCase()));
      const seen = (await server.pullAll(ben)).cursor;
      const result = await pushed(
        ben,
        putCase(ben, 1, caseId, { familyName: 'Haddad-Khalil' }, { baseCursor: seen }),
      );
      expect(result.results[0]).toEqual({ id: 1, status: 'applied' });
      expect((await server.pullAll(ben)).changes.filter((c) => c.table === 'conflicts')).toEqual(
        [],
      );
    });

    it('[M6] a write of the value already stored still moves the stamp, so an older edit arriving later loses', async () => {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      const carla = await server.member(t);
      const caseId = newRecordId();
      await pushed(anna, putCase(anna, 1, caseId, validCase()));
      const base = (await server.pullAll(ben)).cursor;
      await server.pullAll(carla);
      const ms = Date.now();
      // t1 < t2 < t3: Anna writes X at t1, Ben X at t3, Carla Y at t2; Ben and Carla had not seen t1.
      const t1 = clock(ms, anna.clientId);
      const t2 = clock(ms + 10, carla.clientId);
      const t3 = clock(ms + 20, ben.clientId);
      await pushed(anna, putCase(anna, 2, caseId, { familyName: 'X' }, { hlc: t1 }));
      const logBefore = await server.store.query('SELECT seq FROM change_log WHERE team_id = $1', [
        anna.teamId,
      ]);
      const sameValue = await pushed(
        ben,
        putCase(ben, 1, caseId, { familyName: 'X' }, { hlc: t3, baseCursor: base }),
      );
      expect(sameValue.results[0]).toEqual({ id: 1, status: 'applied' });
      // The stamp moved and devices learn the newer clock; the change log names value changes only.
      const [row] = await server.store.query<{ stamps: Record<string, { hlc: string }> }>(
        'SELECT stamps FROM records WHERE team_id = $1 AND tbl = $2 AND id = $3',
        [anna.teamId, 'cases', caseId],
      );
      expect(row!.stamps.familyName!.hlc).toBe(t3);
      const [pulled] = (await server.pullAll(anna)).changes.filter((c) => c.id === caseId);
      expect(pulled!.hlc).toBe(t3);
      expect(
        await server.store.query('SELECT seq FROM change_log WHERE team_id = $1', [anna.teamId]),
      ).toEqual(logBefore);

      const older = await pushed(
        carla,
        putCase(carla, 1, caseId, { familyName: 'Y' }, { hlc: t2, baseCursor: base }),
      );
      expect(older.results[0]).toEqual({
        id: 1,
        status: 'applied',
        conflicts: [{ field: 'familyName', losingValue: 'Y', keptValue: 'X', yoursLost: true }],
      });
      const [after] = (await server.pullAll(ben)).changes.filter((c) => c.id === caseId);
      expect(after!.fields.familyName).toBe('X');
      const conflicts = (await server.pullAll(ben)).changes.filter((c) => c.table === 'conflicts');
      expect(conflicts.map((c) => c.fields)).toEqual([
        expect.objectContaining({
          recordId: caseId,
          field: 'familyName',
          losingValue: 'Y',
          losingHlc: t2,
          keptValue: 'X',
          keptHlc: t3,
        }),
      ]);
    });

    describe('[M4] the losing value of a concurrent edit becomes a conflict record of the team', () => {
      // Anna and Ben both start from the created case and rename it without seeing each other.
      async function concurrentRename(annaLater: boolean) {
        const t = team();
        const anna = await server.member(t);
        const ben = await server.member(t);
        const carla = await server.member(t);
        const caseId = newRecordId();
        await pushed(anna, putCase(anna, 1, caseId, validCase()));
        const base = (await server.pullAll(ben)).cursor;
        const ms = Date.now();
        const annaHlc = clock(ms + (annaLater ? 10 : 0), anna.clientId);
        const benHlc = clock(ms + (annaLater ? 0 : 10), ben.clientId);
        await pushed(
          ben,
          putCase(ben, 1, caseId, { familyName: 'Haddad-Ben' }, { hlc: benHlc, baseCursor: base }),
        );
        const result = await pushed(
          anna,
          putCase(
            anna,
            2,
            caseId,
            { familyName: 'Haddad-Anna' },
            { hlc: annaHlc, baseCursor: base },
          ),
        );
        const page = await server.pullAll(carla);
        return { anna, ben, caseId, result, page };
      }

      it('when the pushing device loses, its value is kept as a conflict (yoursLost)', async () => {
        const { anna, ben, caseId, result, page } = await concurrentRename(false);
        expect(result.results[0]).toEqual({
          id: 2,
          status: 'applied',
          conflicts: [
            {
              field: 'familyName',
              losingValue: 'Haddad-Anna',
              keptValue: 'Haddad-Ben',
              yoursLost: true,
            },
          ],
        });
        expect(page.changes.find((c) => c.id === caseId)!.fields.familyName).toBe('Haddad-Ben');
        const conflicts = page.changes.filter((c) => c.table === 'conflicts');
        expect(conflicts).toHaveLength(1);
        expect(conflicts[0]!.fields).toMatchObject({
          table: 'cases',
          recordId: caseId,
          caseId,
          field: 'familyName',
          losingValue: 'Haddad-Anna',
          losingUserId: anna.userId,
          keptValue: 'Haddad-Ben',
          keptUserId: ben.userId,
        });
      });

      it('when the pushing device wins, the value it overwrote is kept as a conflict', async () => {
        const { anna, ben, caseId, result, page } = await concurrentRename(true);
        expect(result.results[0]!.conflicts).toEqual([
          {
            field: 'familyName',
            losingValue: 'Haddad-Ben',
            keptValue: 'Haddad-Anna',
            yoursLost: false,
          },
        ]);
        expect(page.changes.find((c) => c.id === caseId)!.fields.familyName).toBe('Haddad-Anna');
        const [conflict] = page.changes.filter((c) => c.table === 'conflicts');
        expect(conflict!.fields).toMatchObject({
          losingValue: 'Haddad-Ben',
          losingUserId: ben.userId,
          keptValue: 'Haddad-Anna',
          keptUserId: anna.userId,
        });
      });

      it('devices may only resolve a conflict, never create, change or delete one', async () => {
        const { anna, page } = await concurrentRename(false);
        const conflict = page.changes.find((c) => c.table === 'conflicts')!;
        const mutation = (
          id: number,
          fields: Record<string, unknown>,
          op: 'put' | 'delete' = 'put',
        ) => ({
          id,
          table: 'conflicts' as const,
          recordId: conflict.id,
          op,
          fields,
          hlc: tick(anna),
          baseCursor: page.cursor,
        });
        const resolved = {
          resolution: 'dismissed',
          resolvedAt: new Date().toISOString(),
          resolvedBy: anna.userId,
        };
        const { results } = await pushed(
          anna,
          mutation(3, { keptValue: 'Erfunden' }),
          mutation(4, {}, 'delete'),
          { ...mutation(5, { ...conflict.fields }), recordId: newRecordId() },
          mutation(6, resolved),
        );
        expect(results.map((r) => r.status)).toEqual([
          'rejected',
          'rejected',
          'rejected',
          'applied',
        ]);
        expect(results[0]!.reason).toMatch(/nur die Auflösung/);
        expect(results[2]!.reason).toMatch(/nur vom Server/);
        const after = (await server.pullAll(anna, page.cursor)).changes.find(
          (c) => c.id === conflict.id,
        );
        expect(after!.fields).toMatchObject({ ...resolved, keptValue: 'Haddad-Ben' });
      });
    });

    it('[M5] a delete is pulled as a tombstone and a later put to it is rejected', async () => {
      const anna = await server.member(team());
      const caseId = newRecordId();
      await pushed(anna, putCase(anna, 1, caseId, validCase()), deleteCase(anna, 2, caseId));
      const [change] = (await server.pullAll(anna)).changes;
      expect(change).toMatchObject({ id: caseId, deleted: true, fields: {} });
      const { results } = await pushed(anna, putCase(anna, 3, caseId, { givenName: 'Wieder da' }));
      expect(results[0]).toMatchObject({
        status: 'rejected',
        reason: expect.stringMatching(/gelöscht/),
        current: { fields: {}, deleted: true },
      });
      expect((await server.pullAll(anna)).changes).toEqual([change]);
    });

    it('[V3] a first pull (cursor null) starts at the beginning; a record deleted before comes as a tombstone', async () => {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      const kept = newRecordId();
      const gone = newRecordId();
      await pushed(anna, putCase(anna, 1, kept, validCase()));
      await pushed(anna, putCase(anna, 2, gone, validCase({ givenName: 'Samir' })));
      await pushed(anna, deleteCase(anna, 3, gone));
      const response = await server.pull(ben, null);
      expect(response.statusCode).toBe(200);
      const first = response.json<PullResponse>();
      expect(first.changes).toEqual([
        expect.objectContaining({ id: kept, deleted: false, version: 1 }),
        expect.objectContaining({ id: gone, deleted: true, fields: {}, version: 3 }),
      ]);
      expect(first).toMatchObject({ cursor: 3, hasMore: false });
    });

    it('[R3] two devices adding needs to one case at the same time both land, with no conflict', async () => {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      const caseId = newRecordId();
      await pushed(anna, putCase(anna, 1, caseId, validCase()));
      const { cursor } = await server.pullAll(ben);
      const addNeed = (member: Member, id: number, category: string) => ({
        id,
        table: 'needs' as const,
        recordId: newRecordId(),
        op: 'put' as const,
        fields: { caseId, category, priority: 'medium', source: 'self', status: 'open' },
        hlc: tick(member),
        baseCursor: cursor,
      });
      const fromAnna = await pushed(anna, addNeed(anna, 2, 'language'));
      const fromBen = await pushed(ben, addNeed(ben, 1, 'work'));
      expect([...fromAnna.results, ...fromBen.results]).toEqual([
        { id: 2, status: 'applied' },
        { id: 1, status: 'applied' },
      ]);
      const { changes } = await server.pullAll(anna);
      const needs = changes.filter((change) => change.table === 'needs');
      expect(needs.map((change) => change.fields.category).sort()).toEqual(['language', 'work']);
      expect(changes.filter((change) => change.table === 'conflicts')).toEqual([]);
    });

    it('[C3] a clock far ahead of the server is clamped, so a later edit from a correct phone still wins', async () => {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      const caseId = newRecordId();
      const future = clock(Date.parse('2099-01-01T00:00:00Z'), anna.clientId);
      await pushed(anna, putCase(anna, 1, caseId, validCase(), { hlc: future }));
      const seen = await server.pullAll(ben);
      expect(seen.changes[0]!.hlc < clock(Date.now() + 120_000, anna.clientId)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const later = clock(Date.now() + 61_000, ben.clientId);
      await pushed(
        ben,
        putCase(ben, 1, caseId, { givenName: 'Amira' }, { hlc: later, baseCursor: seen.cursor }),
      );
      expect((await server.pullAll(anna)).changes[0]!.fields.givenName).toBe('Amira');
    });

    it('[P2] a device bound to one user is refused for another user with 403', async () => {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      await pushed(anna, putCase(anna, 1, newRecordId(), validCase()));
      const before = await snapshot(anna.teamId);
      const intruder = { ...ben, clientId: anna.clientId };
      expect(
        (await server.push(intruder, [putCase(ben, 2, newRecordId(), validCase())])).statusCode,
      ).toBe(403);
      const pull = await server.pull(intruder, null);
      expect(pull.statusCode).toBe(403);
      expect(pull.json().message).toMatch(/anderen Konto/);
      expect(await snapshot(anna.teamId)).toEqual(before);
    });

    describe('[S3][R1] a record of another team does not exist for you', () => {
      it('is never pulled', async () => {
        const anna = await server.member(team());
        const olga = await server.member(team());
        await pushed(anna, putCase(anna, 1, newRecordId(), validCase()));
        expect((await server.pullAll(olga)).changes).toEqual([]);
      });

      // Issue 22 item 10: never a whole-push 403 (it stopped the outbox and told the sender the id
      // exists); each mutation is answered like one naming an id the team does not have.
      it('[S3][P8] a push naming it is answered per mutation like an unknown id; the outbox drains', async () => {
        const anna = await server.member(team());
        const annasCase = newRecordId();
        await pushed(anna, putCase(anna, 1, annasCase, validCase({ givenName: 'Anna' })));
        const annaBefore = await snapshot(anna.teamId);
        const answers = async (recordId: string) => {
          const olga = await server.member(team());
          const result = await pushed(
            olga,
            putCase(olga, 1, newRecordId(), validCase()),
            putCase(olga, 2, recordId, { givenName: 'Gekapert' }),
            putCase(olga, 3, recordId, validCase({ givenName: 'Olgas eigene' })),
            deleteCase(olga, 4, recordId),
            putCase(olga, 5, newRecordId(), validCase()),
          );
          const pulled = await server.pullAll(olga);
          return {
            lastMutationId: result.lastMutationId,
            // The id itself differs between the two runs; everything else must not.
            results: JSON.parse(JSON.stringify(result.results).replaceAll(recordId, '<id>')),
            pulled: pulled.changes.filter((c) => c.id === recordId).map((c) => c.deleted),
          };
        };
        const foreign = await answers(annasCase);
        const unknown = await answers(newRecordId());
        expect(foreign).toEqual(unknown);
        expect(foreign.lastMutationId).toBe(5);
        // Anna's record and team are untouched, and she never sees Olga's.
        expect(await snapshot(anna.teamId)).toEqual(annaBefore);
        const annas = (await server.pullAll(anna)).changes.filter((c) => c.id === annasCase);
        expect(annas).toHaveLength(1);
        expect(annas[0]!.fields).toMatchObject({ givenName: 'Anna' });
      });
    });

    describe('[P6] bad input gets a German 4xx and changes nothing', () => {
      const huge = 'x'.repeat(20_001);
      const base = (m: Member) => ({ clientId: m.clientId, schemaVersion: SCHEMA_VERSION });
      const good = (m: Member) => putCase(m, 2, newRecordId(), validCase());
      const inputs: [string, number, (m: Member) => string | Record<string, unknown>][] = [
        ['malformed JSON', 400, () => '{"clientId": '],
        ['mutations not a list', 400, (m) => ({ ...base(m), mutations: { 0: good(m) } })],
        [
          'a mutation id as text',
          400,
          (m) => ({ ...base(m), mutations: [{ ...good(m), id: '2' }] }),
        ],
        [
          'an unknown table',
          400,
          (m) => ({ ...base(m), mutations: [good(m), { ...good(m), id: 3, table: 'secrets' }] }),
        ],
        ['an unknown op', 400, (m) => ({ ...base(m), mutations: [{ ...good(m), op: 'merge' }] })],
        [
          'a record id that is no UUID',
          400,
          (m) => ({ ...base(m), mutations: [{ ...good(m), recordId: '../1' }] }),
        ],
        [
          'a clock longer than any valid one',
          400,
          (m) => ({ ...base(m), mutations: [{ ...good(m), hlc: 'x'.repeat(95) }] }),
        ],
        ['no clientId', 400, (m) => ({ schemaVersion: SCHEMA_VERSION, mutations: [good(m)] })],
        [
          'a string over 20,000 characters',
          400,
          (m) => ({
            ...base(m),
            mutations: [good(m), { ...good(m), id: 3, fields: { lifeWorldNotes: huge } }],
          }),
        ],
        [
          'a body over the size limit',
          413,
          (m) => ({ ...base(m), mutations: [good(m)], padding: 'x'.repeat(MAX_BODY_BYTES) }),
        ],
      ];
      it.each(inputs)('%s -> %i', async (_name, status, body) => {
        const anna = await server.member(team());
        await pushed(anna, putCase(anna, 1, newRecordId(), validCase()));
        const before = await snapshot(anna.teamId);
        const payload = body(anna);
        const response = await server.app.inject({
          method: 'POST',
          url: '/api/sync/push',
          headers: { cookie: anna.cookie, 'content-type': 'application/json' },
          payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
        });
        expect(response.statusCode).toBe(status);
        expect(response.json()).toMatchObject({
          error: expect.any(String),
          message: expect.stringMatching(/[A-ZÄÖÜ][a-zäöüß]+ .*[.)]$/),
        });
        expect(await snapshot(anna.teamId)).toEqual(before);
        expect((await server.pullAll(anna)).changes).toHaveLength(1);
      });

      it('a pull with a bad cursor gets 400', async () => {
        const anna = await server.member(team());
        const response = await server.app.inject({
          method: 'POST',
          url: '/api/sync/pull',
          headers: { cookie: anna.cookie },
          payload: { ...base(anna), cursor: -1 },
        });
        expect(response.statusCode).toBe(400);
        expect(response.json().message).toMatch(/ungültig/);
      });
    });

    it('[S1] an app older than the minimum schema gets 426 on push and pull', async () => {
      const anna = await server.member(team());
      for (const url of ['/api/sync/push', '/api/sync/pull']) {
        const response = await server.app.inject({
          method: 'POST',
          url,
          headers: { cookie: anna.cookie },
          payload: {
            clientId: anna.clientId,
            schemaVersion: 0,
            cursor: null,
            mutations: [putCase(anna, 1, newRecordId(), validCase())],
          },
        });
        expect(response.statusCode).toBe(426);
        expect(response.json().message).toMatch(/aktualisieren/);
      }
      expect((await server.pullAll(anna)).changes).toEqual([]);
    });

    it('[S2] sync needs a session, and only THM accounts see case data', async () => {
      const t = team();
      const anna = await server.member(t);
      await pushed(anna, putCase(anna, 1, newRecordId(), validCase()));
      const signedOut = { ...anna, cookie: '' };
      expect((await server.pull(signedOut, null)).statusCode).toBe(401);
      for (const role of ['coordinator', 'admin'] as const) {
        const other = await server.member(t, role);
        const pull = await server.pull(other, null);
        expect(pull.statusCode).toBe(403);
        expect(pull.json().message).toMatch(/keinen Zugriff auf Falldaten/);
        expect(
          (await server.push(other, [putCase(other, 1, newRecordId(), validCase())])).statusCode,
        ).toBe(403);
      }
    });

    describe('[V2] pages', () => {
      it('never split a version, and pages follow each other without gaps', async () => {
        const anna = await server.member(team());
        const big = Array.from({ length: 5 }, (_, i) =>
          putCase(anna, i + 1, newRecordId(), validCase()),
        );
        await pushed(anna, ...big);
        await pushed(
          anna,
          putCase(anna, 6, newRecordId(), validCase()),
          putCase(anna, 7, newRecordId(), validCase()),
        );
        await pushed(anna, putCase(anna, 8, newRecordId(), validCase()));

        const pages: PullResponse[] = [];
        let cursor: number | null = null;
        for (let i = 0; i < 10; i++) {
          const page: PullResponse = (await server.pull(anna, cursor, 3)).json();
          pages.push(page);
          cursor = page.cursor;
          if (!page.hasMore) break;
        }
        expect(pages.map((p) => p.changes.map((c) => c.version))).toEqual([
          [1, 1, 1, 1, 1],
          [2, 2, 3],
        ]);
        expect(pages.map((p) => p.hasMore)).toEqual([true, false]);
        expect(pages[1]!.lastMutationId).toBe(8);
      });

      it('[V4] each change is exactly {table, id, deleted, fields, version, hlc}', async () => {
        const anna = await server.member(team());
        const kept = newRecordId();
        const gone = newRecordId();
        // Text that JSON must escape comes back as it went in (the page is JSON built in SQL).
        const name = 'Aïcha "Zitat" \\ Zeile\nzwei\t😀 </script>';
        await pushed(
          anna,
          putCase(anna, 1, kept, validCase({ givenName: name })),
          putCase(anna, 2, gone, validCase()),
        );
        await pushed(anna, deleteCase(anna, 3, gone));
        const page: PullResponse = (await server.pull(anna, null)).json();
        const byId = new Map(page.changes.map((change) => [change.id, change]));
        expect(byId.get(kept)).toEqual({
          table: 'cases',
          id: kept,
          deleted: false,
          fields: { ...validCase({ givenName: name }), id: kept },
          version: 1,
          hlc: expect.any(String),
        });
        // A tombstone has no fields, and no `purged` unless the record was erased ([X2]).
        expect(byId.get(gone)).toEqual({
          table: 'cases',
          id: gone,
          deleted: true,
          fields: {},
          version: 2,
          hlc: expect.any(String),
        });
        expect(page).toMatchObject({ cursor: 2, hasMore: false, lastMutationId: 3 });
      });

      it('cut before a version that does not fit', async () => {
        const anna = await server.member(team());
        await pushed(
          anna,
          putCase(anna, 1, newRecordId(), validCase()),
          putCase(anna, 2, newRecordId(), validCase()),
        );
        await pushed(
          anna,
          putCase(anna, 3, newRecordId(), validCase()),
          putCase(anna, 4, newRecordId(), validCase()),
        );
        const first: PullResponse = (await server.pull(anna, null, 3)).json();
        expect(first.changes.map((c) => c.version)).toEqual([1, 1]);
        expect(first).toMatchObject({ cursor: 1, hasMore: true });
        const second: PullResponse = (await server.pull(anna, first.cursor, 3)).json();
        expect(second.changes.map((c) => c.version)).toEqual([2, 2]);
        expect(second).toMatchObject({ cursor: 2, hasMore: false });
      });
    });

    it('the change log records who changed which fields when, never the values', async () => {
      const anna = await server.member(team());
      const caseId = newRecordId();
      await pushed(
        anna,
        putCase(anna, 1, caseId, validCase()),
        putCase(anna, 2, caseId, { phone: '+49 170 1234567' }),
        deleteCase(anna, 3, caseId),
      );
      const rows = await server.store.query<Record<string, unknown>>(
        'SELECT tbl, record_id, op, fields, user_id, client_id, mutation_id, version, at FROM change_log WHERE team_id = $1 ORDER BY seq',
        [anna.teamId],
      );
      expect(rows.map((r) => [r.op, r.fields, Number(r.mutation_id)])).toEqual([
        ['put', ['givenName', 'familyName', 'status'], 1],
        ['put', ['phone'], 2],
        ['delete', [], 3],
      ]);
      expect(
        rows.every(
          (r) =>
            r.user_id === anna.userId &&
            r.client_id === anna.clientId &&
            r.record_id === caseId &&
            r.at,
        ),
      ).toBe(true);
      expect(JSON.stringify(rows)).not.toMatch(/Amina|1234567/);
    });

    const restore = (member: Member, body: Record<string, unknown>) =>
      server.app.inject({
        method: 'POST',
        url: '/api/sync/restore',
        headers: { cookie: member.cookie },
        payload: { clientId: member.clientId, schemaVersion: SCHEMA_VERSION, ...body },
      });
    const epochOf = async (member: Member) =>
      (await server.pull(member, null)).json<PullResponse>().epoch!;

    it('[B1] every sync answer carries the data epoch: push, pull and the 409 of a gap', async () => {
      const anna = await server.member(team());
      const [row] = await server.store.query<{ epoch: string }>('SELECT epoch FROM data_epoch');
      const epoch = row!.epoch;
      expect(epoch).toMatch(/^[0-9a-f-]{36}$/);
      expect((await pushed(anna, putCase(anna, 1, newRecordId(), validCase()))).epoch).toBe(epoch);
      expect(await epochOf(anna)).toBe(epoch);
      const gap = await server.push(anna, [putCase(anna, 5, newRecordId(), validCase())]);
      expect(gap.statusCode).toBe(409);
      expect(gap.json()).toMatchObject({ error: 'mutation_gap', lastMutationId: 1, epoch });
    });

    it('[B3] a pulled change names the clocks of fields written with another clock than its newest', async () => {
      const anna = await server.member(team());
      const caseId = newRecordId();
      const created = tick(anna);
      await pushed(anna, putCase(anna, 1, caseId, validCase(), { hlc: created }));
      const [first] = (await server.pullAll(anna)).changes;
      expect(first).not.toHaveProperty('stamps');
      const edited = tick(anna);
      await pushed(anna, putCase(anna, 2, caseId, { familyName: 'Tesfaye' }, { hlc: edited }));
      const [change] = (await server.pullAll(anna)).changes;
      expect(change!.hlc).toBe(edited);
      expect(change!.stamps).toEqual({ givenName: created, status: created });
    });

    it('[B2] a copy sent after a restore keeps the newer clock of each field and makes no conflict', async () => {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      const epoch = await epochOf(anna);
      const caseId = newRecordId();
      const old = tick(ben);
      const newer = tick(anna);
      await pushed(
        anna,
        putCase(anna, 1, caseId, validCase({ familyName: 'Neu' }), { hlc: newer }),
      );
      // Ben's copy: an older family name (loses, no conflict), a newer-clocked field it adds.
      const later = tick(ben);
      const response = await restore(ben, {
        epoch,
        acknowledged: 7,
        records: [
          {
            table: 'cases',
            id: caseId,
            fields: { ...validCase({ familyName: 'Alt' }), lifeWorldNotes: 'Notiz' },
            hlc: later,
            stamps: { givenName: old, familyName: old, status: old },
          },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ epoch, applied: 1, refused: 0 });
      const [row] = await server.store.query<{ fields: Record<string, unknown> }>(
        `SELECT fields FROM records WHERE tbl = 'cases' AND id = $1`,
        [caseId],
      );
      expect(row!.fields).toMatchObject({ familyName: 'Neu', lifeWorldNotes: 'Notiz' });
      const [conflicts] = await server.store.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM records WHERE team_id = $1 AND tbl = 'conflicts'`,
        [anna.teamId],
      );
      expect(Number(conflicts!.n)).toBe(0);
      // Ben's outbox goes on after what the old server had acknowledged ([P4]).
      const next = await server.push(ben, [putCase(ben, 8, newRecordId(), validCase())]);
      expect(next.statusCode, next.body).toBe(200);
      // The same copy again changes nothing ([M2]).
      const again = await restore(ben, {
        epoch,
        acknowledged: 7,
        records: [{ table: 'cases', id: caseId, fields: { lifeWorldNotes: 'Notiz' }, hlc: later }],
      });
      expect(again.json()).toMatchObject({ applied: 0, refused: 0 });
    });

    it('[B2] a copy for another epoch or with a bad envelope is refused and stores nothing; another team’s record is never touched', async () => {
      const anna = await server.member(team());
      const olga = await server.member(team());
      const caseId = newRecordId();
      await pushed(olga, putCase(olga, 1, caseId, validCase()));
      const epoch = await epochOf(anna);
      const before = await snapshot(anna.teamId);
      const stale = await restore(anna, {
        epoch: 'eine-alte-epoche',
        acknowledged: 0,
        records: [],
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ error: 'epoch_changed', epoch });
      const bad = await restore(anna, { epoch, acknowledged: -1, records: [] });
      expect(bad.statusCode).toBe(400);
      expect(await snapshot(anna.teamId)).toEqual(before);
      // [S3] the same id in another team is another record: Olga's stays as it was.
      const olgas = await snapshot(olga.teamId);
      const foreign = await restore(anna, {
        epoch,
        acknowledged: 0,
        records: [
          { table: 'cases', id: caseId, fields: validCase({ givenName: 'X' }), hlc: tick(anna) },
        ],
      });
      expect(foreign.statusCode, foreign.body).toBe(200);
      expect(await snapshot(olga.teamId)).toEqual(olgas);
    });

    it('[B2] a copy of an erased person is refused ([X3]); a copy of a deleted record stays deleted', async () => {
      const anna = await server.member(team());
      const epoch = await epochOf(anna);
      const erasedId = newRecordId();
      const deletedId = newRecordId();
      await pushed(
        anna,
        putCase(anna, 1, erasedId, validCase()),
        putCase(anna, 2, deletedId, validCase()),
        deleteCase(anna, 3, deletedId),
      );
      const erase = await server.app.inject({
        method: 'POST',
        url: `/api/cases/${erasedId}/erase`,
        headers: { cookie: anna.cookie },
        payload: { reason: 'Widerspruch' },
      });
      expect(erase.statusCode, erase.body).toBe(200);
      const response = await restore(anna, {
        epoch,
        acknowledged: 3,
        records: [
          { table: 'cases', id: erasedId, fields: validCase(), hlc: tick(anna) },
          { table: 'cases', id: deletedId, fields: validCase(), hlc: tick(anna) },
        ],
      });
      expect(response.json()).toMatchObject({ applied: 0, refused: 1 });
      const rows = await server.store.query<{ id: string; deleted: boolean; fields: unknown }>(
        `SELECT id, deleted, fields FROM records WHERE tbl = 'cases' AND id = ANY($1::text[])`,
        [[erasedId, deletedId]],
      );
      expect(rows.every((row) => row.deleted && JSON.stringify(row.fields) === '{}')).toBe(true);
    });

    it('[R2] the rule context reads the team’s live records in SQL', async () => {
      const anna = await server.member(team());
      const olga = await server.member(team());
      const caseId = newRecordId();
      await pushed(anna, putCase(anna, 1, caseId, validCase()));
      // Write child rows directly: the rule context must not depend on another entity's schema.
      await server.store.query(
        `INSERT INTO records (team_id, tbl, id, fields, stamps, hlc, deleted, version) VALUES
           ($1, 'consents', $3, $4::jsonb, '{}', 'h', false, 9), ($1, 'consents', $5, $4::jsonb, '{}', 'h', true, 9),
           ($2, 'consents', $6, $4::jsonb, '{}', 'h', false, 9)`,
        [
          anna.teamId,
          olga.teamId,
          'a0000000-0000-7000-8000-000000000001',
          JSON.stringify({ caseId }),
          'a0000000-0000-7000-8000-000000000002',
          'a0000000-0000-7000-8000-000000000003',
        ],
      );
      const ctx = sqlRuleContext(server.store, anna.teamId, '2025-01-01');
      expect(await ctx.get('cases', caseId)).toMatchObject({ id: caseId, givenName: 'Amina' });
      expect(await ctx.get('cases', newRecordId())).toBeUndefined();
      expect((await ctx.listByCase('consents', caseId)).map((r) => r.id)).toEqual([
        'a0000000-0000-7000-8000-000000000001',
      ]);
      expect(
        await sqlRuleContext(server.store, olga.teamId, '2025-01-01').get('cases', caseId),
      ).toBeUndefined();
    });
  });
}
