// The outbox of a database from before encryption at rest, pushed as it is before anything is
// deleted ([K11], legacy-database.ts). A module of its own: it needs the protocol and the push
// code, which the first screen (where legacy-database.ts runs) must not carry; the sign-in loads
// it only when such a database exists.
import Dexie from 'dexie';
import { databaseName, type MetaRow, type OutboxEntry } from '../db';
import { MAX_MUTATIONS_PER_PUSH, SCHEMA_VERSION } from '../../shared/sync/protocol';
import { toMutation } from '../sync/push-outbox';
import type { SyncTransport } from '../sync/transport';

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
