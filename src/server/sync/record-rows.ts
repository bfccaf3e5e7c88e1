// Reading and writing rows of `records`, always scoped by team ([R1], [S3]).
import type { FieldStamp, Fields } from '../../shared/sync/merge';
import type { AnyRecord, RuleContext } from '../../shared/domain/table-rules';
import type { Queryable } from '../store/store';

export interface RecordRow {
  fields: Fields;
  stamps: Record<string, FieldStamp>;
  hlc: string;
  deleted: boolean;
  version: number;
}

export async function loadRecord(
  db: Queryable,
  teamId: string,
  table: string,
  id: string,
): Promise<RecordRow | undefined> {
  const [row] = await db.query<{
    fields: Fields;
    stamps: Record<string, FieldStamp>;
    hlc: string;
    deleted: boolean;
    version: number | string;
  }>(
    'SELECT fields, stamps, hlc, deleted, version FROM records WHERE team_id = $1 AND tbl = $2 AND id = $3',
    [teamId, table, id],
  );
  return row && { ...row, version: Number(row.version) };
}

/** The shared rules' view of the team's records, inside the write transaction. */
export function sqlRuleContext(db: Queryable, teamId: string, today: string): RuleContext {
  return {
    today,
    async get(table, id) {
      const [row] = await db.query<{ fields: Fields }>(
        'SELECT fields FROM records WHERE team_id = $1 AND tbl = $2 AND id = $3 AND NOT deleted',
        [teamId, table, id],
      );
      return row && ({ ...row.fields, id } as AnyRecord);
    },
    async listByCase(table, caseId) {
      const rows = await db.query<{ id: string; fields: Fields }>(
        `SELECT id, fields FROM records
          WHERE team_id = $1 AND tbl = $2 AND fields ->> 'caseId' = $3 AND NOT deleted ORDER BY id`,
        [teamId, table, caseId],
      );
      return rows.map((row) => ({ ...row.fields, id: row.id }) as AnyRecord);
    },
  };
}

/** The newest clock among a record's field stamps. */
export function newestHlc(stamps: Record<string, FieldStamp>, fallback: string): string {
  let newest = fallback;
  for (const stamp of Object.values(stamps)) if (stamp.hlc > newest) newest = stamp.hlc;
  return newest;
}
