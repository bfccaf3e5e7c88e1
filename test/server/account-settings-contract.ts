// The admin console's account and team-settings rules (issue 14 item 6, issue 12 item 6), run on
// PGlite AND PostgreSQL (account-settings.pglite.test.ts, account-settings.pg.test.ts):
// - a one-time password (console reset, console account, CLI `user passwd`) must be replaced at
//   the next sign-in: that session gets 403 `password_change_required` for everything else;
// - the team's settings are changed by admins only, bad input is a German 400 that stores nothing;
// - "reports need consent" leaves a case without a valid `reporting` consent out of the report.
import { MAX_NOISE } from '../../src/shared/reports/perturb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { setPassword } from '../../src/server/auth/accounts';
import { getTeamSettings } from '../../src/server/privacy/team-settings';
import { SCHEMA_VERSION } from '../../src/shared/sync/protocol';
import {
  addUser,
  signIn,
  startTestServer,
  TEST_PASSWORD,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';
import { seedRecords } from '../support/report-fixtures';

const NEW_PASSWORD = 'mein-eigenes-passwort-42';
/** A call every role of a team may make. */
const REPORT = '/api/reports/summary?from=2026-01-01&to=2026-01-31';

export function describeAccountSettingsContract(backend: string, makeStore: StoreFactory): void {
  describe(`admin console rules on ${backend}`, () => {
    let server: TestServer;
    let admin: string;
    beforeAll(async () => {
      server = await startTestServer({ store: await makeStore() });
      admin = await signIn(
        server.app,
        (await addUser(server.store, { team: 'Verwaltung', role: 'admin' })).email,
      );
    });
    afterAll(() => server?.close());

    const call = (cookie: string | null, method: string, url: string, payload?: unknown) =>
      server.app.inject({
        method: method as 'GET',
        url,
        headers: cookie ? { cookie } : {},
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const signInWith = async (email: string, password: string) => {
      const response = await call(null, 'POST', '/api/session', { email, password });
      expect(response.statusCode, response.body).toBe(200);
      const cookie = response.cookies.find((c) => c.name === 'feldakte_session')!;
      return {
        cookie: `${cookie.name}=${cookie.value}`,
        user: response.json<{ user: { passwordChangeRequired?: true } }>().user,
      };
    };
    const team = () => `Team ${randomUUID().slice(0, 8)}`;
    const pullBody = () => ({
      clientId: randomUUID(),
      schemaVersion: SCHEMA_VERSION,
      cursor: null,
    });
    const teamIdOf = async (name: string) =>
      (await server.store.query<{ id: string }>('SELECT id FROM teams WHERE name = $1', [name]))[0]!
        .id;

    /** What a session that must change its password may and may not do. */
    async function expectForcedChange(email: string, oneTimePassword: string) {
      const { cookie, user } = await signInWith(email, oneTimePassword);
      expect(user.passwordChangeRequired).toBe(true);
      // Everything but "who am I" and "set the new password" is refused, with a clear code.
      for (const [method, url, body] of [
        [
          'POST',
          '/api/sync/pull',
          { clientId: randomUUID(), schemaVersion: SCHEMA_VERSION, cursor: null },
        ],
        ['GET', '/api/team'],
        ['GET', REPORT],
        ['GET', '/api/admin/teams'],
      ] as const) {
        const refused = await call(cookie, method, url, body);
        expect(refused.statusCode, `${method} ${url}`).toBe(403);
        expect(refused.json()).toMatchObject({
          error: 'password_change_required',
          message: expect.stringContaining('neues Passwort') as unknown,
        });
      }
      const me = await call(cookie, 'GET', '/api/session');
      expect(me.statusCode).toBe(200);
      expect(me.json().user.passwordChangeRequired).toBe(true);

      // Bad new passwords: a German 400, nothing changes (the one-time password still signs in).
      const tooShort = await call(cookie, 'POST', '/api/session/password', { password: 'kurz' });
      expect(tooShort.statusCode).toBe(400);
      expect(tooShort.json()).toMatchObject({ error: 'invalid_password', field: 'password' });
      expect(tooShort.json().message).toMatch(/mindestens 10 Zeichen/);
      // The phone renders the key in its language; the German text stays for other clients.
      expect(tooShort.json()).toMatchObject({
        code: 'server.session.newPasswordTooShort',
        params: { min: 10 },
      });
      const same = await call(cookie, 'POST', '/api/session/password', {
        password: oneTimePassword,
      });
      expect(same.statusCode).toBe(400);
      expect(same.json().error).toBe('same_password');
      expect((await call(cookie, 'GET', REPORT)).statusCode).toBe(403);

      const changed = await call(cookie, 'POST', '/api/session/password', {
        password: NEW_PASSWORD,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json().user.passwordChangeRequired).toBeUndefined();
      // The same session goes on; the one-time password is spent, the new one signs in freely.
      expect((await call(cookie, 'GET', REPORT)).statusCode).toBe(200);
      const old = await call(null, 'POST', '/api/session', { email, password: oneTimePassword });
      expect(old.statusCode).toBe(401);
      const again = await signInWith(email, NEW_PASSWORD);
      expect(again.user.passwordChangeRequired).toBeUndefined();
      expect((await call(again.cookie, 'GET', REPORT)).statusCode).toBe(200);
    }

    describe('one-time passwords must be replaced at the next sign-in', () => {
      it('[S4] after a reset in the console; every session from before the reset ends, reused ones too', async () => {
        const user = await addUser(server.store, { team: team() });
        const before = await signIn(server.app, user.email);
        const other = await signIn(server.app, user.email);
        // A sync request keeps its session for reuse (recent-sessions.ts).
        expect((await call(before, 'POST', '/api/sync/pull', pullBody())).statusCode).toBe(200);
        const reset = await call(admin, 'POST', `/api/admin/users/${user.id}/password`);
        expect(reset.statusCode).toBe(200);
        for (const cookie of [before, other]) {
          expect((await call(cookie, 'POST', '/api/sync/pull', pullBody())).statusCode).toBe(401);
          expect((await call(cookie, 'GET', '/api/session')).statusCode).toBe(401);
          expect((await call(cookie, 'GET', '/api/team')).statusCode).toBe(401);
        }
        await expectForcedChange(user.email, reset.json().oneTimePassword as string);
      });

      it('[S4] after the CLI reset every session ends too', async () => {
        const user = await addUser(server.store, { team: team() });
        const before = await signIn(server.app, user.email);
        expect((await call(before, 'POST', '/api/sync/pull', pullBody())).statusCode).toBe(200);
        await setPassword(server.store, user.email, 'vom-admin-gesetzt-2', { oneTime: true });
        expect((await call(before, 'POST', '/api/sync/pull', pullBody())).statusCode).toBe(401);
        expect((await call(before, 'GET', '/api/session')).statusCode).toBe(401);
      });

      it('for an account the console created', async () => {
        const t = team();
        await addUser(server.store, { team: t });
        const email = `${randomUUID().slice(0, 8)}@example.org`;
        const created = await call(admin, 'POST', '/api/admin/users', {
          teamId: await teamIdOf(t),
          email,
          name: 'Neue Kollegin',
          role: 'coordinator',
        });
        expect(created.statusCode).toBe(201);
        await expectForcedChange(email, created.json().oneTimePassword as string);
      });

      it('after the CLI reset (`user passwd`)', async () => {
        const user = await addUser(server.store, { team: team() });
        await setPassword(server.store, user.email, 'vom-admin-gesetzt-1', { oneTime: true });
        await expectForcedChange(user.email, 'vom-admin-gesetzt-1');
      });

      it('a normal change needs the current password', async () => {
        const user = await addUser(server.store, { team: team() });
        const cookie = await signIn(server.app, user.email);
        const wrong = await call(cookie, 'POST', '/api/session/password', {
          password: NEW_PASSWORD,
          currentPassword: 'falsch-falsch',
        });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json()).toMatchObject({ error: 'wrong_password', field: 'currentPassword' });
        await signIn(server.app, user.email, TEST_PASSWORD);
        const ok = await call(cookie, 'POST', '/api/session/password', {
          password: NEW_PASSWORD,
          currentPassword: TEST_PASSWORD,
        });
        expect(ok.statusCode).toBe(200);
        await signIn(server.app, user.email, NEW_PASSWORD);
      });

      // Contract (issue 22): `POST /api/session/password` ends the account's other sessions.
      it("[S4] a password change ends the account's other sessions at once; its own goes on", async () => {
        const user = await addUser(server.store, { team: team() });
        const mine = await signIn(server.app, user.email);
        const phone = await signIn(server.app, user.email);
        const laptop = await signIn(server.app, user.email);
        const stranger = await signIn(
          server.app,
          (await addUser(server.store, { team: team() })).email,
        );
        expect((await call(phone, 'POST', '/api/sync/pull', pullBody())).statusCode).toBe(200);
        const changed = await call(mine, 'POST', '/api/session/password', {
          password: NEW_PASSWORD,
          currentPassword: TEST_PASSWORD,
        });
        expect(changed.statusCode, changed.body).toBe(200);
        for (const cookie of [phone, laptop]) {
          const pull = await call(cookie, 'POST', '/api/sync/pull', pullBody());
          expect(pull.statusCode).toBe(401);
          expect(pull.json().error).toBe('not_signed_in');
          expect((await call(cookie, 'GET', '/api/session')).statusCode).toBe(401);
        }
        expect((await call(mine, 'POST', '/api/sync/pull', pullBody())).statusCode).toBe(200);
        expect((await call(mine, 'GET', '/api/session')).statusCode).toBe(200);
        expect((await call(stranger, 'GET', '/api/session')).statusCode).toBe(200);
      });

      it('a wrong current password ends nothing', async () => {
        const user = await addUser(server.store, { team: team() });
        const mine = await signIn(server.app, user.email);
        const phone = await signIn(server.app, user.email);
        const wrong = await call(mine, 'POST', '/api/session/password', {
          password: NEW_PASSWORD,
          currentPassword: 'falsch-falsch',
        });
        expect(wrong.statusCode).toBe(400);
        expect((await call(phone, 'GET', '/api/session')).statusCode).toBe(200);
      });

      it('[S4] the forced-change state is read from the account, not copied into the session', async () => {
        const user = await addUser(server.store, { team: team() });
        await setPassword(server.store, user.email, 'vom-admin-gesetzt-3', { oneTime: true });
        const { cookie } = await signInWith(user.email, 'vom-admin-gesetzt-3');
        expect((await call(cookie, 'GET', '/api/team')).statusCode).toBe(403);
        // The mark leaves the account by any path (here an operator in psql): the session follows.
        await server.store.query(
          'UPDATE users SET password_change_required = false WHERE id = $1',
          [user.id],
        );
        expect((await call(cookie, 'GET', '/api/team')).statusCode).toBe(200);
        await server.store.query('UPDATE users SET password_change_required = true WHERE id = $1', [
          user.id,
        ]);
        expect((await call(cookie, 'GET', '/api/team')).statusCode).toBe(403);
        expect((await call(cookie, 'POST', '/api/sync/pull', pullBody())).statusCode).toBe(403);
      });
    });

    describe("the team's settings in the console", () => {
      it('admins change them; coordinators and THMs get 403, signed out 401', async () => {
        const t = team();
        const coordinator = await signIn(
          server.app,
          (await addUser(server.store, { team: t, role: 'coordinator' })).email,
        );
        const thm = await signIn(server.app, (await addUser(server.store, { team: t })).email);
        const id = await teamIdOf(t);
        const url = `/api/admin/teams/${id}/settings`;
        expect((await call(null, 'PATCH', url, { retentionYears: 5 })).statusCode).toBe(401);
        expect((await call(coordinator, 'PATCH', url, { retentionYears: 5 })).statusCode).toBe(403);
        expect((await call(thm, 'PATCH', url, { retentionYears: 5 })).statusCode).toBe(403);
        expect((await getTeamSettings(server.store, id)).retentionYears).toBe(3);

        const changed = await call(admin, 'PATCH', url, {
          retentionYears: 5,
          legalBasis: 'public_task',
          reportsNeedConsent: true,
        });
        expect(changed.statusCode, changed.body).toBe(200);
        expect(changed.json().team.settings).toMatchObject({
          retentionYears: 5,
          legalBasis: 'public_task',
          reportsNeedConsent: true,
        });
        const listed = (await call(admin, 'GET', '/api/admin/teams')).json<{
          teams: { id: string; settings: { retentionYears: number } }[];
        }>();
        expect(listed.teams.find((row) => row.id === id)!.settings.retentionYears).toBe(5);
        // The team's phones learn it with their session (offline banner, retention dates).
        expect((await call(thm, 'GET', '/api/session')).json().user.team.settings).toMatchObject({
          retentionYears: 5,
          legalBasis: 'public_task',
        });
      });

      it('bad input is a German 400 naming the field, and stores nothing', async () => {
        const t = team();
        await addUser(server.store, { team: t });
        const id = await teamIdOf(t);
        const url = `/api/admin/teams/${id}/settings`;
        for (const [body, field, text] of [
          [{ retentionYears: 0 }, 'retentionYears', /mindestens 1 Jahr/],
          [{ retentionYears: 11 }, 'retentionYears', /höchstens 10 Jahre/],
          [{ retentionYears: 2.5 }, 'retentionYears', /ganze Jahre/],
          [{ retentionYears: '3' }, 'retentionYears', /Zahl/],
          [{ legalBasis: 'weil' }, 'legalBasis', /Rechtsgrundlage/],
          [{ reportsNeedConsent: 'ja' }, 'reportsNeedConsent', /Ja oder Nein/],
          // A good value next to a bad one: nothing of it is stored.
          [{ retentionYears: 4, legalBasis: 'x' }, 'legalBasis', /Rechtsgrundlage/],
        ] as const) {
          const refused = await call(admin, 'PATCH', url, body);
          expect(refused.statusCode, JSON.stringify(body)).toBe(400);
          expect(refused.json()).toMatchObject({ error: 'invalid_settings', field });
          expect(refused.json().message).toMatch(text);
        }
        const unknown = await call(admin, 'PATCH', url, { colour: 'blau' });
        expect(unknown.statusCode).toBe(400);
        expect(unknown.json().message).toMatch(/Unbekannte Einstellung/);
        expect(await getTeamSettings(server.store, id)).toMatchObject({
          retentionYears: 3,
          legalBasis: 'consent',
          reportsNeedConsent: false,
        });
        expect(
          await server.store.query('SELECT 1 FROM team_settings WHERE team_id = $1', [id]),
        ).toEqual([]);
        const noTeam = await call(admin, 'PATCH', `/api/admin/teams/${randomUUID()}/settings`, {
          retentionYears: 4,
        });
        expect(noTeam.statusCode).toBe(404);
        expect(noTeam.json().message).toBe('Dieses Team gibt es nicht.');
      });
    });

    describe('"reports need consent"', () => {
      it('counts a case without reporting consent when off, leaves it out when on, fixed per report year', async () => {
        const t = team();
        const coordinator = await signIn(
          server.app,
          (await addUser(server.store, { team: t, role: 'coordinator' })).email,
        );
        const id = await teamIdOf(t);
        // Two persons, five phone calls each (five: above the small-cell suppression). Only the
        // first gave a reporting consent; the second withdrew hers before the period.
        const [withConsent, withdrawn] = await seedRecords(server.store, id, [
          { tbl: 'cases', fields: { status: 'active', createdOn: '2025-01-01' } },
          { tbl: 'cases', fields: { status: 'active', createdOn: '2025-01-01' } },
        ]);
        await seedRecords(server.store, id, [
          {
            tbl: 'consents',
            fields: { caseId: withConsent, purpose: 'reporting', givenOn: '2025-01-02' },
          },
          {
            tbl: 'consents',
            fields: {
              caseId: withdrawn,
              purpose: 'reporting',
              givenOn: '2025-01-02',
              withdrawnOn: '2025-12-01',
            },
          },
          ...[withConsent, withdrawn].flatMap((caseId) =>
            ['2026', '2027'].flatMap((year) =>
              Array.from({ length: 5 }, (_, i) => ({
                tbl: 'contacts',
                fields: { caseId, channel: 'phone', at: `${year}-01-1${i}T10:00:00.000Z` },
              })),
            ),
          ),
        ]);
        const phoneCalls = async (year: number) => {
          const report = await call(
            coordinator,
            'GET',
            `/api/reports/summary?from=${year}-01-01&to=${year}-01-31`,
          );
          expect(report.statusCode, report.body).toBe(200);
          return report.json().indicators.contactsByChannel.phone as number | string;
        };
        // Ten calls under the rule "off": published with the cell-key noise of at most 2.
        const off = await phoneCalls(2026);
        expect(Math.abs(Number(off) - 10)).toBeLessThanOrEqual(MAX_NOISE);
        const on = await call(admin, 'PATCH', `/api/admin/teams/${id}/settings`, {
          reportsNeedConsent: true,
        });
        expect(on.statusCode).toBe(200);
        // 2026 was first reported under "off" and keeps that rule: a switch cannot be used to
        // subtract the persons without a consent from the year's reports.
        expect(await phoneCalls(2026)).toBe(off);
        // 2027's first report comes under "on": only the consenting person's five calls (a true
        // 5 is published without noise).
        expect(await phoneCalls(2027)).toBe(5);
        await call(admin, 'PATCH', `/api/admin/teams/${id}/settings`, {
          reportsNeedConsent: false,
        });
        expect(await phoneCalls(2027)).toBe(5);
        expect(await phoneCalls(2026)).toBe(off);
      });
    });
  });
}
