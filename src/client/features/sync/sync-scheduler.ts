// When the page syncs ([E3]): at start, when the browser goes online, when the app returns to the
// foreground, ~2 s after each local write, on a timer while visible, and again after a failure with
// jittered backoff. Background Sync is requested after each write so the service worker can finish
// the job when the app is closed. One sync at a time: the engine holds the cross-context lock.
import { liveQuery } from 'dexie';
import type { FeldakteDb } from '../../../local/db';
import type { SyncResult } from '../../../local/sync/sync-engine';
import { backoffDelay } from '../../../local/sync/backoff';
import { toSyncError } from '../../../local/sync/sync-error';
import { getMeta } from '../../../local/meta';
import { errorName } from '../../../shared/error-name';

export interface SchedulerOptions {
  db: FeldakteDb;
  /** One sync round (the engine's syncOnce with the fetch transport in the app). */
  run: (db: FeldakteDb) => Promise<SyncResult>;
  /** Called after each local write, e.g. to register Background Sync. */
  onLocalWrite?: () => void;
  onStateChange?: (state: { running: boolean; nextRetryAt: string | null }) => void;
  afterWriteMs?: number;
  intervalMs?: number;
  /** The start sync waits this long, so the first screen's reads do not queue behind it. */
  startDelayMs?: number;
  /** Delay before retry number `failures` (1-based); jittered exponential backoff by default. */
  retryDelayMs?: (failures: number) => number;
}

export interface SyncScheduler {
  /** Syncs now; when a sync is running, one more follows it (it may have missed a write). */
  syncNow(): Promise<SyncResult>;
  stop(): void;
}

export const AFTER_WRITE_MS = 2_000;
export const INTERVAL_MS = 60_000;
export const START_DELAY_MS = 800;
/** Full jitter may pick ~0 ms; a retry that soon would only fail the same way. */
const MIN_RETRY_MS = 1_000;

export function startSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const { db, run } = options;
  const afterWriteMs = options.afterWriteMs ?? AFTER_WRITE_MS;
  const intervalMs = options.intervalMs ?? INTERVAL_MS;
  const retryDelayMs =
    options.retryDelayMs ?? ((failures: number) => Math.max(MIN_RETRY_MS, backoffDelay(failures)));
  let stopped = false;
  let failures = 0;
  let current: Promise<SyncResult> | null = null;
  let again: Promise<SyncResult> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writeTimer: ReturnType<typeof setTimeout> | undefined;

  const report = (running: boolean, nextRetryAt: string | null) =>
    options.onStateChange?.({ running, nextRetryAt });

  function schedule(delayMs: number, retry: boolean): void {
    clearTimeout(timer);
    // The periodic timer pauses in the background; the next `visible` syncs at once.
    const planned = retry || document.visibilityState === 'visible';
    if (planned) timer = setTimeout(() => void syncNow(), delayMs);
    report(false, planned && retry ? new Date(Date.now() + delayMs).toISOString() : null);
  }

  async function runOnce(): Promise<SyncResult> {
    clearTimeout(timer);
    report(true, null);
    let result: SyncResult;
    try {
      result = await run(db);
    } catch (error) {
      result = { ok: false, error: toSyncError(error), pushed: 0, rejected: 0, pulled: 0 };
    }
    if (stopped) return result;
    if (result.ok) {
      failures = 0;
      schedule(intervalMs, false);
    } else if (result.error.retryable) {
      failures += 1;
      schedule(retryDelayMs(failures), true);
    } else {
      // Expired session, outdated app, refused data: retrying cannot help until the person acts
      // (signs in, updates); the ordinary triggers try again.
      failures = 0;
      schedule(intervalMs, false);
    }
    return result;
  }

  function syncNow(): Promise<SyncResult> {
    if (!current) {
      current = runOnce().finally(() => {
        current = null;
      });
      return current;
    }
    again ??= current.then(
      () => {
        again = null;
        return syncNow();
      },
      () => {
        again = null;
        return syncNow();
      },
    );
    return again;
  }

  const onOnline = () => void syncNow();
  const onVisibility = () => {
    if (document.visibilityState === 'visible') void syncNow();
    else clearTimeout(timer);
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisibility);

  // A local write appends to the outbox with a growing id; acknowledged entries only disappear.
  // The first reading counts too: a write made while the start sync was already pushing.
  let highestSeen = 0;
  const outboxWatch = liveQuery(() => db.outbox.orderBy('id').lastKey()).subscribe({
    next: (lastKey) => {
      const highest = typeof lastKey === 'number' ? lastKey : 0;
      if (highest > highestSeen) {
        options.onLocalWrite?.();
        clearTimeout(writeTimer);
        writeTimer = setTimeout(() => void syncNow(), afterWriteMs);
      }
      highestSeen = Math.max(highestSeen, highest);
    },
    error: (error: unknown) => console.warn('Outbox watch failed', errorName(error)),
  });

  // A device that has never pulled has no first screen worth protecting: its first sync starts at
  // once (a THM signing in on a new phone waits for exactly that).
  let startTimer: ReturnType<typeof setTimeout> | undefined;
  void getMeta(db, 'cursor')
    .catch(() => 0)
    .then((cursor) => {
      const delay = cursor == null ? 0 : (options.startDelayMs ?? START_DELAY_MS);
      if (!stopped) startTimer = setTimeout(() => void syncNow(), delay);
    });

  return {
    syncNow,
    stop() {
      stopped = true;
      clearTimeout(startTimer);
      clearTimeout(timer);
      clearTimeout(writeTimer);
      outboxWatch.unsubscribe();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisibility);
      report(false, null);
    },
  };
}
