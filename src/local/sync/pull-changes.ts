// [E2] pull: pages from the stored cursor until the server has no more. Each page is stored on its
// own ([A1]), so an interrupted first sync resumes where it stopped instead of starting over.
import type { FeldakteDb } from '../db';
import { getMeta } from '../meta';
import { DEFAULT_PULL_LIMIT, SCHEMA_VERSION } from '../../shared/sync/protocol';
import { applyPullPage } from './apply-pull';
import { SyncError } from './sync-error';
import type { SyncTransport } from './transport';
import { deviceNow } from '../device-environment';

export interface PullOptions {
  clientId: string;
  limit?: number;
  now?: () => Date;
}

export interface PullOutcome {
  pages: number;
  changes: number;
}

export async function pullChanges(
  db: FeldakteDb,
  transport: SyncTransport,
  options: PullOptions,
): Promise<PullOutcome> {
  const now = options.now ?? (() => deviceNow(db));
  const outcome: PullOutcome = { pages: 0, changes: 0 };
  const request = (cursor: number | null) =>
    transport.pull({
      clientId: options.clientId,
      schemaVersion: SCHEMA_VERSION,
      cursor,
      limit: options.limit ?? DEFAULT_PULL_LIMIT,
    });
  let cursor = (await getMeta(db, 'cursor')) ?? null;
  let next = request(cursor);
  for (;;) {
    const page = await next;
    // A server that says "more" without moving on would keep the phone busy forever.
    if (page.hasMore && cursor !== null && page.cursor <= cursor) throw new SyncError('server');
    // The next page downloads while this one is stored (a first sync is tens of pages). Pages are
    // still applied strictly in order, each in its own transaction ([A1]); if storing fails, the
    // prefetched page is dropped and the next sync asks again from the stored cursor.
    const following = page.hasMore ? request(page.cursor) : null;
    following?.catch(() => undefined);
    await applyPullPage(db, page, now());
    outcome.pages += 1;
    outcome.changes += page.changes.length;
    if (!following) return outcome;
    cursor = page.cursor;
    next = following;
  }
}
