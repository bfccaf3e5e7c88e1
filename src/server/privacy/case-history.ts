// The change history of one person (issue 12, "Verlauf" and the history of the Art. 15 export):
// who (by name) changed which fields of which record when, from the server's change log. Field
// names only: the change log never holds values.
import type { Queryable } from '../store/store';
import type { HistoryEntry } from '../../shared/sync/protocol';
import { caseRecordIds } from './erase-case';

export type { HistoryEntry };

/** Oldest first; `limit` keeps the newest entries when there are more. */
export async function caseHistory(
  db: Queryable,
  teamId: string,
  caseId: string,
  limit = 10_000,
): Promise<HistoryEntry[]> {
  const ids = (await caseRecordIds(db, teamId, caseId)).map((row) => row.id);
  const rows = await db.query<{
    at: Date | string;
    user_id: string | null;
    user_name: string | null;
    tbl: string;
    record_id: string;
    op: string;
    fields: unknown;
  }>(
    `SELECT * FROM (
       SELECT l.seq, l.at, l.user_id, u.name AS user_name, l.tbl, l.record_id, l.op, l.fields
         FROM change_log l LEFT JOIN users u ON u.id = l.user_id
        WHERE l.team_id = $1 AND l.record_id = ANY($2::text[])
        ORDER BY l.seq DESC LIMIT $3) newest
      ORDER BY seq`,
    [teamId, ids, limit],
  );
  return rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    userId: row.user_id,
    userName: row.user_name,
    table: row.tbl,
    recordId: row.record_id,
    op: row.op,
    fields: Array.isArray(row.fields) ? row.fields.filter((f) => typeof f === 'string') : [],
  }));
}
