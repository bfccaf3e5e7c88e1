// POST /api/sync/pull: the team's rows with version > cursor, in version order ([V2]). Writers
// commit in version order (they hold the team row lock), so each statement sees a prefix of the
// versions and no row can be skipped; a page never splits a version.
import {
  DEFAULT_PULL_LIMIT,
  pullRequestSchema,
  type Change,
  type PullResponse,
} from '../../shared/sync/protocol';
import type { Fields } from '../../shared/sync/merge';
import type { Queryable } from '../store/store';
import type { SessionUser } from '../auth/sessions';
import { parseSyncRequest } from './parse-request';
import { bindClient, checked, type BoundClient } from './client-binding';

interface ChangeRow {
  tbl: string;
  id: string;
  deleted: boolean;
  fields: Fields;
  version: number | string;
  hlc: string;
  purged: boolean;
}

/** A page row of the joined query: all null when the team has nothing newer. */
type NullableRow = { [K in keyof ChangeRow]: ChangeRow[K] | null };

const COLUMNS = 'tbl, id, deleted, fields, version, hlc, purged';

export async function pullChanges(
  db: Queryable,
  user: SessionUser,
  body: unknown,
  now: Date,
): Promise<PullResponse> {
  const request = parseSyncRequest(pullRequestSchema, body);
  const teamId = user.team.id;
  const since = request.cursor ?? 0;
  const limit = request.limit ?? DEFAULT_PULL_LIMIT;
  // pull_page (migration 071) walks the records_pull index instead of sorting the team's history.
  const page = `SELECT ${COLUMNS} FROM pull_page($1, $2, $3)`;

  // A known device: its binding and the page in one statement, so both come from one snapshot and
  // an acknowledged mutation's rows are always in it (a push commits both together).
  const joined = await db.query<
    { user_id: string; last_mutation_id: number | string } & NullableRow
  >(
    `SELECT c.user_id, c.last_mutation_id, r.*
       FROM clients c LEFT JOIN LATERAL (${page}) r ON true
      WHERE c.client_id = $4 ORDER BY r.version, r.tbl, r.id`,
    [teamId, since, limit + 1, request.clientId],
  );
  let client: BoundClient;
  let rows: ChangeRow[];
  if (joined.length > 0) {
    client = checked(joined[0], user);
    rows = joined.filter((row): row is typeof row & ChangeRow => row.id !== null);
  } else {
    // A device's first pull binds it, then reads the page: the binding is read before the records.
    client = await bindClient(db, request.clientId, user, now);
    rows = await db.query<ChangeRow>(page, [teamId, since, limit + 1]);
  }
  let hasMore = rows.length > limit;
  if (hasMore) {
    const lastVersion = Number(rows[limit - 1]!.version);
    const splits = Number(rows[limit]!.version) === lastVersion;
    if (!splits) rows = rows.slice(0, limit);
    else if (Number(rows[0]!.version) !== lastVersion)
      rows = rows.filter((row) => Number(row.version) < lastVersion);
    else {
      // One version holds more rows than `limit`: send all of it rather than split it.
      rows = await db.query<ChangeRow>(
        `SELECT ${COLUMNS} FROM records WHERE team_id = $1 AND version = $2 ORDER BY tbl, id`,
        [teamId, lastVersion],
      );
      const later = await db.query(
        'SELECT 1 FROM records WHERE team_id = $1 AND version > $2 LIMIT 1',
        [teamId, lastVersion],
      );
      hasMore = later.length > 0;
    }
  }

  const changes: Change[] = rows.map((row) => ({
    table: row.tbl,
    id: row.id,
    deleted: row.deleted,
    fields: row.deleted ? {} : { ...row.fields, id: row.id },
    version: Number(row.version),
    hlc: row.hlc,
    // [X2] an erased record: the device deletes every trace of it ([X4]).
    ...(row.purged ? { purged: true as const } : {}),
  }));
  return {
    changes,
    cursor: changes.length > 0 ? changes[changes.length - 1]!.version : since,
    hasMore,
    lastMutationId: client.lastMutationId,
  };
}
