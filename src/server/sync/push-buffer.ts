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

  /** Loads every named record of the team in one query (call it holding the team lock). */
  static async load(
    db: Queryable,
    teamId: string,
    refs: { table: string; recordId: string }[],
  ): Promise<PushBuffer> {
    const buffer = new PushBuffer(db, teamId);
    for (const { table, recordId } of refs)
      buffer.entries.set(key(table, recordId), {
        table,
        id: recordId,
        row: undefined,
        dirty: false,
      });
    const ids = [...new Set(refs.map((ref) => ref.recordId))];
    if (ids.length > 0) {
      const rows = await db.query<{
        tbl: string;
        id: string;
        fields: Fields;
        stamps: Record<string, FieldStamp>;
        hlc: string;
        deleted: boolean;
        version: number | string;
      }>(
        'SELECT tbl, id, fields, stamps, hlc, deleted, version FROM records WHERE team_id = $1 AND id = ANY($2::text[])',
        [teamId, ids],
      );
      for (const { tbl, id, version, ...row } of rows) {
        const entry = buffer.entries.get(key(tbl, id));
        if (entry) entry.row = { ...row, version: Number(version) };
      }
    }
    return buffer;
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
    const dirty = [...this.entries.values()].filter((entry) => entry.dirty && entry.row);
    if (dirty.length === 0) return;
    await this.write(version, dirty);
    // New objects, not a flag flipped in place: a checkpoint taken before still holds the old ones.
    for (const entry of dirty)
      this.entries.set(key(entry.table, entry.id), { ...entry, dirty: false });
  }

  private async write(version: number, dirty: BufferEntry[]): Promise<void> {
    await this.db.query(
      `INSERT INTO records (team_id, tbl, id, fields, stamps, hlc, deleted, version)
       SELECT $1, r.tbl, r.id, r.fields, r.stamps, r.hlc, r.deleted, $2
         FROM jsonb_to_recordset($3::jsonb) AS r(tbl text, id text, fields jsonb, stamps jsonb, hlc text, deleted boolean)
       ON CONFLICT (team_id, tbl, id) DO UPDATE SET fields = excluded.fields, stamps = excluded.stamps,
         hlc = excluded.hlc, deleted = excluded.deleted, version = excluded.version`,
      [
        this.teamId,
        version,
        JSON.stringify(
          dirty.map(({ table, id, row }) => ({
            tbl: table,
            id,
            fields: row!.fields,
            stamps: row!.stamps,
            hlc: row!.hlc,
            deleted: row!.deleted,
          })),
        ),
      ],
    );
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

function key(table: string, id: string): string {
  return `${table}\u0000${id}`;
}
