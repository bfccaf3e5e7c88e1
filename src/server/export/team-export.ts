// The team export (issue 26 item 4): everything a team holds, for moving to another system (e.g.
// when case work passes to KIM), for its own archive, or under Art. 20 DSGVO. One ZIP:
//   feldakte-export.json   every record with every field, the merged-case tombstones, the team's
//                          members (id, name, e-mail): what `importTeamExport` reads back
//   tabellen.xlsx          one sheet per table, German headings and readable values
//   csv/<tabelle>.csv      the same per table (UTF-8 with BOM, `;`), for any spreadsheet
//   LIESMICH.txt           what is in it
// Erased people (purged tombstones) are not in it: nothing of them is left to export.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { tableNames, type TableName } from '../../shared/domain/tables';
import { fields as fieldLabels } from '../../shared/i18n/catalogues/fields';
import { sync } from '../../shared/i18n/catalogues/sync';
import { cases } from '../../shared/i18n/catalogues/cases';
import { network } from '../../shared/i18n/catalogues/network';
import { common } from '../../shared/i18n/catalogues/common';
import type { Queryable } from '../store/store';

export const EXPORT_FORMAT = 'feldakte-team-export';
export const EXPORT_VERSION = 1;
export const EXPORT_JSON = 'feldakte-export.json';

export interface ExportRecord {
  id: string;
  fields: Record<string, unknown>;
  /** A merged-away case ([G4]): a tombstone that still names the case it went into. */
  deleted?: true;
}

export interface TeamExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  team: { name: string };
  members: { id: string; name: string; email: string; role: string }[];
  tables: Record<TableName, ExportRecord[]>;
}

/** Reads the team's records (live ones, and merge tombstones) in table and id order. */
export async function readTeamExport(
  db: Queryable,
  teamId: string,
  now: Date,
): Promise<TeamExport> {
  const [team] = await db.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [teamId]);
  const members = await db.query<{ id: string; name: string; email: string; role: string }>(
    'SELECT id, name, email, role FROM users WHERE team_id = $1 ORDER BY name, id',
    [teamId],
  );
  const rows = await db.query<{
    tbl: string;
    id: string;
    fields: Record<string, unknown>;
    deleted: boolean;
  }>(
    `SELECT tbl, id, fields, deleted FROM records
      WHERE team_id = $1 AND NOT purged
        AND (NOT deleted OR (tbl = 'cases' AND fields ? 'mergedInto'))
      ORDER BY tbl, id`,
    [teamId],
  );
  const tables = Object.fromEntries(tableNames.map((name) => [name, []])) as unknown as Record<
    TableName,
    ExportRecord[]
  >;
  for (const row of rows) {
    const list = tables[row.tbl as TableName];
    if (!list) continue;
    list.push(
      row.deleted
        ? { id: row.id, fields: row.fields, deleted: true }
        : { id: row.id, fields: row.fields },
    );
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    team: { name: team?.name ?? '' },
    members,
    tables,
  };
}

/** The whole export as one ZIP file. */
export async function teamExportZip(db: Queryable, teamId: string, now: Date): Promise<Buffer> {
  const data = await readTeamExport(db, teamId, now);
  const zip = new JSZip();
  zip.file(EXPORT_JSON, JSON.stringify(data, null, 1));
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  const render = valueRenderer(data);
  for (const table of tableNames) {
    const records = data.tables[table].filter((record) => !record.deleted);
    const columns = columnsOf(table, records);
    const headings = columns.map((field) => headingOf(table, field));
    const lines = records.map((record) =>
      columns.map((field) =>
        field === 'id' ? record.id : render(table, field, record.fields[field]),
      ),
    );
    const sheet = workbook.addWorksheet(sheetName(table));
    sheet.addRow(headings).font = { bold: true };
    for (const line of lines) sheet.addRow(line);
    sheet.columns.forEach((column) => (column.width = 22));
    zip.file(`csv/${table}.csv`, `\uFEFF${[headings, ...lines].map(csvLine).join('\r\n')}\r\n`);
  }
  zip.file('tabellen.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
  zip.file('LIESMICH.txt', readme(data));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Every field any record of the table has, the id first, in the order of the field labels. */
function columnsOf(table: TableName, records: ExportRecord[]): string[] {
  const known = Object.keys(fieldLabels[table] ?? {}).filter((field) => field !== 'id');
  const seen = new Set<string>();
  for (const record of records) for (const field of Object.keys(record.fields)) seen.add(field);
  return [
    'id',
    ...known.filter((f) => seen.has(f)),
    ...[...seen].filter((f) => !known.includes(f)),
  ];
}

function headingOf(table: TableName, field: string): string {
  const labels = fieldLabels[table] as Record<string, string> | undefined;
  return labels?.[field] ?? field;
}

function sheetName(table: TableName): string {
  return (sync.tables as Record<string, string>)[table]?.slice(0, 31) ?? table;
}

/** The catalogue group that names the values of an enum field, per table. */
const enumGroups: Partial<Record<TableName, Record<string, Record<string, unknown>>>> = {
  cases: {
    status: cases.status,
    closingReason: cases.closingReason,
    gender: cases.gender,
    germanLevel: cases.germanLevel,
    germanLevelSource: cases.germanLevelSource,
    literacy: cases.literacy,
    schooling: cases.schooling,
    schoolingRecognition: cases.recognition,
    reachedVia: cases.reachedVia,
    messenger: cases.messenger,
  },
  statuses: {
    kind: cases.residenceKind,
    workPermission: cases.workPermission,
    evidence: cases.evidence,
  },
  needs: {
    category: cases.needCategory,
    priority: cases.needPriority,
    source: cases.needSource,
    status: cases.needStatus,
  },
  contacts: { channel: cases.contactChannel, initiatedBy: cases.contactInitiator },
  tasks: { kind: cases.taskKind },
  partners: { kind: network.partnerKind },
};

/** Readable values: enum labels, names of colleagues and cases, Ja/Nein, lists joined. */
function valueRenderer(data: TeamExport) {
  const people = new Map(data.members.map((member) => [member.id, member.name]));
  const caseNames = new Map(
    data.tables.cases
      .filter((record) => !record.deleted)
      .map((record) => [
        record.id,
        `${String(record.fields.givenName ?? '')} ${String(record.fields.familyName ?? '')}`.trim(),
      ]),
  );
  const partnerNames = new Map(
    data.tables.partners.map((record) => [record.id, String(record.fields.name ?? '')]),
  );
  return (table: TableName, field: string, value: unknown): string => {
    if (value === undefined || value === null) return '';
    if (typeof value === 'boolean') return value ? common.form.yes : common.form.no;
    if (Array.isArray(value)) return value.map((item) => String(item)).join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    const text = String(value);
    const group = enumGroups[table]?.[field];
    if (group && typeof group[text] === 'string') return group[text];
    if (field === 'caseId' || field === 'mergedCaseId') return caseNames.get(text) ?? text;
    if (field === 'partnerId' || field === 'referredByPartnerId')
      return partnerNames.get(text) ?? text;
    return people.get(text) ?? text;
  };
}

function csvLine(cells: readonly string[]): string {
  return cells
    .map((cell) => (/[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
    .join(';');
}

function readme(data: TeamExport): string {
  const counts = tableNames
    .map((table) => `  ${sheetName(table)}: ${data.tables[table].filter((r) => !r.deleted).length}`)
    .join('\n');
  return [
    `Feldakte: Export des Teams „${data.team.name}“ vom ${data.exportedAt}`,
    '',
    `${EXPORT_JSON}: alle Einträge mit allen Feldern (auch zusammengeführte Fälle) und die`,
    'Mitglieder des Teams. Diese Datei liest ein anderer Feldakte-Server wieder ein:',
    '  npm run admin -- import --team <leeres Team> --file <diese ZIP-Datei>',
    'tabellen.xlsx und csv/: dieselben Einträge je Tabelle, mit deutschen Überschriften und',
    'lesbaren Werten (CSV: UTF-8, Semikolon).',
    'Gelöschte Personen (Art. 17) sind nicht enthalten.',
    '',
    'Einträge:',
    counts,
    '',
    'Die Datei enthält besonders schützenswerte Daten: verschlüsselt ablegen und nur an',
    'Berechtigte weitergeben.',
    '',
  ].join('\n');
}
