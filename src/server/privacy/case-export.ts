// The Art. 15 access export: everything the server holds about one person, as JSON. The keys
// `case`, `records` and `history` are the contract of GET /api/cases/<id>/export.
import type { Queryable } from '../store/store';
import type { Fields } from '../../shared/sync/merge';
import { caseHistory, type HistoryEntry } from './case-history';

export const EXPORT_FORMAT = 'feldakte-auskunft/1';

export interface CaseExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  exportedBy: string;
  team: string;
  case: Record<string, unknown>;
  /** Every live record that belongs to the case, by table (statuses, needs, ..., conflicts). */
  records: Record<string, Record<string, unknown>[]>;
  /** Partners named in the records (who data went to or came from). */
  partners: { id: string; name: string }[];
  history: HistoryEntry[];
  retention: {
    retainUntil: string | null;
    extensions: { at: string; until: string; previousUntil: string | null; reason: string }[];
  };
}

/** Undefined when the case does not exist (alive) in the team. */
export async function exportCase(
  db: Queryable,
  p: { teamId: string; teamName: string; caseId: string; userName: string; now: Date },
): Promise<CaseExport | undefined> {
  const rows = await db.query<{ tbl: string; id: string; fields: Fields }>(
    `SELECT tbl, id, fields FROM records
      WHERE team_id = $1 AND NOT deleted
        AND (id = $2 OR fields ->> 'caseId' = $2
             OR (tbl = 'conflicts' AND fields ->> 'recordId' = $2))
      ORDER BY tbl, id`,
    [p.teamId, p.caseId],
  );
  const caseRow = rows.find((row) => row.tbl === 'cases' && row.id === p.caseId);
  if (!caseRow) return undefined;
  const records: CaseExport['records'] = {};
  for (const row of rows) {
    if (row === caseRow) continue;
    (records[row.tbl] ??= []).push({ id: row.id, ...row.fields });
  }
  const partnerIds = new Set<string>();
  for (const row of rows) {
    for (const key of ['partnerId', 'referredByPartnerId']) {
      const value = row.fields[key];
      if (typeof value === 'string') partnerIds.add(value);
    }
  }
  const partners = await db.query<{ id: string; name: string }>(
    `SELECT id, fields ->> 'name' AS name FROM records
      WHERE team_id = $1 AND tbl = 'partners' AND id = ANY($2::text[]) AND NOT deleted ORDER BY 2`,
    [p.teamId, [...partnerIds]],
  );
  const extensions = await db.query<{
    at: Date | string;
    until: string;
    previous_until: string | null;
    reason: string;
  }>(
    `SELECT at, until, previous_until, reason FROM retention_extensions
      WHERE team_id = $1 AND case_id = $2 ORDER BY seq`,
    [p.teamId, p.caseId],
  );
  return {
    format: EXPORT_FORMAT,
    exportedAt: p.now.toISOString(),
    exportedBy: p.userName,
    team: p.teamName,
    case: { id: caseRow.id, ...caseRow.fields },
    records,
    partners,
    history: await caseHistory(db, p.teamId, p.caseId),
    retention: {
      retainUntil:
        typeof caseRow.fields.retainUntil === 'string' ? caseRow.fields.retainUntil : null,
      extensions: extensions.map((row) => ({
        at: new Date(row.at).toISOString(),
        until: row.until,
        previousUntil: row.previous_until,
        reason: row.reason,
      })),
    },
  };
}
