// [E2] push: the outbox in id order, in batches the server accepts (count and body size). Pushing
// an entry twice is safe ([P3]), so a lost answer is simply retried by the next sync.
import type { FeldakteDb, OutboxEntry } from '../db';
import {
  MAX_BODY_BYTES,
  MAX_MUTATIONS_PER_PUSH,
  SCHEMA_VERSION,
  type Mutation,
} from '../../shared/sync/protocol';
import { applyPushResults } from './apply-push-results';
import { SyncError } from './sync-error';
import type { SyncTransport } from './transport';
import { deviceNow } from '../device-environment';
import { ServerRestored } from './resend-after-restore';

export interface PushOptions {
  clientId: string;
  /** The data epoch last synced with ([B1]): an answer with another stops the push. */
  epoch?: string;
  batchSize?: number;
  now?: () => Date;
}

export interface PushOutcome {
  pushed: number;
  rejected: number;
}

/** Room left in a request body for the envelope and for JSON escaping the estimate misses. */
const BODY_BUDGET_BYTES = Math.floor(MAX_BODY_BYTES * 0.8);

export async function pushOutbox(
  db: FeldakteDb,
  transport: SyncTransport,
  options: PushOptions,
): Promise<PushOutcome> {
  const batchSize = Math.min(options.batchSize ?? MAX_MUTATIONS_PER_PUSH, MAX_MUTATIONS_PER_PUSH);
  const now = options.now ?? (() => deviceNow(db));
  const outcome: PushOutcome = { pushed: 0, rejected: 0 };
  let after = 0;
  let resumedAfterGap = false;

  // Lowered after a 413 (the server's limit is smaller than this app thinks, e.g. a proxy's).
  let maxCount = batchSize;
  let maxBytes = BODY_BUDGET_BYTES;
  for (;;) {
    const batch = await wholeGroups(
      db,
      fitBody(await db.outbox.where('id').above(after).limit(maxCount).toArray(), maxBytes),
    );
    if (batch.length === 0) return outcome;
    let response;
    try {
      response = await transport.push({
        clientId: options.clientId,
        schemaVersion: SCHEMA_VERSION,
        mutations: batch.map(toMutation),
      });
    } catch (error) {
      // 413: split the batch and retry; only a single entry (or group) too large stops the push.
      if (error instanceof SyncError && error.status === 413 && !oneGroup(batch)) {
        maxCount = Math.max(1, Math.floor(batch.length / 2));
        maxBytes = Math.max(1, Math.floor(bodyBytes(batch) / 2));
        continue;
      }
      const resumeAt = gapResumePoint(error, batch[0]!.id, resumedAfterGap);
      if (resumeAt === undefined) throw error;
      resumedAfterGap = true;
      after = resumeAt;
      continue;
    }
    // [B2] a restored server: its answers are read again after the re-send (replays, [P3]).
    if (options.epoch && response.epoch && response.epoch !== options.epoch)
      throw new ServerRestored(response.epoch);
    outcome.rejected += await applyPushResults(db, batch, response, now());
    outcome.pushed += batch.length;
    after = batch[batch.length - 1]!.id;
  }
}

/**
 * [P4] a 409 tells what the server has. Entries up to it are acknowledged (the pull drops them);
 * the push resumes after them. If the server lacks entries this device no longer holds, that is
 * data loss on the server side: stop and say so, never drop or renumber anything here.
 */
function gapResumePoint(
  error: unknown,
  firstSent: number,
  alreadyResumed: boolean,
): number | undefined {
  if (!(error instanceof SyncError) || error.kind !== 'gap') return undefined;
  const serverHas = error.lastMutationId;
  if (serverHas === undefined || alreadyResumed) throw error;
  if (serverHas + 1 < firstSent)
    throw new SyncError('gap', {
      lastMutationId: serverHas,
      cause: error,
      ...(error.epoch ? { epoch: error.epoch } : {}),
    });
  return serverHas;
}

export function toMutation(entry: OutboxEntry): Mutation {
  return {
    id: entry.id,
    table: entry.table,
    recordId: entry.recordId,
    op: entry.op,
    fields: entry.fields,
    hlc: entry.hlc,
    baseCursor: entry.baseCursor,
    ...(entry.groupId ? { groupId: entry.groupId } : {}),
  };
}

/**
 * [P9] a group travels in one push: a batch that ends inside a group is cut before the group, or,
 * when the group starts the batch, extended to its end (whatever the size; the server judges it).
 */
async function wholeGroups(db: FeldakteDb, batch: OutboxEntry[]): Promise<OutboxEntry[]> {
  const last = batch[batch.length - 1];
  if (!last?.groupId) return batch;
  const rest = await db.outbox.where('id').above(last.id).limit(MAX_MUTATIONS_PER_PUSH).toArray();
  const more = rest.slice(0, endOfGroup(rest, last.groupId));
  if (more.length === 0) return batch;
  const start = batch.findIndex((entry) => entry.groupId === last.groupId);
  return start > 0 ? batch.slice(0, start) : [...batch, ...more];
}

function endOfGroup(entries: readonly OutboxEntry[], groupId: string): number {
  const end = entries.findIndex((entry) => entry.groupId !== groupId);
  return end === -1 ? entries.length : end;
}

function oneGroup(batch: readonly OutboxEntry[]): boolean {
  return (
    batch.length === 1 ||
    (!!batch[0]!.groupId && endOfGroup(batch, batch[0]!.groupId) === batch.length)
  );
}

const encoder = new TextEncoder();
const entryBytes = (entry: OutboxEntry) =>
  encoder.encode(JSON.stringify(toMutation(entry))).length + 1;
const bodyBytes = (entries: readonly OutboxEntry[]) =>
  entries.reduce((sum, entry) => sum + entryBytes(entry), 0);

/** The longest prefix that stays under `budget` bytes (at least one entry; the server judges it). */
function fitBody(entries: OutboxEntry[], budget: number): OutboxEntry[] {
  let bytes = 0;
  for (let i = 0; i < entries.length; i++) {
    bytes += entryBytes(entries[i]!);
    if (bytes > budget && i > 0) return entries.slice(0, i);
  }
  return entries;
}
