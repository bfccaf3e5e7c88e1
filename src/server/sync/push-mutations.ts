// POST /api/sync/push: all mutations of one push in ONE transaction with the client's
// last_mutation_id ([P1]). Lock order is client row, then team row, in every writer, so two
// pushes never deadlock. The team lock is taken as late and held as briefly as possible: it
// orders all writers of a team.
import type * as v from 'valibot';
import {
  pushRequestSchema,
  type MutationResult,
  type PushResponse,
} from '../../shared/sync/protocol';
import { toLocalDate } from '../../shared/domain/common';
import type { Queryable, Store } from '../store/store';
import type { SessionUser } from '../auth/sessions';
import { HttpError, messages } from '../http/api-error';
import { parseSyncRequest } from './parse-request';
import { openSealedPush } from './seal-keys';
import { bindPushingClient } from './client-binding';
import { loadRecord } from './record-rows';
import { PushBuffer, SAVE_RECORDS_SQL, type RecordWrite } from './push-buffer';
import { currentOf, type Write } from './apply-mutation';
import { applyFresh, refusedByDatabase, type ApplyMode } from './apply-groups';
import { REFUSED, rejection } from './rejection';
import { resolveRedirects } from './case-merge';

/**
 * `sessionEpoch`: the epoch read with the caller's session; the push's first statement reads it
 * too and throws SessionChanged (nothing kept) when it moved on (auth/session-epoch.ts).
 */
export async function pushMutations(
  store: Store,
  user: SessionUser,
  body: unknown,
  now: Date,
  sessionEpoch?: number,
): Promise<PushResponse> {
  // [K4] sealed entries are opened first, so they pass exactly the checks a plain one does.
  const request = parseSyncRequest(pushRequestSchema, await openSealedPush(store, body));
  const push = (mode: ApplyMode) =>
    store.transaction((db) => applyPush(db, user, request, now, mode, sessionEpoch));
  try {
    return await push('together');
  } catch (error) {
    if (!(error instanceof WriteRefused)) throw error;
  }
  // [P8] The database refused the push's write: it is redone from the start in a new transaction,
  // unit by unit under savepoints, and only the unit the database refuses is rejected. Rare, so
  // the common push pays no savepoint round trips while it holds the team lock.
  return push('unit by unit');
}

/** The write of a push applied in one go was refused by the database (see applyFresh). */
class WriteRefused extends Error {}

async function applyPush(
  db: Queryable,
  user: SessionUser,
  request: v.InferOutput<typeof pushRequestSchema>,
  now: Date,
  mode: ApplyMode,
  sessionEpoch: number | undefined,
): Promise<PushResponse> {
  const teamId = user.team.id;
  // [S3] Records are keyed (team, table, id): another team's record with the same id is not read
  // and not touched, so a mutation naming it is answered exactly like one naming an id this team
  // does not have, per mutation, and the outbox drains ([P8]); the answer says nothing about other
  // teams.
  const client = await bindPushingClient(db, request.clientId, user, now, sessionEpoch);

  const acknowledged = client.lastMutationId;
  let last = acknowledged;
  for (const mutation of request.mutations) {
    if (mutation.id <= last) continue;
    if (mutation.id !== last + 1)
      throw new HttpError(409, 'mutation_gap', messages.gap, { lastMutationId: acknowledged });
    last = mutation.id;
  }
  const replays = request.mutations.filter((m) => m.id <= acknowledged);
  const fresh = request.mutations.filter((m) => m.id > acknowledged);
  const earlier = await earlierResults(
    db,
    request.clientId,
    replays.map((m) => m.id),
  );
  const replayed = new Map<number, MutationResult>();
  for (const mutation of replays) {
    const before = earlier.get(mutation.id);
    const stored =
      before?.status === 'rejected'
        ? await loadRecord(db, teamId, mutation.table, mutation.recordId)
        : undefined;
    replayed.set(
      mutation.id,
      replayResult(mutation.id, before, currentOf(mutation.recordId, stored)),
    );
  }
  if (fresh.length === 0)
    return {
      lastMutationId: acknowledged,
      results: request.mutations.map((m) => replayed.get(m.id)!),
    };

  // [V1] Lock and bump the team's version; held until commit, so this team's writers commit in
  // version order and every record read below sees all writes committed before. NO KEY UPDATE:
  // a new device's row (foreign key) holds KEY SHARE on the team row, which FOR UPDATE would
  // have to wait for, deadlocking two first pushes. From here to COMMIT every round trip holds
  // the lock, which is what limits a team's write throughput: three of them on the common path
  // (load, write, COMMIT).
  const [team] = await db.query<{ version: number | string }>(
    'UPDATE teams SET version = version + 1 WHERE id = $1 RETURNING version',
    [teamId],
  );
  const version = Number(team!.version);
  // [X3] read under the team lock, with the records: an erasure committed before is seen here.
  const {
    records,
    purged: erased,
    mergedInto,
  } = await PushBuffer.load(
    db,
    teamId,
    fresh,
    fresh.flatMap((m) => caseIdOf(m.fields)),
  );
  // [G5] only when the push names a merged case: one more read under the lock, else none.
  const redirects = mergedInto.size > 0 ? await resolveRedirects(records, mergedInto) : new Map();
  const scope = {
    db,
    records,
    teamId,
    userId: user.id,
    clientId: request.clientId,
    version,
    now,
    rules: records.ruleContext(toLocalDate(now)),
    pushedRecords: new Set(
      fresh.filter((m) => m.op === 'put').map((m) => `${m.table}/${m.recordId}`),
    ),
    erased,
    redirects,
  };

  const together = mode === 'together';
  try {
    const outcomes = await applyFresh(scope, fresh, mode);
    const results: MutationResult[] = [];
    const log: (Write & { mutationId: number })[] = [];
    for (const mutation of request.mutations) {
      if (mutation.id <= acknowledged) {
        results.push(replayed.get(mutation.id)!);
        continue;
      }
      const outcome = outcomes.get(mutation.id)!;
      results.push(outcome.result);
      for (const write of outcome.writes) log.push({ ...write, mutationId: mutation.id });
    }
    await recordProcessed(db, {
      teamId,
      userId: user.id,
      clientId: request.clientId,
      lastMutationId: last,
      version,
      now,
      // Applied together, the records are written by this statement too; unit by unit, each
      // unit's records were written under its savepoint and none is left here.
      records: records.unsaved(),
      results: results.filter((r) => r.id > acknowledged),
      recordIds: new Map(fresh.map((m) => [m.id, m.recordId])),
      log,
    });
    return { lastMutationId: last, results };
  } catch (error) {
    if (together && refusedByDatabase(error)) throw new WriteRefused();
    throw error;
  }
}

/**
 * The push's records, the device's progress, each mutation's outcome ([P3]) and the change log,
 * in one statement.
 */
async function recordProcessed(
  db: Queryable,
  p: {
    teamId: string;
    userId: string;
    clientId: string;
    lastMutationId: number;
    version: number;
    now: Date;
    records: RecordWrite[];
    results: MutationResult[];
    /** Mutation id -> record id, kept with the outcome so an erasure can find it ([X1]). */
    recordIds: Map<number, string>;
    log: (Write & { mutationId: number })[];
  },
): Promise<void> {
  await db.query(
    `WITH saved AS (${SAVE_RECORDS_SQL('$1', '$5', '$9')}
     ), progress AS (
       UPDATE clients SET last_mutation_id = $4, last_seen_at = $6 WHERE client_id = $3
     ), outcomes AS (
       INSERT INTO mutation_results (client_id, mutation_id, status, reason, code, params, version, record_id)
       SELECT $3, r.id, r.status, r.reason, r.code, r.params, $5, r.record_id
         FROM jsonb_to_recordset($7::jsonb)
           AS r(id bigint, status text, reason text, code text, params jsonb, record_id text)
     )
     INSERT INTO change_log (team_id, tbl, record_id, op, fields, user_id, client_id, mutation_id, version, at)
     SELECT $1, w.tbl, w.record_id, w.op, w.fields, $2, $3, w.mutation_id, $5, $6
       FROM jsonb_to_recordset($8::jsonb) AS w(tbl text, record_id text, op text, fields jsonb, mutation_id bigint)`,
    [
      p.teamId,
      p.userId,
      p.clientId,
      p.lastMutationId,
      p.version,
      p.now.toISOString(),
      JSON.stringify(
        p.results.map(({ id, status, reason, code, params }) => ({
          id,
          status,
          reason,
          code,
          params,
          record_id: p.recordIds.get(id),
        })),
      ),
      JSON.stringify(
        p.log.map((w) => ({
          tbl: w.table,
          record_id: w.recordId,
          op: w.op,
          fields: w.fields,
          mutation_id: w.mutationId,
        })),
      ),
      JSON.stringify(p.records),
    ],
  );
}

interface EarlierResult {
  status: 'applied' | 'rejected';
  reason: string | null;
  code: string | null;
  params: Record<string, string | number> | null;
}

async function earlierResults(
  db: Queryable,
  clientId: string,
  ids: number[],
): Promise<Map<number, EarlierResult>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ mutation_id: number | string } & EarlierResult>(
    'SELECT mutation_id, status, reason, code, params FROM mutation_results WHERE client_id = $1 AND mutation_id = ANY($2::bigint[])',
    [clientId, ids],
  );
  return new Map(
    rows.map((row) => [
      Number(row.mutation_id),
      { status: row.status, reason: row.reason, code: row.code, params: row.params },
    ]),
  );
}

/** [P3] A mutation processed before is not applied again; it reports what it came to then. */
function replayResult(
  id: number,
  earlier: EarlierResult | undefined,
  current: MutationResult['current'],
): MutationResult {
  if (earlier?.status !== 'rejected') return { id, status: 'applied' };
  if (!earlier.reason) return { id, status: 'rejected', ...rejection(REFUSED), current };
  return {
    id,
    status: 'rejected',
    reason: earlier.reason,
    ...(earlier.code ? { code: earlier.code } : {}),
    ...(earlier.params ? { params: earlier.params } : {}),
    current,
  };
}

function caseIdOf(fields: Record<string, unknown>): string[] {
  // A merge names a second case ([G5]: it may have been merged away meanwhile).
  return [fields.caseId, fields.mergedCaseId].filter((id): id is string => typeof id === 'string');
}
