// [K5] the sync of a locked device (the service worker with the app closed, or a locked page): it
// pushes the sealed copies of the outbox, which open only on the server, and changes nothing on the
// device but the status. The outbox stays until an unlocked sync sees the server's lastMutationId
// ([A4]); that sync's push is answered from the replay record ([P3]), rejections included.
import type { FeldakteDb, SealedRow } from '../db';
import { MAX_BODY_BYTES, MAX_MUTATIONS_PER_PUSH, SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { SealedMutation } from '../../shared/sync/sealed-envelope';
import { SyncError } from './sync-error';
import type { SyncTransport } from './transport';

const BODY_BUDGET_BYTES = Math.floor(MAX_BODY_BYTES * 0.8);
/** Rows read past the count limit, to see whether the batch would end inside a group. */
const GROUP_LOOKAHEAD = 50;

/** Returns how many sealed entries the server received. */
export async function pushSealed(
  db: FeldakteDb,
  transport: SyncTransport,
  clientId: string,
): Promise<number> {
  let after = 0;
  let pushed = 0;
  for (;;) {
    const rows = await db.sealed
      .where('id')
      .above(after)
      .limit(MAX_MUTATIONS_PER_PUSH + GROUP_LOOKAHEAD)
      .toArray();
    const take = sealedBatchSize(rows, MAX_MUTATIONS_PER_PUSH, BODY_BUDGET_BYTES);
    const mutations: SealedMutation[] = rows
      .slice(0, take)
      .map((row) => ({ id: row.id, sealed: row.envelope }));
    if (mutations.length === 0) return pushed;
    try {
      // The server opens sealed entries before it parses the push ([K4]).
      await transport.push({ clientId, schemaVersion: SCHEMA_VERSION, mutations } as never);
    } catch (error) {
      // Entries written before the server's key was known have no sealed copy: the server
      // reports the gap, and they wait for the next unlock. That is not an error to show.
      if (error instanceof SyncError && error.kind === 'gap') return pushed;
      throw error;
    }
    pushed += mutations.length;
    after = mutations[mutations.length - 1]!.id;
  }
}

/**
 * How many of `rows` one locked push takes: within the count and byte limits, and never ending
 * inside a group ([P9]): the server applies a group all or nothing only when it arrives whole, so a
 * cut group waits for the next push, and a group at the head of the batch goes whole.
 */
export function sealedBatchSize(
  rows: readonly Pick<SealedRow, 'groupId' | 'envelope'>[],
  limit: number,
  budgetBytes: number,
): number {
  let take = 0;
  let bytes = 0;
  for (const row of rows.slice(0, limit)) {
    bytes += JSON.stringify(row.envelope).length + 32;
    if (bytes > budgetBytes && take > 0) break;
    take += 1;
  }
  const group = take > 0 ? rows[take - 1]!.groupId : undefined;
  if (!group || rows[take]?.groupId !== group) return take;
  let start = take - 1;
  while (start > 0 && rows[start - 1]!.groupId === group) start -= 1;
  if (start > 0) return start;
  while (rows[take]?.groupId === group) take += 1;
  return take;
}
