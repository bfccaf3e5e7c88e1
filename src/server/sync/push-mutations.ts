// POST /api/sync/push: all mutations of one push in ONE transaction with the client's
// last_mutation_id ([P1]). Lock order is client row, then team row, in every writer, so two
// pushes never deadlock.
import {
  pushRequestSchema,
  type MutationResult,
  type PushResponse,
} from '../../shared/sync/protocol';
import { toLocalDate } from '../../shared/domain/common';
import type { Store } from '../store/store';
import type { SessionUser } from '../auth/sessions';
import { HttpError, messages } from '../http/api-error';
import { parseSyncRequest } from './parse-request';
import { bindClient } from './client-binding';
import { belongsToOtherTeam, loadRecord, sqlRuleContext } from './record-rows';
import { applyMutation, currentOf, type PushScope, type Write } from './apply-mutation';

export async function pushMutations(
  store: Store,
  user: SessionUser,
  body: unknown,
  now: Date,
): Promise<PushResponse> {
  const request = parseSyncRequest(pushRequestSchema, body);
  const teamId = user.team.id;

  return store.transaction(async (db) => {
    const client = await bindClient(db, request.clientId, user, now, true);
    // [S3] checked before anything is applied: the whole push is refused, not just one mutation.
    const ids = [...new Set(request.mutations.map((m) => m.recordId))];
    if (await belongsToOtherTeam(db, teamId, ids))
      throw new HttpError(403, 'other_team', messages.otherTeamsRecord);

    let last = client.lastMutationId;
    for (const mutation of request.mutations) {
      if (mutation.id <= last) continue;
      if (mutation.id !== last + 1) {
        throw new HttpError(409, 'mutation_gap', messages.gap, {
          lastMutationId: client.lastMutationId,
        });
      }
      last = mutation.id;
    }
    const earlier = await earlierResults(
      db,
      request.clientId,
      request.mutations.filter((m) => m.id <= client.lastMutationId).map((m) => m.id),
    );
    // [V1] Holding the team row until commit orders this team's writers; every record read below
    // sees all writes committed before us. A push of replays only writes nothing and locks nothing.
    const scope =
      last > client.lastMutationId ? await lockTeam(db, user, request.clientId, now) : undefined;

    const results: MutationResult[] = [];
    const log: (Write & { mutationId: number })[] = [];
    let processed = client.lastMutationId;
    for (const mutation of request.mutations) {
      if (mutation.id <= processed || !scope) {
        const before = earlier.get(mutation.id);
        const stored =
          before?.status === 'rejected'
            ? await loadRecord(db, teamId, mutation.table, mutation.recordId)
            : undefined;
        results.push(replayResult(mutation.id, before, currentOf(mutation.recordId, stored)));
        continue;
      }
      const outcome = await applyMutation(scope, mutation);
      results.push(outcome.result);
      for (const write of outcome.writes) log.push({ ...write, mutationId: mutation.id });
      processed = mutation.id;
    }
    if (!scope) return { lastMutationId: processed, results };

    await db.query(
      'UPDATE clients SET last_mutation_id = $2, last_seen_at = $3 WHERE client_id = $1',
      [request.clientId, processed, now.toISOString()],
    );
    await db.query(
      `INSERT INTO mutation_results (client_id, mutation_id, status, reason)
       SELECT $1, r.id, r.status, r.reason FROM jsonb_to_recordset($2::jsonb) AS r(id bigint, status text, reason text)`,
      [
        request.clientId,
        JSON.stringify(
          results
            .filter((r) => r.id > client.lastMutationId)
            .map(({ id, status, reason }) => ({ id, status, reason })),
        ),
      ],
    );
    if (log.length > 0) {
      await db.query(
        `INSERT INTO change_log (team_id, tbl, record_id, op, fields, user_id, client_id, mutation_id, version, at)
         SELECT $1, w.tbl, w.record_id, w.op, w.fields, $2, $3, w.mutation_id, $4, $5
           FROM jsonb_to_recordset($6::jsonb) AS w(tbl text, record_id text, op text, fields jsonb, mutation_id bigint)`,
        [
          teamId,
          user.id,
          request.clientId,
          scope.version,
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
      await db.query('UPDATE teams SET version = $2 WHERE id = $1', [teamId, scope.version]);
    }
    return { lastMutationId: processed, results };
  });
}

interface EarlierResult {
  status: 'applied' | 'rejected';
  reason: string | null;
}

async function earlierResults(
  db: PushScope['db'],
  clientId: string,
  ids: number[],
): Promise<Map<number, EarlierResult>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ mutation_id: number | string } & EarlierResult>(
    'SELECT mutation_id, status, reason FROM mutation_results WHERE client_id = $1 AND mutation_id = ANY($2::bigint[])',
    [clientId, ids],
  );
  return new Map(
    rows.map((row) => [Number(row.mutation_id), { status: row.status, reason: row.reason }]),
  );
}

/** [P3] A mutation processed before is not applied again; it reports what it came to then. */
function replayResult(
  id: number,
  earlier: EarlierResult | undefined,
  current: MutationResult['current'],
): MutationResult {
  if (earlier?.status !== 'rejected') return { id, status: 'applied' };
  return { id, status: 'rejected', reason: earlier.reason ?? 'Abgelehnt.', current };
}

// FOR NO KEY UPDATE, not FOR UPDATE: foreign keys to teams (a new device's row, records) take KEY
// SHARE on the team row, and upgrading from it to FOR UPDATE deadlocks two first pushes.
async function lockTeam(
  db: PushScope['db'],
  user: SessionUser,
  clientId: string,
  now: Date,
): Promise<PushScope> {
  const [team] = await db.query<{ version: number | string }>(
    'SELECT version FROM teams WHERE id = $1 FOR NO KEY UPDATE',
    [user.team.id],
  );
  return {
    db,
    teamId: user.team.id,
    userId: user.id,
    clientId,
    version: Number(team!.version) + 1,
    now,
    rules: sqlRuleContext(db, user.team.id, toLocalDate(now)),
  };
}
