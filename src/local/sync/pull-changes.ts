// [E2] pull: pages from the stored cursor until the server has no more. Each page is stored on its
// own ([A1]), so an interrupted first sync resumes where it stopped instead of starting over.
import type { FeldakteDb } from '../db';
import { getMeta } from '../meta';
import { DEFAULT_PULL_LIMIT, SCHEMA_VERSION, type PullResponse } from '../../shared/sync/protocol';
import { preparePullPage, storePullPage, type PreparedPage } from './apply-pull';
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
  // Each page is prepared (sealed, outside any transaction) as soon as it has arrived, so the next
  // page downloads and is sealed while this one is written. Pages are still stored strictly in
  // order, each in its own transaction ([A1]); if storing fails, the prepared page is dropped and
  // the next sync asks again from the stored cursor.
  const fetchAndPrepare = (cursor: number | null) => {
    const page = request(cursor);
    page.catch(() => undefined);
    const prepared = page.then((loaded) => preparePullPage(db, loaded));
    prepared.catch(() => undefined);
    return { page, prepared };
  };
  let cursor = (await getMeta(db, 'cursor')) ?? null;
  let next: { page: Promise<PullResponse>; prepared: Promise<PreparedPage> } =
    fetchAndPrepare(cursor);
  for (;;) {
    const page = await next.page;
    // A server that says "more" without moving on would keep the phone busy forever.
    if (page.hasMore && cursor !== null && page.cursor <= cursor) throw new SyncError('server');
    const following = page.hasMore ? fetchAndPrepare(page.cursor) : null;
    await storePullPage(db, await next.prepared, now());
    outcome.pages += 1;
    outcome.changes += page.changes.length;
    if (!following) return outcome;
    cursor = page.cursor;
    next = following;
  }
}
