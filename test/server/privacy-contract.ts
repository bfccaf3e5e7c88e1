// The person's rights on the server (issue 12), run on PGlite AND PostgreSQL
// (privacy-contract.pglite.test.ts, privacy-contract.pg.test.ts): export (Art. 15), erasure
// (Art. 17, SPEC [X1]-[X3]), retention ([X5]), team settings, team isolation and bad input.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/sync/protocol';
import { ERASED_REASON } from '../../src/server/privacy/erase-case';
import { runRetention } from '../../src/server/privacy/retention';
import { updateTeamSettings } from '../../src/server/privacy/team-settings';
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

/** The person's family name: it must not appear anywhere on the server after the erasure. */
const FAMILY = 'Zaraghani';

export function describePrivacyContract(backend: string, makeStore: StoreFactory): void {
  describe(`privacy on ${backend}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ store: await makeStore() });
    });
    afterAll(() => server?.close());

    const team = () => `Team ${randomUUID().slice(0, 8)}`;
    const pushed = async (member: Member, ...mutations: PushMutation[]) => {
      const response = await server.push(member, mutations);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<PushResponse>();
    };
    const child = (
      member: Member,
      id: number,
      table: PushMutation['table'],
      recordId: string,
      fields: Record<string, unknown>,
      baseCursor = 0,
    ): PushMutation => ({
      id,
      table,
      recordId,
      op: 'put',
      fields,
      hlc: tick(member),
      baseCursor,
    });
    const api = (member: Member | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      server.app.inject({
        method,
        url,
        headers: member ? { cookie: member.cookie } : {},
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    /** Every row of every table that could hold a value, as one text. */
    const serverText = async (teamId: string) =>
      JSON.stringify([
        await server.store.query('SELECT * FROM records WHERE team_id = $1', [teamId]),
        await server.store.query('SELECT * FROM change_log WHERE team_id = $1', [teamId]),
        await server.store.query(
          'SELECT m.* FROM mutation_results m JOIN clients c USING (client_id) WHERE c.team_id = $1',
          [teamId],
        ),
        await server.store.query('SELECT * FROM erasure_log WHERE team_id = $1', [teamId]),
      ]);

    /**
     * A person with a case, a contact note, a need, a concurrent rename that left a conflict and a
     * rejected mutation whose reason names the record's field.
     */
    async function personWithFile() {
      const t = team();
      const anna = await server.member(t);
      const ben = await server.member(t);
      const caseId = newRecordId();
      const contactId = newRecordId();
      const needId = newRecordId();
      await pushed(
        anna,
        putCase(anna, 1, caseId, validCase({ familyName: FAMILY, phone: '0170 1234567' })),
        child(anna, 2, 'contacts', contactId, {
          caseId,
          at: '2026-01-05T10:00:00.000Z',
          channel: 'phone',
          summary: `Gespräch mit Frau ${FAMILY} über den Sprachkurs`,
        }),
        child(anna, 3, 'needs', needId, {
          caseId,
          category: 'language',
          priority: 'high',
          source: 'self',
          status: 'open',
          goal: 'B1 bis zum Sommer',
        }),
      );
      const base = (await server.pullAll(ben)).cursor;
      const ms = Date.now() + 1_000;
      await pushed(
        ben,
        putCase(
          ben,
          1,
          caseId,
          { familyName: `${FAMILY}-Ben` },
          { hlc: clock(ms, ben.clientId), baseCursor: base },
        ),
      );
      await pushed(
        anna,
        putCase(
          anna,
          4,
          caseId,
          { familyName: `${FAMILY}-Anna` },
          { hlc: clock(ms + 5, anna.clientId), baseCursor: base },
        ),
      );
      // Rejected: a contact cannot be moved; its reason is stored with the mutation.
      const rejected = await pushed(
        ben,
        child(ben, 2, 'contacts', contactId, { channel: 'letter' }),
      );
      expect(rejected.results[0]!.status).toBe('rejected');
      return { t, anna, ben, caseId, contactId, needId };
    }

    describe('GET /api/cases/<id>/export (Art. 15)', () => {
      it('answers every record of the case, the conflicts and the history with names', async () => {
        const { anna, caseId, contactId, needId } = await personWithFile();
        const response = await api(anna, 'GET', `/api/cases/${caseId}/export`);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        expect(body.case).toMatchObject({ id: caseId, phone: '0170 1234567', givenName: 'Amina' });
        expect(body.records.contacts).toEqual([expect.objectContaining({ id: contactId })]);
        expect(body.records.needs).toEqual([expect.objectContaining({ id: needId })]);
        expect(body.records.conflicts).toHaveLength(1);
        expect(body.records.conflicts[0]).toMatchObject({ recordId: caseId, field: 'familyName' });
        expect(body.history.length).toBeGreaterThanOrEqual(4);
        expect(body.history[0]).toEqual({
          at: expect.any(String),
          userId: anna.userId,
          userName: `Nutzer ${anna.email}`,
          table: 'cases',
          recordId: caseId,
          op: 'put',
          fields: expect.arrayContaining(['givenName', 'familyName']),
        });
        expect(response.headers['cache-control']).toBe('no-store');
      });

      it('is 404 for another team, a coordinator and an unknown id; 401 signed out; 400 malformed', async () => {
        const { t, caseId } = await personWithFile();
        const stranger = await server.member(team());
        const coordinator = await server.member(t, 'coordinator');
        for (const who of [stranger, coordinator]) {
          const response = await api(who, 'GET', `/api/cases/${caseId}/export`);
          expect(response.statusCode).toBe(404);
          expect(response.json().message).toMatch(/Diesen Fall gibt es nicht/);
          expect(response.body).not.toContain(FAMILY);
        }
        expect((await api(stranger, 'GET', `/api/cases/${newRecordId()}/export`)).statusCode).toBe(
          404,
        );
        expect((await api(null, 'GET', `/api/cases/${caseId}/export`)).statusCode).toBe(401);
        const malformed = await api(stranger, 'GET', '/api/cases/kein-fall/export');
        expect(malformed.statusCode).toBe(400);
        expect(malformed.json().message).toMatch(/Ungültige Fall-ID/);
      });
    });

    describe('POST /api/cases/<id>/erase (Art. 17)', () => {
      it('[X1][X2] erases the case and everything of it; a pull from the start shows only tombstones', async () => {
        const { t, anna, ben, caseId, contactId, needId } = await personWithFile();
        const other = newRecordId();
        await pushed(anna, putCase(anna, 5, other, validCase({ familyName: 'Bleibt' })));
        const teamId = anna.teamId;
        expect(await serverText(teamId)).toContain(FAMILY);

        const response = await api(anna, 'POST', `/api/cases/${caseId}/erase`, {
          reason: 'Antrag der Person vom 3. März',
        });
        expect(response.statusCode, response.body).toBe(200);
        // case, contact, need, one conflict
        expect(response.json()).toEqual({ erased: 4 });

        expect(await serverText(teamId)).not.toContain(FAMILY);
        expect(await serverText(teamId)).not.toContain('Sprachkurs');
        const log = await server.store.query<Record<string, unknown>>(
          'SELECT case_id, records, source, user_id, reason FROM erasure_log WHERE team_id = $1',
          [teamId],
        );
        expect(log).toEqual([
          {
            case_id: caseId,
            records: 4,
            source: 'request',
            user_id: anna.userId,
            reason: 'Antrag der Person vom 3. März',
          },
        ]);
        const rejection = await server.store.query<{ reason: string }>(
          'SELECT reason FROM mutation_results WHERE client_id = $1 AND mutation_id = 2',
          [ben.clientId],
        );
        expect(rejection).toEqual([{ reason: ERASED_REASON }]);

        const carla = await server.member(t);
        const page = await server.pullAll(carla);
        const erased = page.changes.filter((c) => c.id !== other);
        expect(erased.map((c) => c.id).sort()).toEqual(
          expect.arrayContaining([caseId, contactId, needId].sort()),
        );
        for (const change of erased) {
          expect(change).toMatchObject({ deleted: true, purged: true, fields: {} });
        }
        expect(page.changes.find((c) => c.id === other)).toMatchObject({ deleted: false });
        expect(JSON.stringify(page)).not.toContain(FAMILY);
      });

      it('[X3] a later push from an offline phone is rejected in German and never resurrects the record', async () => {
        const { anna, ben, caseId, contactId } = await personWithFile();
        await api(anna, 'POST', `/api/cases/${caseId}/erase`, { reason: 'Antrag' });
        const before = await server.pullAll(anna);
        const newContact = newRecordId();
        const result = await pushed(
          ben,
          putCase(ben, 3, caseId, { phone: '0171 999' }),
          child(ben, 4, 'contacts', newContact, {
            caseId,
            at: '2026-02-01T09:00:00.000Z',
            channel: 'outreach',
            summary: 'offline notiert',
          }),
          child(ben, 5, 'contacts', contactId, { summary: 'korrigiert' }),
          { ...putCase(ben, 6, caseId, {}), op: 'delete' },
        );
        for (const outcome of result.results.slice(0, 3)) {
          expect(outcome).toEqual({
            id: outcome.id,
            status: 'rejected',
            reason: ERASED_REASON,
            code: 'server.sync.erased',
            current: { fields: {}, deleted: true },
            purged: true,
          });
        }
        expect(ERASED_REASON).toMatch(/gelöscht/);
        expect(result.results[3]).toEqual({ id: 6, status: 'applied' });
        // The contact written offline for the erased person is kept as a purged tombstone, so a
        // later edit of it (no caseId) is refused the same way and devices holding it remove it.
        const edit = await pushed(
          ben,
          child(ben, 7, 'contacts', newContact, { summary: 'noch was' }),
        );
        expect(edit.results[0]).toMatchObject({ status: 'rejected', reason: ERASED_REASON });
        const after = await server.pullAll(anna, before.cursor);
        expect(after.changes).toEqual([
          expect.objectContaining({
            table: 'contacts',
            id: newContact,
            deleted: true,
            purged: true,
            fields: {},
          }),
        ]);
        expect(await serverText(anna.teamId)).not.toContain('noch was');
        expect(await serverText(anna.teamId)).not.toContain('offline notiert');
        expect(await serverText(anna.teamId)).not.toContain('0171 999');
      });

      it('erasing twice answers erased: 0; no reason is 400; another team and malformed ids change nothing', async () => {
        const { anna, caseId } = await personWithFile();
        const stranger = await server.member(team());
        const snapshot = () =>
          server.store.query(
            'SELECT id, deleted, version FROM records WHERE team_id = $1 ORDER BY id',
            [anna.teamId],
          );
        const start = await snapshot();
        const noReason = await api(anna, 'POST', `/api/cases/${caseId}/erase`, { reason: '  ' });
        expect(noReason.statusCode).toBe(400);
        expect(noReason.json().message).toBe('Bitte einen Grund für die Löschung angeben.');
        expect((await api(anna, 'POST', `/api/cases/${caseId}/erase`, {})).statusCode).toBe(400);
        const foreign = await api(stranger, 'POST', `/api/cases/${caseId}/erase`, { reason: 'x' });
        expect(foreign.statusCode).toBe(404);
        expect((await api(anna, 'POST', '/api/cases/123/erase', { reason: 'x' })).statusCode).toBe(
          400,
        );
        expect(
          (await api(anna, 'POST', `/api/cases/${newRecordId()}/erase`, { reason: 'x' }))
            .statusCode,
        ).toBe(404);
        expect(
          (await api(null, 'POST', `/api/cases/${caseId}/erase`, { reason: 'x' })).statusCode,
        ).toBe(401);
        expect(await snapshot()).toEqual(start);

        expect(
          (await api(anna, 'POST', `/api/cases/${caseId}/erase`, { reason: 'a' })).json(),
        ).toEqual({ erased: 4 });
        const again = await api(anna, 'POST', `/api/cases/${caseId}/erase`, { reason: 'b' });
        expect(again.statusCode).toBe(200);
        expect(again.json()).toEqual({ erased: 0 });
        expect((await api(anna, 'GET', `/api/cases/${caseId}/export`)).statusCode).toBe(404);
      });
    });

    describe('GET /api/cases/<id>/history', () => {
      it('lists who changed which fields, by name, without values', async () => {
        const { anna, ben, caseId } = await personWithFile();
        const response = await api(anna, 'GET', `/api/cases/${caseId}/history`);
        expect(response.statusCode).toBe(200);
        const { entries } = response.json<{ entries: { userName: string; fields: string[] }[] }>();
        expect(entries.map((e) => e.userName)).toEqual(
          expect.arrayContaining([`Nutzer ${anna.email}`, `Nutzer ${ben.email}`]),
        );
        expect(response.body).not.toContain(FAMILY);
        const stranger = await server.member(team());
        expect((await api(stranger, 'GET', `/api/cases/${caseId}/history`)).statusCode).toBe(404);
      });
    });

    describe('[X5] retention', () => {
      async function closedCase(member: Member, id: number, fields: Record<string, unknown>) {
        const caseId = newRecordId();
        await pushed(
          member,
          putCase(
            member,
            id,
            caseId,
            validCase({ status: 'closed', closingReason: 'work', ...fields }),
          ),
        );
        return caseId;
      }

      it('erases closed cases whose retention ended, by the erasure path, and nothing else', async () => {
        const anna = await server.member(team());
        const due = await closedCase(anna, 1, {
          closedOn: '2026-01-10',
          retainUntil: '2029-12-31',
        });
        const later = await closedCase(anna, 2, {
          closedOn: '2026-06-10',
          retainUntil: '2030-06-10',
        });
        const open = newRecordId();
        await pushed(anna, putCase(anna, 3, open, validCase({ familyName: 'Offen' })));
        // No retainUntil: closing date + the team's period (set to 1 year).
        await updateTeamSettings(server.store, anna.teamId, { retentionYears: 1 });
        const byPeriod = await closedCase(anna, 4, { closedOn: '2028-12-01' });

        const outcome = await runRetention(server.store, { today: '2030-01-01' });
        expect(outcome.ran).toBe(true);
        const rows = await server.store.query<{ id: string; purged: boolean }>(
          'SELECT id, purged FROM records WHERE team_id = $1',
          [anna.teamId],
        );
        const purged = new Map(rows.map((r) => [r.id, r.purged]));
        expect(purged.get(due)).toBe(true);
        expect(purged.get(byPeriod)).toBe(true);
        expect(purged.get(later)).toBe(false);
        expect(purged.get(open)).toBe(false);
        const log = await server.store.query<{ source: string; user_id: string | null }>(
          'SELECT source, user_id FROM erasure_log WHERE team_id = $1',
          [anna.teamId],
        );
        expect(log).toEqual([
          { source: 'retention', user_id: null },
          { source: 'retention', user_id: null },
        ]);
        // A second run the same day finds nothing more of this team.
        await runRetention(server.store, { today: '2030-01-01' });
        expect(
          (await server.store.query('SELECT 1 FROM erasure_log WHERE team_id = $1', [anna.teamId]))
            .length,
        ).toBe(2);
      });

      it('a THM extends a retention with a reason: logged, pulled by the team, checked', async () => {
        const anna = await server.member(team());
        const caseId = await closedCase(anna, 1, {
          closedOn: '2026-01-10',
          retainUntil: '2029-01-10',
        });
        const extend = (body: unknown) => api(anna, 'POST', `/api/cases/${caseId}/retention`, body);
        expect((await extend({ until: '2029-06-30' })).statusCode).toBe(400);
        const earlier = await extend({ until: '2028-01-01', reason: 'Klage läuft' });
        expect(earlier.statusCode).toBe(400);
        expect(earlier.json().message).toMatch(/nach der bisherigen Löschfrist/);
        const response = await extend({
          until: '2029-06-30',
          reason: 'Widerspruchsverfahren läuft',
        });
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json()).toEqual({ retainUntil: '2029-06-30' });
        const page = await server.pullAll(anna);
        expect(page.changes.find((c) => c.id === caseId)!.fields.retainUntil).toBe('2029-06-30');
        const exported = (await api(anna, 'GET', `/api/cases/${caseId}/export`)).json();
        expect(exported.retention.extensions).toEqual([
          expect.objectContaining({
            until: '2029-06-30',
            previousUntil: '2029-01-10',
            reason: 'Widerspruchsverfahren läuft',
          }),
        ]);
        await runRetention(server.store, { today: '2029-02-01' });
        const [row] = await server.store.query<{ purged: boolean }>(
          'SELECT purged FROM records WHERE team_id = $1 AND id = $2',
          [anna.teamId, caseId],
        );
        expect(row!.purged).toBe(false);
        const open = newRecordId();
        await pushed(anna, putCase(anna, 2, open, validCase()));
        const notClosed = await api(anna, 'POST', `/api/cases/${open}/retention`, {
          until: '2031-01-01',
          reason: 'x',
        });
        expect(notClosed.statusCode).toBe(400);
      });
    });

    describe('team settings', () => {
      it('the session tells the phone the team settings, defaults first', async () => {
        const anna = await server.member(team());
        const session = async () =>
          (await api(anna, 'GET', '/api/session')).json().user.team.settings;
        expect(await session()).toEqual({
          retentionYears: 3,
          legalBasis: 'consent',
          reportsNeedConsent: false,
          controller: null,
          dataProtectionOfficer: null,
        });
        await updateTeamSettings(server.store, anna.teamId, {
          legalBasis: 'public_task',
          reportsNeedConsent: true,
          controller: 'Stadt Beispielstadt, Amt für Integration, Markt 1, 12345 Beispielstadt',
        });
        expect(await session()).toMatchObject({
          retentionYears: 3,
          legalBasis: 'public_task',
          reportsNeedConsent: true,
          controller: 'Stadt Beispielstadt, Amt für Integration, Markt 1, 12345 Beispielstadt',
        });
      });

      it.each([
        [{ retentionYears: 0 }, /mindestens 1 Jahr/],
        [{ retentionYears: 2.5 }, /ganze Jahre/],
        [{ legalBasis: 'contract' }, /consent/],
        [{ colour: 'blue' }, /Unbekannte Einstellung/],
      ])('refuses %j in German and stores nothing', async (change, message) => {
        const anna = await server.member(team());
        await expect(updateTeamSettings(server.store, anna.teamId, change)).rejects.toMatchObject({
          statusCode: 400,
          message: expect.stringMatching(message),
        });
        expect(
          await server.store.query('SELECT 1 FROM team_settings WHERE team_id = $1', [anna.teamId]),
        ).toEqual([]);
      });
    });
  });
}
