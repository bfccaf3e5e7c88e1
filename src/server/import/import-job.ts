// The spreadsheet import as a job (issue 26). An upload is checked first (a dry run: each row new,
// a probable duplicate of a case or of an earlier row, refused with row, column and the app's rule
// message, or unchanged because its import key was imported before); nothing is written until
// the job runs. A run writes the new rows through the same path as a phone's push: the shared
// merge and rules (applyMutation), the team version ([V1]), the change log, so phones pull them
// like any change. It writes in batches of rows, one transaction each, each row one group ([P9]),
// and records each row's stable import key, so the same file imported again changes nothing. An
// undo deletes everything a job wrote, as tombstones through the same path, while nobody has
// changed or added to any of it since.
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable, Store } from '../store/store';
import { tables, type TableName } from '../../shared/domain/tables';
import { ageLimitTaskFields } from '../../shared/domain/case-age';
import { expiryTaskFields } from '../../shared/domain/residence-status';
import { newRecordId } from '../../shared/domain/record-id';
import { toLocalDate } from '../../shared/domain/common';
import { formatHlc } from '../../shared/sync/hlc';
import type { Mutation } from '../../shared/sync/protocol';
import { personProfile, PersonIndex, type PersonProfile } from '../../shared/domain/person-match';
import {
  findColumns,
  IGNORE,
  importTargets,
  mappingToSave,
  suggestMapping,
  type ColumnChoice,
} from '../../shared/import/columns';
import { readRow, type ImportMember, type ReadRow } from '../../shared/import/rows';
import { germanText, message, type Message } from '../../shared/i18n/message';
import { PushBuffer } from '../sync/push-buffer';
import { applyFresh } from '../sync/apply-groups';
import type { PushScope, Write } from '../sync/apply-mutation';
import { HttpError } from '../http/api-error';
import { readSheets, type Sheet } from './read-file';

/** Rows written per transaction: short team locks, phones' pushes go on between batches. */
export const IMPORT_BATCH_ROWS = 100;

export type RowStatus = 'new' | 'duplicate' | 'refused' | 'unchanged';

export interface RowProblemView {
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
  /** German text (the CLI, older consoles). */
  text: string;
}

export interface RowOutcome {
  sheet: string;
  row: number;
  status: RowStatus;
  /** The person as the row names them (the uploader's own file). */
  name: string;
  problems: RowProblemView[];
  /** A duplicate: of a case (when it was created, its THM) or of an earlier row. */
  duplicateOf?:
    | { caseId: string; createdOn: string | null; assignedTo: string | null }
    | { row: number; sheet: string };
}

export interface SheetPlan {
  name: string;
  headings: string[];
  choices: ColumnChoice[];
  /** 1-based row number of the heading row; null when no heading row was found. */
  headerRow: number | null;
}

export interface ImportCounts {
  new: number;
  duplicate: number;
  refused: number;
  unchanged: number;
  /** After a run: rows written, and rows the server refused at write time. */
  imported?: number;
  failed?: number;
}

export interface JobView {
  id: string;
  teamId: string;
  fileName: string;
  status: 'checked' | 'running' | 'done' | 'failed' | 'undone';
  createdAt: string;
  finishedAt: string | null;
  rowsDone: number;
  rowsTotal: number;
  counts: ImportCounts;
  sheets: SheetPlan[];
  /** The rows of the dry run (only while the job is checked). */
  rows?: RowOutcome[];
}

export interface JobRow {
  id: string;
  team_id: string;
  user_id: string | null;
  client_id: string;
  file_name: string;
  status: JobView['status'];
  sheets: Sheet[] | null;
  mapping: { sheets?: SheetPlan[] };
  counts: ImportCounts;
  rows_done: number;
  rows_total: number;
  created_at: Date | string;
  finished_at: Date | string | null;
}

async function loadJob(db: Queryable, teamId: string, id: string): Promise<JobRow> {
  const [job] = await db.query<JobRow>('SELECT * FROM import_jobs WHERE id = $1 AND team_id = $2', [
    id,
    teamId,
  ]);
  if (!job) throw new HttpError(404, 'unknown_import', message('server.import.unknownJob'));
  return job;
}

function view(job: JobRow, rows?: RowOutcome[]): JobView {
  return {
    id: job.id,
    teamId: job.team_id,
    fileName: job.file_name,
    status: job.status,
    createdAt: new Date(job.created_at).toISOString(),
    finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
    rowsDone: Number(job.rows_done),
    rowsTotal: Number(job.rows_total),
    counts: job.counts,
    sheets: job.mapping.sheets ?? [],
    ...(rows ? { rows } : {}),
  };
}

async function teamMembers(db: Queryable, teamId: string): Promise<ImportMember[]> {
  return db.query<ImportMember>(
    `SELECT id, name, email FROM users WHERE team_id = $1 AND role = 'thm' AND disabled_at IS NULL`,
    [teamId],
  );
}

/** The row's stable key: its content within the team (the same row in any file, any upload). */
function importKey(teamId: string, row: ReadRow): string {
  return createHash('sha256').update(`${teamId}\n${row.content}`).digest('hex').slice(0, 40);
}

interface Plan {
  sheets: SheetPlan[];
  outcomes: RowOutcome[];
  /** The rows to write (new ones), with their keys. */
  toWrite: { row: ReadRow; key: string; sheet: string }[];
  counts: ImportCounts;
}

function problemView(column: string | null, reason: Message): RowProblemView {
  return {
    column,
    code: reason.key,
    ...(reason.params ? { params: reason.params as Record<string, string | number> } : {}),
    text: germanText(reason),
  };
}

/** The dry run: every row of every sheet with a heading row, judged against the team's cases. */
async function plan(
  db: Queryable,
  teamId: string,
  sheets: Sheet[],
  saved: Record<string, ColumnChoice>,
  chosen: SheetPlan[] | undefined,
  today: string,
): Promise<Plan> {
  const members = await teamMembers(db, teamId);
  const existing = await db.query<{ id: string; fields: Record<string, unknown> }>(
    `SELECT id, fields FROM records WHERE team_id = $1 AND tbl = 'cases' AND NOT deleted`,
    [teamId],
  );
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  type Found =
    | { kind: 'case'; id: string; createdOn: string | null; assignedTo: string | null }
    | { kind: 'row'; row: number; sheet: string };
  const candidates = new PersonIndex<Found>();
  for (const record of existing)
    candidates.add({
      item: {
        kind: 'case',
        id: record.id,
        createdOn: (record.fields.createdOn as string | undefined) ?? null,
        assignedTo: memberName.get(record.fields.assignedTo as string) ?? null,
      },
      profile: personProfile(record.fields),
    });
  const keys = new Set(
    (
      await db.query<{ import_key: string }>(
        'SELECT import_key FROM import_rows WHERE team_id = $1',
        [teamId],
      )
    ).map((r) => r.import_key),
  );
  const sheetPlans: SheetPlan[] = [];
  const outcomes: RowOutcome[] = [];
  const toWrite: Plan['toWrite'] = [];
  const counts: ImportCounts = { new: 0, duplicate: 0, refused: 0, unchanged: 0 };
  const seenKeys = new Set<string>();
  for (const sheet of sheets) {
    const columns = findColumns(sheet.rows);
    const given = chosen?.find((s) => s.name === sheet.name);
    if (!columns) {
      sheetPlans.push({ name: sheet.name, headings: [], choices: [], headerRow: null });
      continue;
    }
    const choices =
      given && given.choices.length === columns.headings.length
        ? given.choices.map((c) => (c === IGNORE || importTargets.includes(c) ? c : IGNORE))
        : suggestMapping(columns, sheet.rows, saved);
    sheetPlans.push({
      name: sheet.name,
      headings: columns.headings,
      choices,
      headerRow: columns.headerRow + 1,
    });
    // A sheet without any name column holds no persons (a legend, a pivot).
    if (
      !choices.some(
        (c) => c === 'cases.fullName' || c === 'cases.givenName' || c === 'cases.familyName',
      )
    )
      continue;
    for (let r = columns.headerRow + 1; r < sheet.rows.length; r++) {
      const read = await readRow(sheet.rows[r]!, r + 1, choices, columns.headings, members, today);
      if (!read) continue;
      const name = [read.person.givenName, read.person.familyName].filter(Boolean).join(' ');
      const outcome: RowOutcome = {
        sheet: sheet.name,
        row: read.row,
        status: 'new',
        name,
        problems: [],
      };
      const key = importKey(teamId, read);
      if (keys.has(key)) {
        outcome.status = 'unchanged';
      } else if (read.problems.length > 0) {
        outcome.status = 'refused';
        outcome.problems = read.problems.map((p) => problemView(p.column, p.message));
      } else if (seenKeys.has(key)) {
        outcome.status = 'duplicate';
      } else {
        const profile: PersonProfile = personProfile(read.person);
        const [match] = candidates.probable(profile, 1);
        if (match) {
          outcome.status = 'duplicate';
          const found = match.item;
          outcome.duplicateOf =
            found.kind === 'case'
              ? { caseId: found.id, createdOn: found.createdOn, assignedTo: found.assignedTo }
              : { row: found.row, sheet: found.sheet };
        } else {
          toWrite.push({ row: read, key, sheet: sheet.name });
          candidates.add({ item: { kind: 'row', row: read.row, sheet: sheet.name }, profile });
        }
      }
      seenKeys.add(key);
      counts[outcome.status]++;
      outcomes.push(outcome);
    }
  }
  return { sheets: sheetPlans, outcomes, toWrite, counts };
}

async function savedMapping(db: Queryable, teamId: string): Promise<Record<string, ColumnChoice>> {
  const [row] = await db.query<{ mapping: Record<string, ColumnChoice> }>(
    'SELECT mapping FROM import_mappings WHERE team_id = $1',
    [teamId],
  );
  return row?.mapping ?? {};
}

/** Uploads a file as a new checked job and returns its dry run. */
export async function checkImport(
  store: Store,
  p: { teamId: string; userId: string | null; fileName: string; bytes: Uint8Array; now: Date },
): Promise<JobView> {
  const sheets = await readSheets(p.bytes, p.fileName);
  // Checked jobs nobody ran within a day are dropped with the cells they hold.
  await store.query(
    `UPDATE import_jobs SET sheets = NULL, status = 'failed', finished_at = $2
      WHERE team_id = $1 AND status = 'checked' AND created_at < $2::timestamptz - interval '1 day'`,
    [p.teamId, p.now.toISOString()],
  );
  const result = await plan(
    store,
    p.teamId,
    sheets,
    await savedMapping(store, p.teamId),
    undefined,
    toLocalDate(p.now),
  );
  const id = randomUUID();
  const [job] = await store.query<JobRow>(
    `INSERT INTO import_jobs (id, team_id, user_id, client_id, file_name, status, sheets, mapping, counts, rows_total, created_at)
     VALUES ($1, $2, $3, $4, $5, 'checked', $6, $7, $8, $9, $10) RETURNING *`,
    [
      id,
      p.teamId,
      p.userId,
      randomUUID(),
      p.fileName.slice(0, 200),
      JSON.stringify(sheets),
      JSON.stringify({ sheets: result.sheets }),
      JSON.stringify(result.counts),
      result.toWrite.length,
      p.now.toISOString(),
    ],
  );
  return view(job!, result.outcomes);
}

/** The dry run again with other column choices (the console's mapping step). */
export async function recheckImport(
  store: Store,
  teamId: string,
  id: string,
  sheets: SheetPlan[],
  now: Date,
): Promise<JobView> {
  const job = await loadJob(store, teamId, id);
  if (job.status !== 'checked' || !job.sheets)
    throw new HttpError(409, 'import_not_checked', message('server.import.notChecked'));
  const result = await plan(store, teamId, job.sheets, {}, sheets, toLocalDate(now));
  const [updated] = await store.query<JobRow>(
    'UPDATE import_jobs SET mapping = $2, counts = $3, rows_total = $4 WHERE id = $1 RETURNING *',
    [
      id,
      JSON.stringify({ sheets: result.sheets }),
      JSON.stringify(result.counts),
      result.toWrite.length,
    ],
  );
  return view(updated!, result.outcomes);
}

export async function getImport(store: Queryable, teamId: string, id: string): Promise<JobView> {
  return view(await loadJob(store, teamId, id));
}

export async function listImports(store: Queryable, teamId: string): Promise<JobView[]> {
  const jobs = await store.query<JobRow>(
    `SELECT id, team_id, user_id, client_id, file_name, status, NULL AS sheets, mapping, counts,
            rows_done, rows_total, created_at, finished_at
       FROM import_jobs WHERE team_id = $1 ORDER BY created_at DESC LIMIT 50`,
    [teamId],
  );
  return jobs.map((job) => view(job));
}

/**
 * Runs a checked job: the dry run once more (the team may have changed since), then the new rows
 * in batches. `onBatch` hears the progress. Returns the finished job.
 */
export async function runImport(
  store: Store,
  teamId: string,
  id: string,
  now: () => Date,
  onBatch?: (done: number, total: number) => void,
): Promise<JobView> {
  return finishImport(store, await startImport(store, teamId, id), now, onBatch);
}

/** Marks a checked job running (409 when it is not checked); the console then polls its progress. */
export async function startImport(store: Store, teamId: string, id: string): Promise<JobRow> {
  const [started] = await store.query<JobRow>(
    `UPDATE import_jobs SET status = 'running' WHERE id = $1 AND team_id = $2 AND status = 'checked'
      AND sheets IS NOT NULL RETURNING *`,
    [id, teamId],
  );
  if (!started) {
    await loadJob(store, teamId, id);
    throw new HttpError(409, 'import_not_checked', message('server.import.notChecked'));
  }
  return started;
}

/** The run of a started job (startImport). */
export async function finishImport(
  store: Store,
  started: JobRow,
  now: () => Date,
  onBatch?: (done: number, total: number) => void,
): Promise<JobView> {
  const { id, team_id: teamId } = started;
  try {
    const today = toLocalDate(now());
    const result = await plan(store, teamId, started.sheets!, {}, started.mapping.sheets, today);
    await store.query('UPDATE import_jobs SET rows_total = $2, counts = $3 WHERE id = $1', [
      id,
      result.toWrite.length,
      JSON.stringify(result.counts),
    ]);
    await saveMapping(store, teamId, started.sheets!, result.sheets, now());
    let imported = 0;
    let failed = 0;
    let mutationId = 0;
    for (let start = 0; start < result.toWrite.length; start += IMPORT_BATCH_ROWS) {
      const batch = result.toWrite.slice(start, start + IMPORT_BATCH_ROWS);
      const outcome = await writeBatch(store, started, batch, now(), today, mutationId);
      mutationId = outcome.lastMutationId;
      imported += outcome.imported;
      failed += outcome.failed;
      const done = Math.min(start + batch.length, result.toWrite.length);
      await store.query('UPDATE import_jobs SET rows_done = $2 WHERE id = $1', [id, done]);
      onBatch?.(done, result.toWrite.length);
    }
    const [finished] = await store.query<JobRow>(
      `UPDATE import_jobs SET status = 'done', sheets = NULL, finished_at = $2, counts = $3 WHERE id = $1 RETURNING *`,
      [id, now().toISOString(), JSON.stringify({ ...result.counts, imported, failed })],
    );
    return view(finished!);
  } catch (error) {
    await store.query(
      `UPDATE import_jobs SET status = 'failed', sheets = NULL, finished_at = $2 WHERE id = $1`,
      [id, now().toISOString()],
    );
    throw error;
  }
}

async function saveMapping(
  store: Store,
  teamId: string,
  sheets: Sheet[],
  plans: SheetPlan[],
  now: Date,
) {
  const mapping: Record<string, ColumnChoice> = { ...(await savedMapping(store, teamId)) };
  for (const sheetPlan of plans) {
    const sheet = sheets.find((s) => s.name === sheetPlan.name);
    if (!sheet || sheetPlan.headerRow === null) continue;
    Object.assign(
      mapping,
      mappingToSave(
        { headerRow: sheetPlan.headerRow - 1, headings: sheetPlan.headings },
        sheetPlan.choices,
      ),
    );
  }
  await store.query(
    `INSERT INTO import_mappings (team_id, mapping, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (team_id) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
    [teamId, JSON.stringify(mapping), now.toISOString()],
  );
}

interface Written {
  key: string;
  caseId: string;
  recordIds: string[];
  mutations: Mutation[];
}

/** One row's records as mutations of one group: case, status, needs, and the tasks they bring. */
function rowMutations(
  job: JobRow,
  row: ReadRow,
  key: string,
  now: Date,
  today: string,
  next: () => number,
): Written {
  const groupId = randomUUID();
  const ms = now.getTime();
  const mutations: Mutation[] = [];
  const add = (table: TableName, fields: Record<string, unknown>) => {
    const id = newRecordId(ms);
    const mutationId = next();
    mutations.push({
      id: mutationId,
      table,
      recordId: id,
      op: 'put',
      fields,
      hlc: formatHlc({
        ms: ms + Math.floor(mutationId / 0x10000),
        counter: mutationId % 0x10000,
        node: job.client_id,
      }),
      baseCursor: 0,
      groupId,
    });
    return id;
  };
  const caseId = add('cases', row.case);
  if (typeof row.case.birthDate === 'string') {
    const task = ageLimitTaskFields({ id: caseId, birthDate: row.case.birthDate }, today);
    if (task && row.case.status !== 'closed') add('tasks', task);
  }
  if (row.status) {
    const statusId = newRecordId(ms);
    const fields = { ...row.status, caseId };
    const mutationId = next();
    mutations.push({
      id: mutationId,
      table: 'statuses',
      recordId: statusId,
      op: 'put',
      fields,
      hlc: formatHlc({
        ms: ms + Math.floor(mutationId / 0x10000),
        counter: mutationId % 0x10000,
        node: job.client_id,
      }),
      baseCursor: 0,
      groupId,
    });
    const task = expiryTaskFields(
      { id: statusId, caseId, validUntil: (row.status.validUntil as string | undefined) ?? null },
      today,
    );
    if (task && row.case.status !== 'closed') add('tasks', task);
  }
  for (const need of row.needs) add('needs', { ...need, caseId });
  return { key, caseId, recordIds: mutations.map((m) => m.recordId), mutations };
}

async function writeBatch(
  store: Store,
  job: JobRow,
  batch: { row: ReadRow; key: string }[],
  now: Date,
  today: string,
  firstMutationId: number,
): Promise<{ imported: number; failed: number; lastMutationId: number }> {
  let mutationId = firstMutationId;
  const rows = batch.map(({ row, key }) =>
    rowMutations(job, row, key, now, today, () => ++mutationId),
  );
  const mutations = rows.flatMap((r) => r.mutations);
  return store.transaction(async (db) => {
    const applied = await applyAsDevice(db, job, mutations, now, today);
    const imported = rows.filter((r) => r.mutations.every((m) => applied.has(m.id)));
    if (imported.length > 0)
      await db.query(
        `INSERT INTO import_rows (team_id, import_key, job_id, case_id, record_ids)
         SELECT $1, r.import_key, $2, r.case_id, r.record_ids
           FROM jsonb_to_recordset($3::jsonb) AS r(import_key text, case_id text, record_ids jsonb)
         ON CONFLICT DO NOTHING`,
        [
          job.team_id,
          job.id,
          JSON.stringify(
            imported.map((r) => ({
              import_key: r.key,
              case_id: r.caseId,
              record_ids: r.recordIds,
            })),
          ),
        ],
      );
    return {
      imported: imported.length,
      failed: rows.length - imported.length,
      lastMutationId: mutationId,
    };
  });
}

/**
 * Applies mutations like a push of the job's own device ([P1], [P9], [V1]): the team version, the
 * shared merge and rules, the records and the change log in the caller's transaction. Returns the
 * ids of the mutations that were applied.
 */
async function applyAsDevice(
  db: Queryable,
  job: JobRow,
  mutations: Mutation[],
  now: Date,
  today: string,
): Promise<Set<number>> {
  const [team] = await db.query<{ version: number | string }>(
    'UPDATE teams SET version = version + 1 WHERE id = $1 RETURNING version',
    [job.team_id],
  );
  const version = Number(team!.version);
  const { records, purged } = await PushBuffer.load(db, job.team_id, mutations, []);
  const scope: PushScope = {
    db,
    records,
    teamId: job.team_id,
    userId: job.user_id ?? '',
    clientId: job.client_id,
    version,
    now,
    rules: records.ruleContext(today),
    pushedRecords: new Set(
      mutations.filter((m) => m.op === 'put').map((m) => `${m.table}/${m.recordId}`),
    ),
    erased: purged,
    redirects: new Map(),
  };
  const outcomes = await applyFresh(scope, mutations, 'together');
  await records.save(version);
  const log: (Write & { mutationId: number })[] = [];
  const applied = new Set<number>();
  for (const mutation of mutations) {
    const outcome = outcomes.get(mutation.id);
    if (outcome?.result.status !== 'applied') continue;
    applied.add(mutation.id);
    for (const write of outcome.writes) log.push({ ...write, mutationId: mutation.id });
  }
  if (log.length > 0)
    await db.query(
      `INSERT INTO change_log (team_id, tbl, record_id, op, fields, user_id, client_id, mutation_id, version, at)
       SELECT $1, w.tbl, w.record_id, w.op, w.fields, $2, $3, w.mutation_id, $4, $5
         FROM jsonb_to_recordset($6::jsonb) AS w(tbl text, record_id text, op text, fields jsonb, mutation_id bigint)`,
      [
        job.team_id,
        job.user_id,
        job.client_id,
        version,
        now.toISOString(),
        JSON.stringify(
          log.map((w) => ({
            tbl: w.table,
            record_id: w.recordId,
            op: w.op,
            fields: w.fields,
            mutation_id: w.mutationId,
          })),
        ),
      ],
    );
  return applied;
}

/**
 * Undoes a finished job: every record it wrote becomes a tombstone (through the same path), and its
 * rows may be imported again. Refused (409) when anyone changed one of its records or added a
 * record to one of its cases since.
 */
export async function undoImport(
  store: Store,
  teamId: string,
  id: string,
  now: Date,
): Promise<JobView> {
  const job = await loadJob(store, teamId, id);
  if (job.status !== 'done')
    throw new HttpError(409, 'import_not_done', message('server.import.notDone'));
  const rows = await store.query<{ case_id: string; record_ids: string[] }>(
    'SELECT case_id, record_ids FROM import_rows WHERE job_id = $1',
    [id],
  );
  const recordIds = rows.flatMap((r) => r.record_ids);
  const caseIds = rows.map((r) => r.case_id);
  const [edited] = await store.query<{ count: number | string }>(
    `SELECT (SELECT count(DISTINCT record_id) FROM change_log
              WHERE team_id = $1 AND record_id = ANY($2::text[]) AND client_id IS DISTINCT FROM $3)
          + (SELECT count(*) FROM records
              WHERE team_id = $1 AND fields ->> 'caseId' = ANY($4::text[]) AND NOT (id = ANY($2::text[]))
                AND NOT deleted) AS count`,
    [teamId, recordIds, job.client_id, caseIds],
  );
  const count = Number(edited?.count ?? 0);
  if (count > 0)
    throw new HttpError(409, 'import_edited', message('server.import.editedSince', { count }));
  const today = toLocalDate(now);
  const [last] = await store.query<{ last: number | string | null }>(
    'SELECT max(mutation_id) AS last FROM change_log WHERE team_id = $1 AND client_id = $2',
    [teamId, job.client_id],
  );
  let mutationId = Number(last?.last ?? 0);
  const tableOf = new Map(
    (
      await store.query<{ id: string; tbl: string }>(
        'SELECT id, tbl FROM records WHERE team_id = $1 AND id = ANY($2::text[])',
        [teamId, recordIds],
      )
    ).map((r) => [r.id, r.tbl]),
  );
  const ms = now.getTime();
  for (let start = 0; start < rows.length; start += IMPORT_BATCH_ROWS) {
    const batch = rows.slice(start, start + IMPORT_BATCH_ROWS);
    const mutations: Mutation[] = batch.flatMap((row) =>
      // Children before their case.
      [...row.record_ids].reverse().flatMap((recordId): Mutation[] => {
        const table = tableOf.get(recordId);
        if (!table || !(table in tables)) return [];
        const n = ++mutationId;
        return [
          {
            id: n,
            table: table as TableName,
            recordId,
            op: 'delete',
            fields: {},
            hlc: formatHlc({
              ms: ms + Math.floor(n / 0x10000),
              counter: n % 0x10000,
              node: job.client_id,
            }),
            baseCursor: 0,
          },
        ];
      }),
    );
    await store.transaction((db) => applyAsDevice(db, job, mutations, now, today));
  }
  const [undone] = await store.transaction(async (tx) => {
    await tx.query('DELETE FROM import_rows WHERE job_id = $1', [id]);
    return tx.query<JobRow>(
      `UPDATE import_jobs SET status = 'undone', finished_at = $2 WHERE id = $1 RETURNING *`,
      [id, now.toISOString()],
    );
  });
  return view(undone!);
}

/** Drops a checked job and the cells it holds (a dry run nobody will run, the console's "Verwerfen"). */
export async function discardImport(store: Queryable, teamId: string, id: string): Promise<void> {
  await store.query(
    `DELETE FROM import_jobs WHERE id = $1 AND team_id = $2 AND status = 'checked'`,
    [id, teamId],
  );
}
