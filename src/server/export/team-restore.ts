// Reading a team export back (issue 26 item 4): the ZIP of `teamExportZip`, into an EMPTY team of
// this or another Feldakte server, so that nothing is lost on the way to a new server. Every
// record keeps its id and fields and is checked with the shared schema of its table first; one
// record that fails refuses the whole file and nothing is written. The records are written in ONE
// transaction under the team lock like every writer ([V1]): the team version, a stamp per field,
// a change-log entry per record (by the server), so the phones of the team pull them at their
// next sync. Colleagues are matched by e-mail: a record naming a member of the export names the
// member with the same e-mail address in this team (or keeps the old id when there is none).
import * as v from 'valibot';
import JSZip from 'jszip';
import { isTableName, tables, tableNames, type TableName } from '../../shared/domain/tables';
import { formatHlc } from '../../shared/sync/hlc';
import { germanText, issueMessage } from '../../shared/i18n/message';
import type { Queryable } from '../store/store';
import { SAVE_RECORDS_SQL, type RecordWrite } from '../sync/push-buffer';
import { EXPORT_FORMAT, EXPORT_JSON, EXPORT_VERSION, type TeamExport } from './team-export';

export class ExportUnreadable extends Error {}

export interface RestoreProblem {
  table: string;
  id: string;
  text: string;
}

export interface RestoreOutcome {
  written: number;
  refused: RestoreProblem[];
  /** Members of the export with no account of the same e-mail in this team. */
  unmatchedMembers: string[];
}

/** True when `bytes` is a ZIP holding a Feldakte team export. */
export async function isTeamExport(bytes: Uint8Array): Promise<boolean> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  try {
    return (await JSZip.loadAsync(bytes)).file(EXPORT_JSON) !== null;
  } catch {
    return false;
  }
}

export async function readExportFile(bytes: Uint8Array): Promise<TeamExport> {
  let text: string | undefined;
  try {
    text = await (await JSZip.loadAsync(bytes)).file(EXPORT_JSON)?.async('string');
  } catch {
    throw new ExportUnreadable('Die Datei ist keine lesbare ZIP-Datei.');
  }
  if (text === undefined) throw new ExportUnreadable(`Die ZIP-Datei enthält kein ${EXPORT_JSON}.`);
  let data: TeamExport;
  try {
    data = JSON.parse(text) as TeamExport;
  } catch {
    throw new ExportUnreadable(`${EXPORT_JSON} ist kein gültiges JSON.`);
  }
  if (data?.format !== EXPORT_FORMAT || typeof data.tables !== 'object' || !data.tables)
    throw new ExportUnreadable('Die Datei ist kein Feldakte-Teamexport.');
  if (data.version > EXPORT_VERSION)
    throw new ExportUnreadable(
      `Der Export hat Version ${data.version}; dieser Server liest bis Version ${EXPORT_VERSION}.`,
    );
  return data;
}

/** Writes the export into the team (inside `db`'s transaction). Refuses a team that has records. */
export async function importTeamExport(
  db: Queryable,
  teamId: string,
  data: TeamExport,
  now: Date,
): Promise<RestoreOutcome> {
  const [held] = await db.query<{ n: number | string }>(
    'SELECT count(*) AS n FROM records WHERE team_id = $1',
    [teamId],
  );
  if (Number(held?.n ?? 0) > 0)
    throw new ExportUnreadable(
      'Das Team hat schon Einträge. Ein Teamexport wird nur in ein leeres Team eingelesen.',
    );

  const members = await db.query<{ id: string; email: string }>(
    'SELECT id, email FROM users WHERE team_id = $1',
    [teamId],
  );
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  const memberIds = new Map<string, string>();
  const unmatchedMembers: string[] = [];
  for (const member of data.members ?? []) {
    const here = byEmail.get(String(member.email).toLowerCase());
    if (here) memberIds.set(member.id, here);
    else unmatchedMembers.push(member.email);
  }
  const mapMembers = (value: unknown): unknown =>
    typeof value === 'string' && memberIds.has(value) ? memberIds.get(value) : value;

  const refused: RestoreProblem[] = [];
  const rows: (RecordWrite & { fieldNames: string[] })[] = [];
  const ids = new Set<string>();
  for (const [table, records] of Object.entries(data.tables)) {
    if (!isTableName(table)) {
      refused.push({ table, id: '', text: `Unbekannte Tabelle „${table}“` });
      continue;
    }
    for (const record of Array.isArray(records) ? records : []) {
      const id = String(record?.id ?? '');
      if (ids.has(id)) {
        refused.push({ table, id, text: 'Die Kennung kommt zweimal vor.' });
        continue;
      }
      ids.add(id);
      const fields = Object.fromEntries(
        Object.entries(record?.fields ?? {}).map(([field, value]) => [field, mapMembers(value)]),
      );
      if (record.deleted) {
        // A merged-away case ([G4]): a tombstone that names the case it went into, nothing else.
        if (table !== 'cases' || typeof fields.mergedInto !== 'string') {
          refused.push({ table, id, text: 'Ein gelöschter Eintrag gehört nicht in den Export.' });
          continue;
        }
        rows.push(row(table, id, { mergedInto: fields.mergedInto }, true));
        continue;
      }
      const parsed = v.safeParse(tables[table as TableName].schema, { ...fields, id });
      if (!parsed.success) {
        const issue = parsed.issues[0];
        const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
        const text = germanText(issueMessage(issue));
        refused.push({ table, id, text: `${path ? `${path}: ` : ''}${text}` });
        continue;
      }
      const { id: _id, ...clean } = parsed.output as Record<string, unknown>;
      rows.push(row(table, id, clean, false));
    }
  }
  if (refused.length > 0) return { written: 0, refused, unmatchedMembers };
  if (rows.length === 0) return { written: 0, refused, unmatchedMembers };
  // Ids are the team's keys on a server ([R1]); a record id another team holds here would refuse
  // every push that names it ([S3]): such a file belongs on another server.
  const [taken] = await db.query<{ id: string }>(
    'SELECT id FROM records WHERE team_id <> $1 AND id = ANY($2::text[]) LIMIT 1',
    [teamId, rows.map((r) => r.id)],
  );
  if (taken)
    throw new ExportUnreadable(
      'Die Einträge dieses Exports gehören auf diesem Server schon einem anderen Team. Ein Teamexport wird auf einem anderen Feldakte-Server eingelesen.',
    );

  // [V1] one bumping UPDATE takes the team row lock, as every writer does.
  const [team] = await db.query<{ version: number | string }>(
    'UPDATE teams SET version = version + 1 WHERE id = $1 RETURNING version',
    [teamId],
  );
  const version = Number(team!.version);
  const hlc = formatHlc({ ms: now.getTime(), counter: 0, node: 'server' });
  const order = new Map(tableNames.map((name, index) => [name, index]));
  rows.sort((a, b) => order.get(a.tbl as TableName)! - order.get(b.tbl as TableName)!);
  for (let start = 0; start < rows.length; start += 2_000) {
    const chunk = rows.slice(start, start + 2_000);
    const writes: RecordWrite[] = chunk.map(({ fieldNames, ...write }) => ({
      ...write,
      hlc,
      stamps: write.deleted
        ? {}
        : Object.fromEntries(fieldNames.map((field) => [field, { hlc, version }])),
    }));
    await db.query(SAVE_RECORDS_SQL('$1', '$2', '$3'), [teamId, version, JSON.stringify(writes)]);
    await db.query(
      `INSERT INTO change_log (team_id, tbl, record_id, op, fields, user_id, client_id, mutation_id, version, at)
       SELECT $1, w.tbl, w.id, w.op, w.fields, NULL, NULL, NULL, $2, $3
         FROM jsonb_to_recordset($4::jsonb) AS w(tbl text, id text, op text, fields jsonb)`,
      [
        teamId,
        version,
        now.toISOString(),
        JSON.stringify(
          chunk.map((w) => ({
            tbl: w.tbl,
            id: w.id,
            op: w.deleted ? 'delete' : 'put',
            fields: w.fieldNames,
          })),
        ),
      ],
    );
  }
  return { written: rows.length, refused, unmatchedMembers };
}

function row(
  tbl: string,
  id: string,
  fields: Record<string, unknown>,
  deleted: boolean,
): RecordWrite & { fieldNames: string[] } {
  return { tbl, id, fields, stamps: {}, hlc: '', deleted, fieldNames: Object.keys(fields) };
}
