// Erasure of one person (Art. 17 DSGVO), SPEC [X1]: the case and every record that belongs to it
// become purged tombstones in ONE transaction under the team lock ([V1]), so every device removes
// its copy at its next pull ([X2], [X4]) and no later push can bring them back ([X3]).
// Used by POST /api/cases/<id>/erase and by the retention job ([X5]).
import { formatHlc } from '../../shared/sync/hlc';
import type { Queryable } from '../store/store';
import { message, germanText } from '../../shared/i18n/message';
import { markCaseFilesRemoved } from '../files/file-service';

/** The reason a push to an erased record gets ([X3]); also replaces stored rejection reasons. */
export const ERASED = message('server.sync.erased');
export const ERASED_REASON = germanText(ERASED);

export interface ErasureRequest {
  teamId: string;
  caseId: string;
  /** Null when the retention job erases. */
  userId: string | null;
  source: 'request' | 'retention';
  reason: string;
  now: Date;
}

/** The ids of the case and of every record of the team that belongs to it (alive or not). */
export async function caseRecordIds(
  db: Queryable,
  teamId: string,
  caseId: string,
): Promise<{ tbl: string; id: string; purged: boolean }[]> {
  // Children carry `caseId`; conflicts carry `caseId` too and, for a case field, `recordId`.
  // Purged rows have no fields any more: they are found again only through an earlier erasure,
  // which already left nothing behind. [G7] The cases merged into this one (their tombstones name
  // it in `mergedInto`, also through a chain of merges) belong to it, with their conflicts; their
  // records moved to it with the merge.
  return db.query(
    `WITH RECURSIVE person(id) AS (
       SELECT $2::text
       UNION
       SELECT r.id FROM records r JOIN person p ON r.fields ->> 'mergedInto' = p.id
        WHERE r.team_id = $1 AND r.tbl = 'cases' AND r.deleted
     )
     SELECT tbl, id, purged FROM records
      WHERE team_id = $1
        AND (id IN (SELECT id FROM person) OR fields ->> 'caseId' = $2
             OR (tbl = 'conflicts' AND fields ->> 'recordId' IN (SELECT id FROM person)))`,
    [teamId, caseId],
  );
}

/**
 * Purges the case and its records; returns how many records were erased now (0 when the case was
 * erased before). The caller checked that the case exists in the team. Runs inside `db`'s
 * transaction; takes the team lock like every writer.
 */
export async function eraseCase(db: Queryable, request: ErasureRequest): Promise<number> {
  const { teamId, caseId, now } = request;
  const rows = await caseRecordIds(db, teamId, caseId);
  // [D6] the documents' files go too: 404 from this commit on, their bytes at the next sweep.
  await markCaseFilesRemoved(db, teamId, caseId, now);
  // Conflicts about a child record may lack `caseId` (made before children carried one).
  const childIds = rows.filter((row) => row.tbl !== 'conflicts').map((row) => row.id);
  const conflictRows = await db.query<{ tbl: string; id: string; purged: boolean }>(
    `SELECT tbl, id, purged FROM records
      WHERE team_id = $1 AND tbl = 'conflicts' AND fields ->> 'recordId' = ANY($2::text[])`,
    [teamId, childIds],
  );
  const all = new Map([...rows, ...conflictRows].map((row) => [`${row.tbl}\u0000${row.id}`, row]));
  const toPurge = [...all.values()].filter((row) => !row.purged);
  if (toPurge.length === 0) return 0;

  // [V1] one bumping UPDATE takes the team row lock (same order as a push: no deadlock).
  const [team] = await db.query<{ version: number | string }>(
    'UPDATE teams SET version = version + 1 WHERE id = $1 RETURNING version',
    [teamId],
  );
  const version = Number(team!.version);
  const hlc = formatHlc({ ms: now.getTime(), counter: 0, node: 'server' });
  const ids = toPurge.map((row) => row.id);
  await db.query(
    `UPDATE records SET fields = '{}'::jsonb, stamps = '{}'::jsonb, deleted = true, purged = true,
            hlc = $3, version = $4
      WHERE team_id = $1 AND id = ANY($2::text[])`,
    [teamId, ids, hlc, version],
  );
  const allIds = [...all.values()].map((row) => row.id);
  // Who changed what about the person goes with the person; the erasure log keeps the fact.
  await db.query('DELETE FROM change_log WHERE team_id = $1 AND record_id = ANY($2::text[])', [
    teamId,
    allIds,
  ]);
  // A stored rejection reason (or its params) may quote a value; the replay reports this one.
  await db.query(
    `UPDATE mutation_results SET reason = $3, code = $4, params = NULL
      WHERE record_id = ANY($2::text[]) AND reason IS NOT NULL
        AND client_id IN (SELECT client_id FROM clients WHERE team_id = $1)`,
    [teamId, allIds, ERASED_REASON, ERASED.key],
  );
  await db.query('DELETE FROM retention_extensions WHERE team_id = $1 AND case_id = $2', [
    teamId,
    caseId,
  ]);
  await db.query(
    `INSERT INTO erasure_log (team_id, case_id, records, source, user_id, reason, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      teamId,
      caseId,
      toPurge.length,
      request.source,
      request.userId,
      request.reason,
      now.toISOString(),
    ],
  );
  return toPurge.length;
}
