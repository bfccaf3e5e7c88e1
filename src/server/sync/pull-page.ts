// POST /api/sync/pull: the team's rows with version > cursor, in version order ([V2]). Writers
// commit in version order (they hold the team row lock), so each statement sees a prefix of the
// versions and no row can be skipped; a page never splits a version.
//
// The page's changes leave the database as one JSON text (string_agg), which the route sends as
// it is: no row of the page becomes a JavaScript object on the server. In PGlite, decoding 2,000
// rows per page into JavaScript, parsing their `fields` and serialising them again took more than
// half of the server's time per page (decisions.md, "The pull page is JSON from the database").
import { DEFAULT_PULL_LIMIT, pullRequestSchema } from '../../shared/sync/protocol';
import type { Queryable } from '../store/store';
import type { SessionUser } from '../auth/sessions';
import { parseSyncRequest } from './parse-request';
import { bindClient, checked, type BoundClient } from './client-binding';
import { assertSessionEpoch, SESSION_EPOCH_SQL } from '../auth/session-epoch';

/** A page as the route sends it: its head, and its changes as a JSON array ([V4], [X2]). */
export interface PullPage {
  cursor: number;
  hasMore: boolean;
  lastMutationId: number;
  /** The `changes` array of the PullResponse, as JSON text. */
  changesJson: string;
}

/**
 * One change of [V4] as JSON text, built from a `records` row r by concatenation: `fields` is the
 * stored fields' JSON with the id added last (so it wins, as in `{...fields, id}`), a tombstone's
 * is empty, and an erased one carries `purged: true` ([X2]). `stamps` names the clock of each field
 * written with another clock than the record's newest ([B3], pull_page's `stamp_clocks`, migration
 * 111); absent when all share it. Strings go through to_json, which
 * escapes them as JSON does. Concatenation rather than json_build_object: the same JSON, compact
 * (no spaces around the keys), and cheaper in both PGlite and PostgreSQL.
 */
const CHANGE_JSON = `'{"table":' || to_json(r.tbl)::text || ',"id":' || to_json(r.id)::text
  || CASE WHEN r.deleted THEN ',"deleted":true,"fields":{}'
          WHEN r.fields = '{}'::jsonb THEN ',"deleted":false,"fields":{"id":' || to_json(r.id)::text || '}'
          ELSE ',"deleted":false,"fields":' || left(r.fields::text, -1) || ',"id":' || to_json(r.id)::text || '}'
     END
  || ',"version":' || r.version::text || ',"hlc":' || to_json(r.hlc)::text
  || coalesce(',"stamps":' || r.stamp_clocks::text, '')
  || CASE WHEN r.purged THEN ',"purged":true}' ELSE '}' END`;

/** [B3] the fields whose clock is not the record's newest, as pull_page returns them (migration 111). */
const STAMP_CLOCKS = `CASE WHEN r.deleted THEN NULL ELSE
  (SELECT jsonb_object_agg(s.key, s.value ->> 'hlc') FROM jsonb_each(r.stamps) s
    WHERE s.value ->> 'hlc' <> r.hlc) END`;

/**
 * The page after $2: the first $3 + 1 rows in page order (pull_page, migration 071, walks the
 * records_pull index). When there are more than $3, the last version among them may go on past
 * them, so the page keeps only the versions before it (never a split version). `n` and
 * `last_version` tell the caller when a single version holds them all.
 */
const PAGE = `WITH r AS (SELECT * FROM pull_page($1, $2, $3 + 1)),
       s AS (SELECT count(*)::int AS n, max(version) AS last_version FROM r)
  SELECT s.n, s.last_version,
         (SELECT max(r.version) FROM r WHERE s.n <= $3 OR r.version < s.last_version) AS cursor,
         (SELECT '[' || string_agg(${CHANGE_JSON}, ',' ORDER BY r.version, r.tbl, r.id) || ']'
            FROM r WHERE s.n <= $3 OR r.version < s.last_version) AS changes
    FROM s`;

interface PageRow {
  n: number;
  last_version: number | string | null;
  cursor: number | string | null;
  changes: string | null;
}

/**
 * `sessionEpoch`: the epoch read with the caller's session; the page's statement reads it too and
 * throws SessionChanged when it moved on (auth/session-epoch.ts), before anything is sent.
 */
export async function readPullPage(
  db: Queryable,
  user: SessionUser,
  body: unknown,
  now: Date,
  sessionEpoch?: number,
): Promise<PullPage> {
  const request = parseSyncRequest(pullRequestSchema, body);
  const teamId = user.team.id;
  const since = request.cursor ?? 0;
  const limit = request.limit ?? DEFAULT_PULL_LIMIT;

  // A known device: its binding and the page in one statement, so both come from one snapshot and
  // an acknowledged mutation's rows are always in it (a push commits both together).
  const [joined] = await db.query<
    { user_id: string; last_mutation_id: number | string; session_epoch: string } & PageRow
  >(
    `SELECT c.user_id, c.last_mutation_id, ${SESSION_EPOCH_SQL} AS session_epoch, p.*
       FROM clients c CROSS JOIN LATERAL (${PAGE}) p
      WHERE c.client_id = $4`,
    [teamId, since, limit, request.clientId],
  );
  let client: BoundClient;
  let page: PageRow;
  if (joined) {
    assertSessionEpoch(sessionEpoch, joined.session_epoch);
    client = checked(joined, user);
    page = joined;
  } else {
    // A device's first pull binds it, then reads the page: the binding is read before the records.
    client = await bindClient(db, request.clientId, user, now, sessionEpoch);
    [page] = (await db.query<PageRow>(PAGE, [teamId, since, limit])) as [PageRow];
  }

  let changes = page.changes ?? '[]';
  let cursor = page.cursor === null ? since : Number(page.cursor);
  let hasMore = page.n > limit;
  if (hasMore && page.cursor === null) {
    // One version holds more rows than `limit`: send all of it rather than split it.
    const version = Number(page.last_version);
    const [whole] = await db.query<{ changes: string; later: boolean }>(
      `SELECT (SELECT '[' || string_agg(${CHANGE_JSON}, ',' ORDER BY r.tbl, r.id) || ']'
                 FROM (SELECT r.*, ${STAMP_CLOCKS} AS stamp_clocks FROM records r
                        WHERE r.team_id = $1 AND r.version = $2) r) AS changes,
              EXISTS (SELECT 1 FROM records WHERE team_id = $1 AND version > $2) AS later`,
      [teamId, version],
    );
    changes = whole!.changes;
    cursor = version;
    hasMore = whole!.later;
  }
  return { cursor, hasMore, lastMutationId: client.lastMutationId, changesJson: changes };
}

/** The answer's body: a PullResponse ([V2], [B1]) around the page's JSON, without parsing it again. */
export function pullBody(page: PullPage, epoch: string): string {
  return `{"changes":${page.changesJson},"cursor":${page.cursor},"hasMore":${page.hasMore},"lastMutationId":${page.lastMutationId},"epoch":${JSON.stringify(epoch)}}`;
}
