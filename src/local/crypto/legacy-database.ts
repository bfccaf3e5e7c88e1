// A database from before encryption at rest (schema version 1) holds everything in clear. On the
// first password sign-in of this version its unsynced work (outbox, rejections, counters) is read,
// the clear database is deleted, and the work is written again into the new encrypted one; the
// records themselves come back from the server with a full pull (cursor reset), the pending
// changes laid over them as always ([A2]).
// Before anything is deleted, on every start path, its outbox is pushed as it is ([K11]): with a
// session found by its cookie (no recovery secret, so no key yet) the database is then left as it
// is until the password sign-in; a push is idempotent ([P3]), so the moved entries pushed again
// later bring back the same results.
import Dexie from 'dexie';
import {
  databaseName,
  type FeldakteDb,
  type MetaRow,
  type OutboxEntry,
  type Rejection,
} from '../db';
import { MAX_MUTATIONS_PER_PUSH, SCHEMA_VERSION } from '../../shared/sync/protocol';
import { toMutation } from '../sync/push-outbox';
import type { SyncTransport } from '../sync/transport';

export interface LegacyWork {
  outbox: OutboxEntry[];
  rejections: Rejection[];
  meta: MetaRow[];
}

/** Reads and deletes a version-1 database of this user; null when there is none. */
export async function takeLegacyDatabase(userId: string): Promise<LegacyWork | null> {
  const name = databaseName(userId);
  if (!(await Dexie.exists(name))) return null;
  const probe = new Dexie(name);
  try {
    await probe.open();
    if (probe.verno >= 2) return null;
    const [outbox, rejections, meta] = await Promise.all([
      probe.table('outbox').toArray() as Promise<OutboxEntry[]>,
      probe.table('rejections').toArray() as Promise<Rejection[]>,
      probe.table('meta').toArray() as Promise<MetaRow[]>,
    ]);
    probe.close();
    await Dexie.delete(name);
    return { outbox, rejections, meta };
  } finally {
    probe.close();
  }
}

/** Writes the kept work into the new (unlocked) database; the next sync pulls everything again. */
export async function restoreLegacyWork(db: FeldakteDb, work: LegacyWork): Promise<void> {
  const keep = new Set(['clientId', 'nextMutationId', 'hlc']);
  await db.transaction('rw', db.outbox, db.rejections, db.meta, async () => {
    await db.outbox.bulkPut(work.outbox);
    await db.rejections.bulkPut(work.rejections);
    await db.meta.bulkPut(work.meta.filter((row) => keep.has(row.key)));
  });
}

/** A version-1 database (in clear) of this user exists: it must not be opened with the new schema. */
export async function isLegacyDatabase(userId: string): Promise<boolean> {
  const name = databaseName(userId);
  if (!(await Dexie.exists(name))) return false;
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno < 2;
  } finally {
    probe.close();
  }
}

/**
 * Pushes a version-1 database's outbox without changing the database (nothing is read back into
 * it). true when there was none or the server acknowledged every entry; a failure rejects (a
 * SyncError): the entries are still there for the next try and for the move.
 */
export async function pushLegacyOutbox(userId: string, transport: SyncTransport): Promise<boolean> {
  const name = databaseName(userId);
  if (!(await Dexie.exists(name))) return true;
  const probe = new Dexie(name);
  let outbox: OutboxEntry[];
  let clientId: unknown;
  try {
    await probe.open();
    if (probe.verno >= 2) return true;
    outbox = (await probe.table('outbox').orderBy(':id').toArray()) as OutboxEntry[];
    clientId = ((await probe.table('meta').get('clientId')) as MetaRow | undefined)?.value;
  } finally {
    probe.close();
  }
  if (outbox.length === 0) return true;
  if (typeof clientId !== 'string') return false;
  let last = 0;
  for (const batch of batches(outbox)) {
    const response = await transport.push({
      clientId,
      schemaVersion: SCHEMA_VERSION,
      mutations: batch.map(toMutation),
    });
    last = response.lastMutationId;
  }
  return last >= outbox[outbox.length - 1]!.id;
}

/** Batches the server accepts, never cutting a group ([P9]). */
function batches(entries: OutboxEntry[]): OutboxEntry[][] {
  const result: OutboxEntry[][] = [];
  let current: OutboxEntry[] = [];
  for (const entry of entries) {
    const previous = current[current.length - 1];
    const sameGroup = previous?.groupId !== undefined && previous.groupId === entry.groupId;
    if (current.length >= MAX_MUTATIONS_PER_PUSH && !sameGroup) {
      result.push(current);
      current = [];
    }
    current.push(entry);
  }
  if (current.length) result.push(current);
  return result;
}
