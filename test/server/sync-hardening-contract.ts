// The store contract, part 2: input that once froze a field, wedged an outbox or was answered
// dishonestly (issue 9). Run on PGlite and PostgreSQL by the sync-contract.*.test.ts runners.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/sync/protocol';
import type { Queryable, Store } from '../../src/server/store/store';
import { STORE_REFUSED } from '../../src/server/sync/apply-groups';
import { germanText } from '../../src/shared/i18n/message';
import {
  clock,
  newRecordId,
  putCase,
  startTestServer,
  tick,
  validCase,
  type Member,
  type PushMutation,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';

/** Text the wrapped store makes the real database refuse, like a value PostgreSQL cannot hold. */
const REFUSED_MARKER = 'DIE-DATENBANK-VERWEIGERT-DAS';

export function describeHardeningContract(backend: string, makeStore: StoreFactory): void {
  describe(`sync hardening contract on ${backend}`, () => {
    let server: TestServer;
    let refusing: TestServer;
    beforeAll(async () => {
      const store = await makeStore();
      server = await startTestServer({ store });
      refusing = await startTestServer({ store: refusingStore(store), keepStore: true });
    });
    afterAll(async () => {
      await refusing?.close();
      await server?.close();
    });

    const team = () => `Team ${randomUUID().slice(0, 8)}`;
    const pushed = async (member: Member, ...mutations: PushMutation[]) => {
      const response = await server.push(member, mutations);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<PushResponse>();
    };
    const storedCase = async (member: Member, caseId: string) =>
      (await server.pullAll(member)).changes.find((c) => c.id === caseId);

    describe('[C4] a clock that is no real instant, or not the pushing device’s, is rejected and the push goes on', () => {
      const bad: [string, (m: Member) => string][] = [
        ['month 13', (m) => `2026-13-01T10:00:00.000Z-0000-${m.clientId}`],
        ['all nines', (m) => `9999-99-99T99:99:99.999Z-0000-${m.clientId}`],
        ['30 February', (m) => `2026-02-30T10:00:00.000Z-0000-${m.clientId}`],
        ['hour 24', (m) => `2026-05-01T24:00:00.000Z-0000-${m.clientId}`],
        ['an upper-case counter', (m) => `2026-05-01T10:00:00.000Z-00A0-${m.clientId}`],
        ['a three-digit counter', (m) => `2026-05-01T10:00:00.000Z-000-${m.clientId}`],
        ['another device’s id', () => `2026-05-01T10:00:00.000Z-0000-${randomUUID()}`],
        ['no clock at all', () => 'gestern'],
      ];
      it.each(bad)('%s', async (_name, badClock) => {
        const anna = await server.member(team());
        const caseId = newRecordId();
        await pushed(anna, putCase(anna, 1, caseId, validCase()));
        const { results, lastMutationId } = await pushed(
          anna,
          putCase(anna, 2, caseId, { familyName: 'Eingefroren' }, { hlc: badClock(anna) }),
          putCase(anna, 3, caseId, { givenName: 'Amira' }),
        );
        expect(lastMutationId).toBe(3);
        expect(results[0]).toMatchObject({
          id: 2,
          status: 'rejected',
          reason: expect.stringMatching(/Uhrzeit/),
          current: { fields: { id: caseId, ...validCase() }, deleted: false },
        });
        expect(results[1]).toEqual({ id: 3, status: 'applied' });
        // Nothing of the bad clock was kept: a later honest edit of the same field lands.
        await pushed(anna, putCase(anna, 4, caseId, { familyName: 'Haddad-Khalil' }));
        expect((await storedCase(anna, caseId))!.fields).toMatchObject({
          givenName: 'Amira',
          familyName: 'Haddad-Khalil',
        });
      });
    });

    describe('[P8] a device’s outbox can always drain: what the store cannot hold is rejected, never a 500', () => {
      const texts: [string, Record<string, unknown>][] = [
        ['a lone high surrogate', { givenName: 'A\ud800B' }],
        ['a lone low surrogate', { lifeWorldNotes: 'x\udc00' }],
        ['a lone surrogate in a field name', { ['note\ud800']: 'x' }],
      ];
      it.each(texts)('%s', async (_name, fields) => {
        const anna = await server.member(team());
        const caseId = newRecordId();
        await pushed(anna, putCase(anna, 1, caseId, validCase()));
        const { results, lastMutationId } = await pushed(
          anna,
          putCase(anna, 2, caseId, fields),
          putCase(anna, 3, caseId, { languages: 'Tigrinya' }),
        );
        expect(lastMutationId).toBe(3);
        expect(results.map((r) => r.status)).toEqual(['rejected', 'applied']);
        expect(results[0]!.reason).toMatch(/ungültiges/);
        expect((await storedCase(anna, caseId))!.fields).toEqual({
          id: caseId,
          ...validCase({ languages: 'Tigrinya' }),
        });
      });

      it('any other refusal of the database rejects only that mutation, and the next one follows', async () => {
        const anna = await refusing.member(team());
        const caseId = newRecordId();
        const other = newRecordId();
        const response = await refusing.push(anna, [
          putCase(anna, 1, caseId, validCase()),
          putCase(anna, 2, other, validCase({ lifeWorldNotes: REFUSED_MARKER })),
          putCase(anna, 3, caseId, { givenName: 'Amira' }),
        ]);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json<PushResponse>();
        expect(body.lastMutationId).toBe(3);
        expect(body.results).toEqual([
          { id: 1, status: 'applied' },
          {
            id: 2,
            status: 'rejected',
            reason: germanText(STORE_REFUSED),
            code: STORE_REFUSED.key,
            current: null,
          },
          { id: 3, status: 'applied' },
        ]);
        const next = await refusing.push(anna, [putCase(anna, 4, caseId, { phone: '0170' })]);
        expect(next.json<PushResponse>().results).toEqual([{ id: 4, status: 'applied' }]);
        const changes = (await refusing.pullAll(anna)).changes;
        expect(changes.map((c) => c.id)).toEqual([caseId]);
        expect(changes[0]!.fields).toMatchObject({ givenName: 'Amira', phone: '0170' });
      });
    });

    it('[M7] an edit that loses to a newer clock is answered as a conflict even when not concurrent', async () => {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      const caseId = newRecordId();
      const ms = Date.now();
      await pushed(
        anna,
        putCase(anna, 1, caseId, validCase({ familyName: 'Neu' }), {
          hlc: clock(ms, anna.clientId),
        }),
      );
      // Ben has pulled Anna's write (baseCursor) but his phone ignored [C2]: his clock is older.
      const seen = (await server.pullAll(ben)).cursor;
      const result = await pushed(
        ben,
        putCase(
          ben,
          1,
          caseId,
          { familyName: 'Alt' },
          { hlc: clock(ms - 60_000, ben.clientId), baseCursor: seen },
        ),
      );
      expect(result.results[0]).toEqual({
        id: 1,
        status: 'applied',
        conflicts: [{ field: 'familyName', losingValue: 'Alt', keptValue: 'Neu', yoursLost: true }],
      });
      // Ben had pulled the case before he wrote: it comes again, so his phone shows 'Neu' again.
      const page = await server.pullAll(ben, seen);
      expect(page.changes.find((c) => c.id === caseId)!.fields.familyName).toBe('Neu');
      expect(page.changes.filter((c) => c.table === 'conflicts').map((c) => c.fields)).toEqual([
        expect.objectContaining({
          recordId: caseId,
          field: 'familyName',
          losingValue: 'Alt',
          losingUserId: ben.userId,
          keptValue: 'Neu',
        }),
      ]);
      // The same value arriving late is no loss and no conflict.
      const same = await pushed(
        ben,
        putCase(
          ben,
          2,
          caseId,
          { familyName: 'Neu' },
          { hlc: clock(ms - 30_000, ben.clientId), baseCursor: seen },
        ),
      );
      expect(same.results[0]).toEqual({ id: 2, status: 'applied' });
    });

    describe('[P10] a reference must name a live record of the same team', () => {
      const need = (member: Member, id: number, caseId: string): PushMutation => ({
        id,
        table: 'needs',
        recordId: newRecordId(),
        op: 'put',
        fields: { caseId, category: 'language', priority: 'high', source: 'self', status: 'open' },
        hlc: tick(member),
        baseCursor: 0,
      });

      it('another team’s case gets the same answer as an unknown one, and stores nothing', async () => {
        const anna = await server.member(team());
        const olga = await server.member(team());
        const olgasCase = newRecordId();
        await pushed(olga, putCase(olga, 1, olgasCase, validCase()));
        const { results, lastMutationId } = await pushed(
          anna,
          need(anna, 1, olgasCase),
          need(anna, 2, newRecordId()),
        );
        expect(lastMutationId).toBe(2);
        expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
        expect(results[0]!.reason).toBe(results[1]!.reason);
        expect(results[0]!.reason).toMatch(/caseId.*unbekannt/);
        expect((await server.pullAll(anna)).changes).toEqual([]);
        expect((await server.pullAll(olga)).changes.map((c) => c.id)).toEqual([olgasCase]);
      });

      it('a record of the same push counts, before or after the reference', async () => {
        const anna = await server.member(team());
        const [early, late] = [newRecordId(), newRecordId()];
        const { results } = await pushed(
          anna,
          putCase(anna, 1, early, validCase()),
          need(anna, 2, early),
          need(anna, 3, late),
          putCase(anna, 4, late, validCase()),
        );
        expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
      });

      it('a deleted case takes no new child, and a changed reference is checked too', async () => {
        const anna = await server.member(team());
        const olga = await server.member(team());
        const [caseId, gone, olgasCase] = [newRecordId(), newRecordId(), newRecordId()];
        await pushed(olga, putCase(olga, 1, olgasCase, validCase()));
        await pushed(
          anna,
          putCase(anna, 1, caseId, validCase()),
          putCase(anna, 2, gone, validCase()),
          { ...putCase(anna, 3, gone, {}), op: 'delete' },
        );
        const { results } = await pushed(
          anna,
          need(anna, 4, gone),
          putCase(anna, 5, caseId, { referredByPartnerId: olgasCase }),
        );
        expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
        expect(results[1]!.reason).toMatch(/referredByPartnerId.*unbekannt/);
      });
    });

    describe('[P9] a group is applied all or nothing', () => {
      const grouped = (m: PushMutation, groupId: string): PushMutation => ({ ...m, groupId });

      it('one rejected member rejects every member, each with the reason, and stores nothing', async () => {
        const anna = await server.member(team());
        const caseId = newRecordId();
        await pushed(anna, putCase(anna, 1, caseId, validCase()));
        const group = randomUUID();
        const newCase = newRecordId();
        const { results, lastMutationId } = await pushed(
          anna,
          grouped(putCase(anna, 2, newCase, validCase()), group),
          grouped(putCase(anna, 3, caseId, { givenName: 'Amira' }), group),
          grouped(putCase(anna, 4, caseId, { status: 'paused' }), group),
          putCase(anna, 5, caseId, { languages: 'Dari' }),
        );
        expect(lastMutationId).toBe(5);
        expect(results.map((r) => r.status)).toEqual([
          'rejected',
          'rejected',
          'rejected',
          'applied',
        ]);
        expect(results[2]!.reason).toMatch(/Statuswechsel/);
        expect(results[0]!.reason).toMatch(/nur zusammen gespeichert.*Statuswechsel/);
        expect(results[0]!.current).toBeNull();
        expect(results[1]!.current).toEqual({
          fields: { id: caseId, ...validCase() },
          deleted: false,
        });
        const changes = (await server.pullAll(anna)).changes;
        expect(changes.map((c) => c.id)).toEqual([caseId]);
        expect(changes[0]!.fields).toEqual({ id: caseId, ...validCase({ languages: 'Dari' }) });
      });

      it('a group whose members all pass is applied whole', async () => {
        const anna = await server.member(team());
        const group = randomUUID();
        const [a, b] = [newRecordId(), newRecordId()];
        const { results } = await pushed(
          anna,
          grouped(putCase(anna, 1, a, validCase()), group),
          grouped(putCase(anna, 2, b, validCase()), group),
        );
        expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
      });
    });

    it('[C3] clamped clocks of one phone keep their order: its later edit still wins', async () => {
      const anna = await server.member(team());
      const caseId = newRecordId();
      // A phone whose date is years ahead: both clocks clamp to the same limit, counter 0.
      const future = Date.parse('2099-01-01T00:00:00.000Z');
      const { results } = await pushed(
        anna,
        putCase(anna, 1, caseId, validCase({ familyName: 'Erst' }), {
          hlc: clock(future, anna.clientId),
        }),
        putCase(
          anna,
          2,
          caseId,
          { familyName: 'Dann' },
          { hlc: clock(future + 1_000, anna.clientId) },
        ),
      );
      expect(results).toEqual([
        { id: 1, status: 'applied' },
        { id: 2, status: 'applied' },
      ]);
      expect((await storedCase(anna, caseId))!.fields.familyName).toBe('Dann');
    });

    it('[P3] a replay of a push that hit a refused mutation answers as the first time', async () => {
      const anna = await refusing.member(team());
      const mutations = [
        putCase(anna, 1, newRecordId(), validCase({ lifeWorldNotes: REFUSED_MARKER })),
        putCase(anna, 2, newRecordId(), validCase()),
      ];
      const first = await refusing.push(anna, mutations);
      const again = await refusing.push(anna, mutations);
      expect(again.json()).toEqual(first.json());
      expect(first.json<PushResponse>().results.map((r) => r.status)).toEqual([
        'rejected',
        'applied',
      ]);
    });
  });
}

/**
 * The real store, except that a write of records holding REFUSED_MARKER runs a statement the real
 * database refuses (22P05, as for text jsonb cannot hold): the transaction is then really aborted.
 */
function refusingStore(store: Store): Store {
  const wrap = (tx: Queryable): Queryable => ({
    query: <R extends object>(sql: string, params?: unknown[]) =>
      sql.includes('INSERT INTO records') &&
      params?.some((p) => typeof p === 'string' && p.includes(REFUSED_MARKER))
        ? tx.query<R>(`SELECT '"\\u0000"'::jsonb`)
        : tx.query<R>(sql, params),
    exec: (sql) => tx.exec(sql),
  });
  return {
    kind: store.kind,
    query: (sql, params) => store.query(sql, params),
    exec: (sql) => store.exec(sql),
    transaction: (fn) => store.transaction((tx) => fn(wrap(tx))),
    listen: (channel, onNotice, onResume) => store.listen(channel, onNotice, onResume),
    close: async () => undefined,
  };
}
