// The team export and its way back (issue 26 item 4): `npm run admin -- export --team --to` writes
// a ZIP (JSON with every field, XLSX and CSV per table with German headings and readable values);
// `import --team --file` reads it into an empty team of ANOTHER server, and every record comes
// back with its id and fields, merged cases and merge records too. Nothing is lost; a team that
// holds records, a broken file or a record that fails its schema changes nothing.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/cli/admin';
import {
  addUser,
  memoryStore,
  newRecordId,
  putCase,
  startTestServer,
  tick,
  validCase,
  type Member,
  type PushMutation,
  type TestServer,
} from '../support/server-harness';
import type { PushResponse } from '../../src/shared/sync/protocol';
import type { Store } from '../../src/server/store/store';

let source: TestServer;
let target: Store;
const dir = mkdtempSync(join(tmpdir(), 'feldakte-export-'));

beforeAll(async () => {
  source = await startTestServer();
  target = await memoryStore();
}, 120_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
});

const put = (
  member: Member,
  id: number,
  table: PushMutation['table'],
  recordId: string,
  fields: Record<string, unknown>,
): PushMutation => ({ id, table, recordId, op: 'put', fields, hlc: tick(member), baseCursor: 0 });

async function pushed(member: Member, ...mutations: PushMutation[]) {
  const response = await source.push(member, mutations);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json<PushResponse>();
  expect(body.results.filter((r) => r.status !== 'applied')).toEqual([]);
}

/** The team's records as the server holds them, without clocks and versions. */
async function recordsOf(store: Store, team: string) {
  const rows = await store.query<{
    tbl: string;
    id: string;
    fields: Record<string, unknown>;
    deleted: boolean;
  }>(
    `SELECT r.tbl, r.id, r.fields, r.deleted FROM records r JOIN teams t ON t.id = r.team_id
      WHERE t.name = $1 ORDER BY r.tbl, r.id`,
    [team],
  );
  return rows;
}

describe('team export', () => {
  it('exports a team and reads it back into an empty team of another server, losing nothing', async () => {
    const team = 'Team Export';
    const anna = await source.member(team);
    const [annaEmail] = await source.store.query<{ email: string }>(
      'SELECT email FROM users WHERE id = $1',
      [anna.userId],
    );
    const caseId = newRecordId();
    const twinId = newRecordId();
    const partnerId = newRecordId();
    const consentId = newRecordId();
    await pushed(
      anna,
      put(anna, 1, 'partners', partnerId, {
        name: 'Jobcenter Mitte',
        kind: 'jobcenter',
        agreement: 'none',
      }),
      putCase(
        anna,
        2,
        caseId,
        validCase({
          givenName: 'Zuleikha',
          familyName: 'Ahmadi',
          birthDate: '2004-03-12',
          assignedTo: anna.userId,
          schooling: 'msa',
          otherNames: ['Zulaika Ahmady'],
        }),
      ),
      putCase(anna, 3, twinId, validCase({ givenName: 'Zulaika', familyName: 'Ahmadi' })),
      put(anna, 4, 'needs', newRecordId(), {
        caseId,
        category: 'language',
        priority: 'high',
        source: 'self',
        status: 'open',
        description: 'Sprachkurs; "B1" bis Juni',
      }),
      put(anna, 5, 'statuses', newRecordId(), {
        caseId: twinId,
        kind: 'duldung',
        validUntil: '2026-09-30',
      }),
      put(anna, 6, 'consents', consentId, {
        caseId,
        purpose: 'share_with_partner',
        partnerId,
        givenOn: '2026-01-05',
      }),
      put(anna, 7, 'contacts', newRecordId(), {
        caseId,
        at: '2026-01-05T10:00:00.000Z',
        channel: 'phone',
        summary: 'Erstgespräch',
      }),
      put(anna, 8, 'merges', newRecordId(), {
        caseId,
        mergedCaseId: twinId,
        taken: [],
        mergedAt: '2026-01-06T10:00:00.000Z',
      }),
    );

    const file = join(dir, 'team.zip');
    const said = await runAdmin(['export', '--team', team, '--to', file], source.store);
    expect(said).toMatch(/^Export des Teams „Team Export“ nach .* geschrieben/);

    // Readable for people: German headings and values, per table in XLSX and CSV.
    const zip = await JSZip.loadAsync(readFileSync(file));
    const csv = await zip.file('csv/cases.csv')!.async('string');
    expect(csv.startsWith('\uFEFFKennung;Vorname;Nachname;Andere Schreibweisen')).toBe(true);
    expect(csv).toContain('Zuleikha;Ahmadi;Zulaika Ahmady, Zulaika Ahmadi;2004-03-12');
    expect(csv).toContain('Mittlerer Schulabschluss (MSA)');
    const needs = await zip.file('csv/needs.csv')!.async('string');
    expect(needs).toContain('"Sprachkurs; ""B1"" bis Juni"');
    expect(needs).toContain('Zuleikha Ahmadi');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await zip.file('tabellen.xlsx')!.async('arraybuffer'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Fall');
    expect(workbook.getWorksheet('Fall')!.getRow(1).getCell(2).value).toBe('Vorname');
    expect(await zip.file('LIESMICH.txt')!.async('string')).toContain('Art. 17');

    // Another server: the same colleague (by e-mail) in an empty team.
    const { createTeam } = await import('../../src/server/auth/accounts');
    await createTeam(target, 'Neues Team');
    const lena = await addUser(target, { team: 'Neues Team', email: annaEmail!.email });
    const dry = await runAdmin(
      ['import', '--team', 'Neues Team', '--file', file, '--dry-run'],
      target,
    );
    expect(dry.split('\n').at(-1)).toBe('new 8, duplicate 0, refused 0');
    expect(await recordsOf(target, 'Neues Team')).toEqual([]);
    const done = await runAdmin(['import', '--team', 'Neues Team', '--file', file], target);
    expect(done.split('\n').at(-1)).toBe('new 8, duplicate 0, refused 0');

    const before = (await recordsOf(source.store, team)).map((row) => ({
      ...row,
      fields: JSON.parse(JSON.stringify(row.fields).replaceAll(anna.userId, lena.id)) as unknown,
    }));
    expect(before.length).toBe(8);
    expect(await recordsOf(target, 'Neues Team')).toEqual(before);
    // The change log knows the records, so their history starts at the import.
    const [logged] = await target.query<{ n: number | string }>(
      'SELECT count(*) AS n FROM change_log',
    );
    expect(Number(logged!.n)).toBe(8);

    // Twice: the team holds records now, and nothing changes.
    await expect(
      runAdmin(['import', '--team', 'Neues Team', '--file', file], target),
    ).rejects.toThrow('nur in ein leeres Team');
  });

  it('refuses a file with a broken record as a whole, naming it', async () => {
    const { createTeam } = await import('../../src/server/auth/accounts');
    await createTeam(target, 'Leer');
    const zip = new JSZip();
    const good = newRecordId();
    const bad = newRecordId();
    zip.file(
      'feldakte-export.json',
      JSON.stringify({
        format: 'feldakte-team-export',
        version: 1,
        exportedAt: '2026-01-01T00:00:00.000Z',
        team: { name: 'X' },
        members: [],
        tables: {
          cases: [
            { id: good, fields: validCase() },
            { id: bad, fields: validCase({ status: 'verschollen' }) },
          ],
        },
      }),
    );
    const file = join(dir, 'broken.zip');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const said = await runAdmin(['import', '--team', 'Leer', '--file', file], target);
    expect(said).toContain(
      `abgelehnt  cases ${bad}: status: Bitte einen Status aus der Liste wählen`,
    );
    expect(said.split('\n').at(-1)).toBe('new 0, duplicate 0, refused 1');
    expect(await recordsOf(target, 'Leer')).toEqual([]);
  });
});
