// When the page syncs ([E3]): at start, when the browser goes online, when the app returns to the
// foreground, shortly after each local write, on a timer while visible, again after a failure with
// jittered backoff, and when the server pokes ([N1]-[N4]): while the app is visible and online it
// holds the poke channel, and a poke for a version the device has not pulled yet syncs at once.
// Background Sync is requested after each write so the service worker can finish the job when the
// app is closed. One sync at a time: the engine holds the cross-context lock.
import { liveQuery } from 'dexie';
import type { FeldakteDb } from '../../../local/db';
import type { SyncResult } from '../../../local/sync/sync-engine';
import { backoffDelay } from '../../../local/sync/backoff';
import { toSyncError } from '../../../local/sync/sync-error';
import { getMeta } from '../../../local/meta';
import { errorName } from '../../../shared/error-name';
import type { PokeChannel, PokeHandlers } from './poke-channel';

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
  /**
   * Instead of startDelayMs: calls `start` when the first screen has its lists (the app passes
   * afterScreenSettled); returns a cancel function.
   */
  startWhenSettled?: (start: () => void) => () => void;
  /** Delay before retry number `failures` (1-based); jittered exponential backoff by default. */
  retryDelayMs?: (failures: number) => number;
  /** Opens the poke channel ([N1]; openPokeChannel in the app); without it only the timers run. */
  pokes?: (handlers: PokeHandlers) => PokeChannel;
}

export interface SyncScheduler {
  /** Syncs now; when a sync is running, one more follows it (it may have missed a write). */
  syncNow(): Promise<SyncResult>;
  /**
   * A poke ([N2]): syncs when `version` is ahead of the device's cursor (null: always), or after
   * the running sync when that one ends behind it. Resolves once decided, not when synced.
   */
  poke(version: number | null): Promise<void>;
  stop(): void;
}

/**
 * A local write goes out this soon: long enough to take a burst of taps along, short enough that a
 * colleague's poked phone shows the change within two seconds of the save ([N2]).
 */
export const AFTER_WRITE_MS = 300;
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
  let channel: PokeChannel | null = null;
  /** The highest version a poke named, and whether one came while a sync ran. */
  let pokedVersion = 0;
  let pokedWhileRunning = false;

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
    pokedWhileRunning = false;
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
    // A poke that came during this sync may name a version its pull had already passed (the
    // device's own push pokes it too): only a version still ahead of the cursor syncs again, as
    // part of this run (its callers wait for the device to have what it was told of).
    while (result.ok && pokedWhileRunning && !stopped) {
      pokedWhileRunning = false;
      if ((await pulledUpTo()) < pokedVersion) return runOnce();
    }
    // In the same step as the last look at pokedWhileRunning: a poke from now on finds no sync
    // running and decides for itself.
    current = null;
    return result;
  }

  async function pulledUpTo(): Promise<number> {
    const cursor = await getMeta(db, 'cursor').catch(() => null);
    return typeof cursor === 'number' ? cursor : 0;
  }

  async function poke(version: number | null): Promise<void> {
    if (stopped) return;
    // [N3] no version: a revocation or a lost notice; the sync finds out which.
    if (version === null) {
      void syncNow();
      return;
    }
    pokedVersion = Math.max(pokedVersion, version);
    if (current) {
      pokedWhileRunning = true;
      return;
    }
    if ((await pulledUpTo()) < version) void syncNow();
  }

  // [N1][N4] The channel is open only while the app is in front and the browser online; in the
  // background it closes (the periodic timer pauses there too), so it never costs a sleeping phone.
  function updateChannel(): void {
    const wanted =
      !stopped && options.pokes !== undefined && document.visibilityState === 'visible' && online;
    if (wanted && !channel) {
      channel = options.pokes!({
        onPoke: (version) => void poke(version),
        // Pokes sent while the channel was down are lost: catch up once.
        onOpen: (resumed) => {
          if (resumed) void syncNow();
        },
        // Refused (signed out, revoked): the sync learns why and acts ([K6]); the channel stays
        // shut until the app comes to the front again.
        onRefused: () => {
          channel = null;
          void syncNow();
        },
      });
    } else if (!wanted && channel) {
      channel.close();
      channel = null;
    }
  }

  function syncNow(): Promise<SyncResult> {
    if (!current) {
      const started: Promise<SyncResult> = runOnce().finally(() => {
        if (current === started) current = null;
      });
      current = started;
      return started;
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

  // The browser's own word on the network, kept from its events (navigator.onLine is not updated
  // everywhere); it only decides whether to hold the channel, never the sync status ([E4]).
  let online = navigator.onLine !== false;
  const onOnline = () => {
    online = true;
    updateChannel();
    void syncNow();
  };
  const onOffline = () => {
    online = false;
    updateChannel();
  };
  const onVisibility = () => {
    updateChannel();
    if (document.visibilityState === 'visible') void syncNow();
    else clearTimeout(timer);
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisibility);
  updateChannel();

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
  let cancelStart: (() => void) | undefined;
  void getMeta(db, 'cursor')
    .catch(() => 0)
    .then((cursor) => {
      if (stopped) return;
      if (cursor != null && options.startWhenSettled) {
        cancelStart = options.startWhenSettled(() => void syncNow());
        return;
      }
      const delay = cursor == null ? 0 : (options.startDelayMs ?? START_DELAY_MS);
      startTimer = setTimeout(() => void syncNow(), delay);
    });

  return {
    syncNow,
    poke,
    stop() {
      stopped = true;
      clearTimeout(startTimer);
      cancelStart?.();
      clearTimeout(timer);
      clearTimeout(writeTimer);
      outboxWatch.unsubscribe();
      updateChannel();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisibility);
      report(false, null);
    },
  };
}
