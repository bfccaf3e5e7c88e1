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
import { bindClient } from './client-binding';

interface ChangeRow {
  tbl: string;
  id: string;
  deleted: boolean;
  fields: Fields;
  version: number | string;
  hlc: string;
  purged: boolean;
}

const COLUMNS = 'tbl, id, deleted, fields, version, hlc, purged';

export async function pullChanges(
  db: Queryable,
  user: SessionUser,
  body: unknown,
  now: Date,
): Promise<PullResponse> {
  const request = parseSyncRequest(pullRequestSchema, body);
  // Read before the records: an acknowledged mutation's rows are then always visible to this pull.
  const client = await bindClient(db, request.clientId, user, now);
  const teamId = user.team.id;
  const since = request.cursor ?? 0;
  const limit = request.limit ?? DEFAULT_PULL_LIMIT;

  let rows = await db.query<ChangeRow>(
    `SELECT ${COLUMNS} FROM records WHERE team_id = $1 AND version > $2 ORDER BY version, tbl, id LIMIT $3`,
    [teamId, since, limit + 1],
  );
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
