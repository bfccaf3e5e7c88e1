// The records one push reads and writes, held in memory while the team lock is held: one query
// loads them, one statement writes them back. That keeps the lock short, which is what limits a
// team's write throughput ([V1]). Rules that look at other records see the push's own earlier
// writes through the overlay in `ruleContext`.
import type { AnyRecord, RuleContext } from '../../shared/domain/table-rules';
import type { Fields, FieldStamp } from '../../shared/sync/merge';
import type { Queryable } from '../store/store';
import { sqlRuleContext, type RecordRow } from './record-rows';

export interface BufferEntry {
  table: string;
  id: string;
  row: RecordRow | undefined;
  dirty: boolean;
}

/** An opaque snapshot of a buffer (entries are replaced, never changed in place). */
export type Checkpoint = ReadonlyMap<string, BufferEntry>;

export class PushBuffer {
  private entries = new Map<string, BufferEntry>();

  private constructor(
    private readonly db: Queryable,
    private readonly teamId: string,
  ) {}

  /**
   * Loads every named record of the team in one query (call it holding the team lock), and which
   * of them and of `caseIds` (the cases they name) are purged ([X3]).
   */
  static async load(
    db: Queryable,
    teamId: string,
    refs: { table: string; recordId: string }[],
    caseIds: string[],
  ): Promise<{ records: PushBuffer; purged: Set<string>; mergedInto: Map<string, string> }> {
    const buffer = new PushBuffer(db, teamId);
    for (const { table, recordId } of refs)
      buffer.entries.set(key(table, recordId), {
        table,
        id: recordId,
        row: undefined,
        dirty: false,
      });
    const purged = new Set<string>();
    // [G5] a case merged into another: writes naming it are redirected to the kept case.
    const mergedInto = new Map<string, string>();
    const wanted = [...new Set([...refs.map((ref) => ref.recordId), ...caseIds])];
    if (wanted.length > 0) {
      const rows = await db.query<RecordWrite & { version: number | string; purged: boolean }>(
        'SELECT tbl, id, fields, stamps, hlc, deleted, version, purged FROM records WHERE team_id = $1 AND id = ANY($2::text[])',
        [teamId, wanted],
      );
      for (const { tbl, id, version, purged: isPurged, ...row } of rows) {
        if (isPurged) purged.add(id);
        if (tbl === 'cases' && row.deleted && typeof row.fields.mergedInto === 'string')
          mergedInto.set(id, row.fields.mergedInto);
        const entry = buffer.entries.get(key(tbl, id));
        if (entry) entry.row = { ...row, version: Number(version) };
      }
    }
    return { records: buffer, purged, mergedInto };
  }

  /** Loads the named records not held yet (a merge's kept case, a redirect's target). */
  async include(refs: { table: string; recordId: string }[]): Promise<void> {
    const missing = refs.filter((ref) => !this.entries.has(key(ref.table, ref.recordId)));
    if (missing.length === 0) return;
    for (const { table, recordId } of missing)
      this.entries.set(key(table, recordId), { table, id: recordId, row: undefined, dirty: false });
    const rows = await this.db.query<RecordWrite & { version: number | string }>(
      'SELECT tbl, id, fields, stamps, hlc, deleted, version FROM records WHERE team_id = $1 AND id = ANY($2::text[])',
      [this.teamId, [...new Set(missing.map((ref) => ref.recordId))]],
    );
    for (const { tbl, id, version, ...row } of rows) {
      const entry = this.entries.get(key(tbl, id));
      if (entry && !entry.dirty && !entry.row) entry.row = { ...row, version: Number(version) };
    }
  }

  /**
   * Every live record of `tables` whose `caseId` is `caseId`: the stored ones (loaded into the
   * buffer) with this push's writes laid over them ([G3] a merge moves them all).
   */
  async liveByCase(
    tables: readonly string[],
    caseId: string,
  ): Promise<{ table: string; id: string; row: RecordRow }[]> {
    const rows = await this.db.query<RecordWrite & { version: number | string }>(
      `SELECT tbl, id, fields, stamps, hlc, deleted, version FROM records
        WHERE team_id = $1 AND tbl = ANY($2::text[]) AND fields ->> 'caseId' = $3 AND NOT deleted`,
      [this.teamId, tables, caseId],
    );
    for (const { tbl, id, version, ...row } of rows) {
      if (!this.entries.has(key(tbl, id)))
        this.entries.set(key(tbl, id), {
          table: tbl,
          id,
          row: { ...row, version: Number(version) },
          dirty: false,
        });
    }
    const found: { table: string; id: string; row: RecordRow }[] = [];
    for (const { table, id, row } of this.entries.values()) {
      if (row && !row.deleted && tables.includes(table) && row.fields.caseId === caseId)
        found.push({ table, id, row });
    }
    return found.sort((a, b) => (a.table + a.id < b.table + b.id ? -1 : 1));
  }

  get(table: string, id: string): RecordRow | undefined {
    return this.entries.get(key(table, id))?.row;
  }

  set(table: string, id: string, row: RecordRow): void {
    this.entries.set(key(table, id), { table, id, row, dirty: true });
  }

  /** The buffer as it is now; `restore` returns to it (a rejected group, a refused write). */
  checkpoint(): Checkpoint {
    return new Map(this.entries);
  }

  restore(checkpoint: Checkpoint): void {
    this.entries = new Map(checkpoint);
  }

  /** Writes every changed row with `version` in one statement; they count as saved after it. */
  async save(version: number): Promise<void> {
    const dirty = this.unsaved();
    if (dirty.length === 0) return;
    await this.db.query(SAVE_RECORDS_SQL('$1', '$2', '$3'), [
      this.teamId,
      version,
      JSON.stringify(dirty),
    ]);
    // New objects, not a flag flipped in place: a checkpoint taken before still holds the old ones.
    for (const entry of this.entries.values())
      if (entry.dirty && entry.row)
        this.entries.set(key(entry.table, entry.id), { ...entry, dirty: false });
  }

  /** The changed rows not yet written, as SAVE_RECORDS_SQL takes them (the push's last statement). */
  unsaved(): RecordWrite[] {
    const writes: RecordWrite[] = [];
    for (const { table, id, row, dirty } of this.entries.values())
      if (dirty && row)
        writes.push({
          tbl: table,
          id,
          fields: row.fields,
          stamps: row.stamps,
          hlc: row.hlc,
          deleted: row.deleted,
        });
    return writes;
  }

  /** The shared rules' view: the team's stored records with this push's writes laid over them. */
  ruleContext(today: string): RuleContext {
    const stored = sqlRuleContext(this.db, this.teamId, today);
    const live = (entry: BufferEntry): AnyRecord | undefined =>
      entry.row && !entry.row.deleted
        ? ({ ...entry.row.fields, id: entry.id } as AnyRecord)
        : undefined;
    return {
      today,
      get: async (table, id) => {
        const entry = this.entries.get(key(table, id));
        return entry ? live(entry) : stored.get(table, id);
      },
      listByCase: async (table, caseId) => {
        const mine = [...this.entries.values()].filter((entry) => entry.table === table);
        const buffered = new Set(mine.map((entry) => entry.id));
        const fromStore = (await stored.listByCase(table, caseId)).filter(
          (record) => !buffered.has(record.id),
        );
        const fromPush = mine
          .map(live)
          .filter((record): record is AnyRecord => record?.caseId === caseId);
        return [...fromStore, ...fromPush].sort((a, b) => (a.id < b.id ? -1 : 1));
      },
    };
  }
}

/** One row for SAVE_RECORDS_SQL. */
export interface RecordWrite {
  tbl: string;
  id: string;
  fields: Fields;
  stamps: Record<string, FieldStamp>;
  hlc: string;
  deleted: boolean;
}

/** Upserts the RecordWrite rows of the jsonb array `rows` into the team's records with `version`. */
export const SAVE_RECORDS_SQL = (team: string, version: string, rows: string): string =>
  `INSERT INTO records (team_id, tbl, id, fields, stamps, hlc, deleted, version)
   SELECT ${team}, r.tbl, r.id, r.fields, r.stamps, r.hlc, r.deleted, ${version}
     FROM jsonb_to_recordset(${rows}::jsonb) AS r(tbl text, id text, fields jsonb, stamps jsonb, hlc text, deleted boolean)
   ON CONFLICT (team_id, tbl, id) DO UPDATE SET fields = excluded.fields, stamps = excluded.stamps,
     hlc = excluded.hlc, deleted = excluded.deleted, version = excluded.version`;

function key(table: string, id: string): string {
  return `${table}\u0000${id}`;
}
