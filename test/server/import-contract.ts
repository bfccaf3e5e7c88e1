// The spreadsheet import on the server (issue 26), run on PGlite AND PostgreSQL
// (import-contract.pglite.test.ts, import-contract.pg.test.ts): import → dry run → import →
// import again (no change) → undo, through the console's API, and what a THM's phone pulls.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../src/server/import/import-job';
import { runAdmin } from '../../src/server/cli/admin';
import { createUser } from '../../src/server/auth/accounts';
import {
  addTeam,
  clock,
  startTestServer,
  type Member,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));

export function describeImportContract(backend: string, makeStore: StoreFactory): void {
  describe(`import on ${backend}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ store: await makeStore() });
    });
    afterAll(() => server?.close());

    /** A team with a coordinator and the THM the fixtures name (thm1@…, "Nora Thiel"). */
    async function newTeam(thmEmail = `thm1-${randomUUID().slice(0, 6)}@example.org`) {
      const name = `Team ${randomUUID().slice(0, 8)}`;
      const team = await addTeam(server.store, name);
      await createUser(server.store, {
        teamName: name,
        email: thmEmail,
        name: 'Nora Thiel',
        role: 'thm',
        password: 'richtig-geheim-123',
      });
      const coordinator = await server.member(name, 'coordinator');
      const thm = await server.member(name, 'thm');
      return { name, team, thmEmail, coordinator, thm };
    }

    const upload = (member: Member, file: string, bytes: Buffer = fixture(file), team?: string) =>
      server.app.inject({
        method: 'POST',
        url: `/api/import?fileName=${encodeURIComponent(file)}${team ? `&team=${team}` : ''}`,
        headers: { cookie: member.cookie, 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
    const call = (member: Member, method: 'GET' | 'POST', url: string, payload?: object) =>
      server.app.inject({
        method,
        url,
        headers: { cookie: member.cookie },
        ...(payload ? { payload } : {}),
      });
    async function runToEnd(member: Member, id: string): Promise<JobView> {
      const started = await call(member, 'POST', `/api/import/${id}/run`);
      expect(started.statusCode, started.body).toBe(202);
      for (let i = 0; i < 400; i++) {
        const { job } = (await call(member, 'GET', `/api/import/${id}`)).json<{ job: JobView }>();
        if (job.status !== 'running') return job;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('import did not finish');
    }
    const liveCases = async (teamId: string) =>
      server.store.query<{ id: string; fields: Record<string, unknown> }>(
        `SELECT id, fields FROM records WHERE team_id = $1 AND tbl = 'cases' AND NOT deleted ORDER BY id`,
        [teamId],
      );

    // Needs the THM's e-mail in the fixture's place: the fixture says thm1@example.org.
    const withThm = (file: string, email: string) =>
      Buffer.from(fixture(file).toString('latin1').replaceAll('thm1@example.org', email), 'latin1');

    it('dry run → import → import again (no change) → undo', async () => {
      const { team, thmEmail, coordinator, thm } = await newTeam();
      // An existing case the file names in another spelling: a duplicate, not a second file.
      await server.push(thm, [
        {
          id: 1,
          table: 'cases',
          recordId: '01900000-0000-7000-8000-00000000aa01',
          op: 'put',
          fields: {
            givenName: 'Jonas',
            familyName: 'Mueller',
            birthDate: '2004-02-02',
            status: 'active',
          },
          hlc: clock(Date.now(), thm.clientId),
        },
      ]);

      // Dry run: nothing is written.
      const checked = await upload(
        coordinator,
        'fallliste-windows-1252.csv',
        withThm('fallliste-windows-1252.csv', thmEmail),
      );
      expect(checked.statusCode, checked.body).toBe(201);
      const { job } = checked.json<{ job: JobView }>();
      expect(job.status).toBe('checked');
      expect(job.counts).toEqual({ new: 2, duplicate: 1, refused: 0, unchanged: 0 });
      expect(job.rows!.map((r) => [r.row, r.status, r.name])).toEqual([
        [2, 'duplicate', 'Jonas Müller'],
        [3, 'new', '?irin Öztürk'],
        [5, 'new', 'Gulalai Ahmadzai'],
      ]);
      expect(job.rows![0]!.duplicateOf).toMatchObject({
        caseId: '01900000-0000-7000-8000-00000000aa01',
      });
      expect(await liveCases(team.id)).toHaveLength(1);

      // Import: the new rows, with status, tasks; a THM's phone pulls them like any change.
      const done = await runToEnd(coordinator, job.id);
      expect(done).toMatchObject({ status: 'done', rowsDone: 2, rowsTotal: 2 });
      expect(done.counts).toMatchObject({ imported: 2, failed: 0 });
      const cases = await liveCases(team.id);
      expect(cases.map((c) => c.fields.familyName).sort()).toEqual([
        'Ahmadzai',
        'Mueller',
        'Öztürk',
      ]);
      const gulalai = cases.find((c) => c.fields.givenName === 'Gulalai')!;
      expect(gulalai.fields).toMatchObject({
        gender: 'female',
        status: 'active',
        lifeWorldNotes: 'Schülerin, sehr motiviert',
      });
      expect(typeof gulalai.fields.assignedTo).toBe('string');
      const pulled = await server.pullAll(thm);
      const tables = pulled.changes.filter((c) => !c.deleted).map((c) => c.table);
      expect(tables.filter((t) => t === 'cases')).toHaveLength(3);
      expect(tables.filter((t) => t === 'statuses')).toHaveLength(2);
      // Öztürk's status expires: its task came along, like a status typed on a phone.
      expect(tables).toContain('tasks');
      const [logged] = await server.store.query<{ n: number | string }>(
        `SELECT count(*) AS n FROM change_log WHERE team_id = $1 AND tbl = 'cases' AND op = 'put'`,
        [team.id],
      );
      expect(Number(logged!.n)).toBe(3);

      // The same file again changes nothing.
      const again = (
        await upload(
          coordinator,
          'fallliste-windows-1252.csv',
          withThm('fallliste-windows-1252.csv', thmEmail),
        )
      ).json<{ job: JobView }>().job;
      expect(again.counts).toEqual({ new: 0, duplicate: 1, refused: 0, unchanged: 2 });
      const cursor = pulled.cursor;
      const second = await runToEnd(coordinator, again.id);
      expect(second.counts).toMatchObject({ imported: 0 });
      expect((await server.pullAll(thm, cursor)).changes).toEqual([]);

      // Undo: every record of the job becomes a tombstone, pulled as deleted.
      const undo = await call(coordinator, 'POST', `/api/import/${job.id}/undo`);
      expect(undo.statusCode, undo.body).toBe(200);
      expect(undo.json<{ job: JobView }>().job.status).toBe('undone');
      expect((await liveCases(team.id)).map((c) => c.fields.familyName)).toEqual(['Mueller']);
      const afterUndo = await server.pullAll(thm, cursor);
      expect(afterUndo.changes.length).toBeGreaterThan(0);
      expect(afterUndo.changes.every((c) => c.deleted)).toBe(true);
      // Undone once; and its rows may be imported again.
      expect((await call(coordinator, 'POST', `/api/import/${job.id}/undo`)).statusCode).toBe(409);
      const third = (
        await upload(
          coordinator,
          'fallliste-windows-1252.csv',
          withThm('fallliste-windows-1252.csv', thmEmail),
        )
      ).json<{ job: JobView }>().job;
      expect(third.counts.new).toBe(2);
    });

    it('refuses rows with row, column and the app rule; no undo once a THM edited a record', async () => {
      // The fixture's own THM (an e-mail is one account on the whole server: only this test has it).
      const { coordinator, thm } = await newTeam('thm1@example.org');
      const { job } = (
        await upload(
          coordinator,
          'fallliste-excel.xlsx',
          Buffer.from(fixture('fallliste-excel.xlsx')),
        )
      ).json<{ job: JobView }>();
      expect(job.sheets[0]).toMatchObject({ name: 'Fallliste', headerRow: 4 });
      const byRow = new Map(job.rows!.map((r) => [r.row, r]));
      expect(byRow.get(10)).toMatchObject({ status: 'duplicate', duplicateOf: { row: 5 } });
      expect(byRow.get(11)!.problems).toEqual([
        {
          column: 'B Geb.-Datum',
          code: 'rules.cases.birthDate',
          text: 'Bitte ein gültiges Geburtsdatum eingeben',
        },
      ]);
      expect(byRow.get(12)!.problems.map((p) => [p.column, p.code])).toEqual([
        ['F Ansprechpartner*in', 'rules.import.unknownMember'],
        ['G Bedarf', 'rules.import.unknownNeed'],
        ['D Aufenthalt Status', 'rules.statuses.kind'],
      ]);
      expect(byRow.get(5)).toMatchObject({ status: 'new', name: 'Zuleikha Rahimi' });
      expect(job.counts).toEqual({ new: 5, duplicate: 1, refused: 2, unchanged: 0 });
      expect(byRow.get(15)).toMatchObject({ status: 'new', name: 'Omid Jafari' });

      const done = await runToEnd(coordinator, job.id);
      expect(done.status).toBe('done');
      const [record] = await server.store.query<{ id: string }>(
        `SELECT id FROM records WHERE team_id = $1 AND tbl = 'cases' AND fields ->> 'givenName' = 'Omid'`,
        [job.teamId],
      );
      const edit = await server.push(thm, [
        {
          id: 1,
          table: 'cases',
          recordId: record!.id,
          op: 'put',
          fields: { phone: '0170 5' },
          hlc: clock(Date.now() + 1000, thm.clientId),
        },
      ]);
      expect(edit.statusCode).toBe(200);
      const undo = await call(coordinator, 'POST', `/api/import/${job.id}/undo`);
      expect(undo.statusCode).toBe(409);
      expect(undo.json().code).toBe('server.import.editedSince');
    });

    it('admins name the team; THMs and other teams get nothing', async () => {
      const { team, coordinator, thm } = await newTeam();
      const other = await newTeam();
      const admin = await server.member(`Verwaltung ${randomUUID().slice(0, 6)}`, 'admin');
      expect((await upload(thm, 'fallliste-tab.txt')).statusCode).toBe(403);
      expect(
        (
          await upload(
            other.coordinator,
            'fallliste-tab.txt',
            fixture('fallliste-tab.txt'),
            team.id,
          )
        ).statusCode,
      ).toBe(403);
      const byAdmin = await upload(
        admin,
        'fallliste-tab.txt',
        fixture('fallliste-tab.txt'),
        team.id,
      );
      expect(byAdmin.statusCode, byAdmin.body).toBe(201);
      const { job } = byAdmin.json<{ job: JobView }>();
      expect(job).toMatchObject({ teamId: team.id, counts: { new: 2 } });
      // Another team's coordinator cannot see, run or undo it.
      expect((await call(other.coordinator, 'GET', `/api/import/${job.id}`)).statusCode).toBe(404);
      expect((await call(other.coordinator, 'POST', `/api/import/${job.id}/run`)).statusCode).toBe(
        404,
      );
      expect((await call(coordinator, 'GET', `/api/import/${job.id}`)).statusCode).toBe(200);
      // A file that is no spreadsheet: 400 with the reason, nothing stored.
      const broken = await upload(coordinator, 'kaputt.xlsx', Buffer.from('PK kein zip'));
      expect(broken.statusCode).toBe(400);
      expect(broken.json().code).toBe('server.import.unreadable');
    });

    it('the CLI: dry run and import, last line new/duplicate/refused', async () => {
      const { name, team } = await newTeam();
      const path = new URL('../fixtures/import/fallliste-utf8-bom.csv', import.meta.url).pathname;
      const dry = await runAdmin(
        ['import', '--team', name, '--file', path, '--dry-run'],
        server.store,
      );
      const lines = dry.split('\n');
      expect(lines.at(-1)).toBe('new 2, duplicate 0, refused 1');
      expect(dry).toContain(
        'abgelehnt  Zeile 4, Spalte E E-Mail: Bitte eine gültige E-Mail-Adresse eingeben',
      );
      expect(await liveCases(team.id)).toHaveLength(0);
      const real = await runAdmin(['import', '--team', name, '--file', path], server.store);
      expect(real.split('\n').at(-1)).toBe('new 2, duplicate 0, refused 1');
      expect(await liveCases(team.id)).toHaveLength(2);
      const again = await runAdmin(['import', '--team', name, '--file', path], server.store);
      expect(again.split('\n').at(-1)).toBe('new 0, duplicate 0, refused 1');
      expect(await liveCases(team.id)).toHaveLength(2);
    });
  });
}
