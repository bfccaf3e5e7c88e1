// [E2] pull: pages from the stored cursor until the server has no more. Each page is stored on its
// own ([A1]), so an interrupted first sync resumes where it stopped instead of starting over.
import type { FeldakteDb } from '../db';
import { getMeta } from '../meta';
import { DEFAULT_PULL_LIMIT, SCHEMA_VERSION, type PullResponse } from '../../shared/sync/protocol';
import { preparePullPage, storePullPage, type PreparedPage } from './apply-pull';
import { SyncError } from './sync-error';
import type { PullHead, SyncTransport } from './transport';
import { deviceNow } from '../device-environment';
import { ServerRestored } from './resend-after-restore';

export interface PullOptions {
  clientId: string;
  /** The data epoch last synced with ([B1]): a page with another is not stored. */
  epoch?: string;
  limit?: number;
  now?: () => Date;
}

export interface PullOutcome {
  pages: number;
  changes: number;
}

/**
 * Pages fetched (and prepared) ahead of the one being stored. The request for a page needs the
 * cursor of the one before, so pages arrive one after another; fetching them on while earlier
 * ones are still being written keeps the connection busy when a write takes longer than a
 * download, and the bound keeps memory small (a page of 2,000 records is ~1 MB).
 */
export const PAGES_AHEAD = 3;

interface Fetched {
  page: Promise<PullResponse>;
  prepared: Promise<PreparedPage>;
}

const ignore = () => undefined;

export async function pullChanges(
  db: FeldakteDb,
  transport: SyncTransport,
  options: PullOptions,
): Promise<PullOutcome> {
  const now = options.now ?? (() => deviceNow(db));
  const outcome: PullOutcome = { pages: 0, changes: 0 };
  const request = (cursor: number | null, onHead: (head: PullHead) => void) =>
    transport.pull(
      {
        clientId: options.clientId,
        schemaVersion: SCHEMA_VERSION,
        cursor,
        limit: options.limit ?? DEFAULT_PULL_LIMIT,
      },
      onHead,
    );
  let cursor = (await getMeta(db, 'cursor')) ?? null;

  // The fetcher asks for each page as soon as the one before has arrived (and is prepared, sealed
  // outside any transaction, as soon as it is here), up to PAGES_AHEAD pages before the writer.
  // Pages are still stored strictly in order, each in its own transaction ([A1]); when a fetch or
  // a write fails, the pages after it are dropped and the next sync asks again from the stored
  // cursor.
  const fetched: Fetched[] = [];
  let stopped = false;
  let wakeFetcher: (() => void) | undefined;
  let wakeWriter: (() => void) | undefined;
  const fetcher = async () => {
    let from = cursor;
    for (;;) {
      while (fetched.length >= PAGES_AHEAD && !stopped) {
        await new Promise<void>((resolve) => (wakeFetcher = resolve));
      }
      if (stopped) return;
      // [E5] the next request leaves as soon as this page's head (cursor, "more") is known: from
      // its headers, before its body is read, or else from the body.
      let head: PullHead | null = null;
      let headArrived: (head: PullHead) => void = ignore;
      const early = new Promise<PullHead>((resolve) => (headArrived = resolve));
      const body = request(from, (sent) => {
        head = sent;
        headArrived(sent);
      });
      // The body must say what its head said; the pages asked for with that cursor depend on it.
      const page = body.then((loaded) => {
        if (head && (head.cursor !== loaded.cursor || head.hasMore !== loaded.hasMore)) {
          throw new SyncError('server');
        }
        return loaded;
      });
      page.catch(ignore);
      const prepared = page.then((loaded) => preparePullPage(db, loaded));
      prepared.catch(ignore);
      fetched.push({ page, prepared });
      wakeWriter?.();
      const known = await Promise.race([early, page]).catch(ignore);
      // A failed request or the last page ends the fetching; so does a page that does not move
      // on (the writer refuses it).
      if (!known || !known.hasMore || (from !== null && known.cursor <= from)) return;
      from = known.cursor;
    }
  };
  void fetcher();

  // The page before, handed over and committing: the next page's rows are put while it commits.
  let committing: { done: Promise<void>; changes: number } | null = null;
  const committed = async () => {
    if (!committing) return;
    const { done, changes } = committing;
    committing = null;
    await done;
    outcome.pages += 1;
    outcome.changes += changes;
  };
  try {
    for (;;) {
      while (fetched.length === 0) await new Promise<void>((resolve) => (wakeWriter = resolve));
      const next = fetched[0]!;
      const page = await next.page.catch(async (error: unknown) => {
        await committed();
        throw error;
      });
      // [B2] a restored server: nothing of its pages is kept before the phone has sent its copy.
      if (options.epoch && page.epoch && page.epoch !== options.epoch) {
        await committed();
        throw new ServerRestored(page.epoch);
      }
      // A server that says "more" without moving on would keep the phone busy forever.
      if (page.hasMore && cursor !== null && page.cursor <= cursor) {
        await committed();
        throw new SyncError('server');
      }
      const prepared = await next.prepared.catch(async (error: unknown) => {
        await committed();
        throw error;
      });
      // Opened after the page before's transaction, so IndexedDB runs it after that one; it keeps
      // nothing unless that one stored its cursor.
      const done = storePullPage(db, prepared, now(), cursor);
      done.catch(ignore);
      await committed();
      committing = { done, changes: page.changes.length };
      fetched.shift();
      wakeFetcher?.();
      if (!page.hasMore) {
        await committed();
        return outcome;
      }
      cursor = page.cursor;
    }
  } finally {
    stopped = true;
    wakeFetcher?.();
  }
}
