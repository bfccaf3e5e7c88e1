import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  startSyncScheduler,
  type SyncScheduler,
} from '../../../src/client/features/sync/sync-scheduler';
import type { SyncResult } from '../../../src/local/sync/sync-engine';
import { SyncError, type SyncErrorKind } from '../../../src/local/sync/sync-error';
import type { FeldakteDb } from '../../../src/local/db';
import { setMeta } from '../../../src/local/meta';
import { freshDb, writeCase } from '../../support/sync-fixtures';

const ok = (): SyncResult => ({
  ok: true,
  at: new Date().toISOString(),
  pushed: 0,
  rejected: 0,
  pulled: 0,
});
const failed = (kind: SyncErrorKind): SyncResult => ({
  ok: false,
  error: new SyncError(kind),
  pushed: 0,
  rejected: 0,
  pulled: 0,
});

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('[E3] the page syncs on its triggers', () => {
  let db: FeldakteDb;
  let scheduler: SyncScheduler | undefined;

  beforeEach(() => {
    db = freshDb('scheduler');
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
  afterEach(() => {
    scheduler?.stop();
    db.close();
  });

  function start(
    results: SyncResult[] = [],
    extra: Partial<Parameters<typeof startSyncScheduler>[0]> = {},
  ) {
    const run = vi.fn(async () => results.shift() ?? ok());
    scheduler = startSyncScheduler({
      db,
      run,
      afterWriteMs: 30,
      intervalMs: 60_000,
      startDelayMs: 0,
      ...extra,
    });
    return run;
  }

  it('syncs once at start, after the first screen had its turn', async () => {
    const run = start();
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
  });

  it('syncs shortly after a local write and asks for Background Sync', async () => {
    const onLocalWrite = vi.fn();
    const run = start([], { onLocalWrite });
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    await writeCase(db);
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(2));
    expect(onLocalWrite).toHaveBeenCalledTimes(1);
  });

  it('syncs when the browser goes online', async () => {
    const run = start();
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(2));
  });

  it('syncs when the app returns to the foreground', async () => {
    const run = start();
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    setVisibility('hidden');
    setVisibility('visible');
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(2));
  });

  it('syncs on the timer while visible', async () => {
    const run = start([], { intervalMs: 40 });
    await vi.waitFor(() => expect(run.mock.calls.length).toBeGreaterThanOrEqual(3));
  });

  it('retries a failed sync with backoff and reports the planned retry', async () => {
    const states: { running: boolean; nextRetryAt: string | null }[] = [];
    const retryDelayMs = vi.fn((failures: number) => failures * 20);
    const run = start([failed('offline'), failed('server'), ok()], {
      retryDelayMs,
      onStateChange: (state) => states.push(state),
    });
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(3));
    expect(retryDelayMs.mock.calls.map(([failures]) => failures)).toEqual([1, 2]);
    expect(states.some((state) => state.nextRetryAt !== null)).toBe(true);
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ running: false, nextRetryAt: null }));
  });

  it('[S2] does not retry on its own after the session expired', async () => {
    const retryDelayMs = vi.fn(() => 10);
    const states: { running: boolean; nextRetryAt: string | null }[] = [];
    const run = start([failed('unauthorized')], {
      retryDelayMs,
      onStateChange: (state) => states.push(state),
    });
    // The scheduler plans its next step as it reports the run's end: no retry is planned.
    await vi.waitFor(() => {
      const began = states.findIndex((state) => state.running);
      expect(began).toBeGreaterThanOrEqual(0);
      expect(states.slice(began + 1).some((state) => !state.running)).toBe(true);
    });
    expect(states.at(-1)).toEqual({ running: false, nextRetryAt: null });
    expect(run).toHaveBeenCalledTimes(1);
    expect(retryDelayMs).not.toHaveBeenCalled();
  });

  it('[E1] a request during a running sync runs once more afterwards, never in parallel', async () => {
    let active = 0;
    let maxActive = 0;
    const run = vi.fn(async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 20));
      active -= 1;
      return ok();
    });
    // A device that has pulled before: its start sync waits startDelayMs (a never-synced one starts
    // at once, and on a slow machine that start run could come after the three below).
    await setMeta(db, 'cursor', 1);
    scheduler = startSyncScheduler({ db, run, intervalMs: 60_000, startDelayMs: 10_000 });
    await Promise.all([scheduler.syncNow(), scheduler.syncNow(), scheduler.syncNow()]);
    expect(run).toHaveBeenCalledTimes(2);
    expect(maxActive).toBe(1);
  });

  it('stops listening when stopped', async () => {
    const run = start();
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    scheduler!.stop();
    // A second scheduler still listening shows when both triggers have been handled.
    const control = vi.fn(async () => ok());
    scheduler = startSyncScheduler({
      db,
      run: control,
      afterWriteMs: 30,
      intervalMs: 60_000,
      startDelayMs: 0,
    });
    await vi.waitFor(() => expect(control).toHaveBeenCalledTimes(1));
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(control).toHaveBeenCalledTimes(2));
    await writeCase(db);
    await vi.waitFor(() => expect(control).toHaveBeenCalledTimes(3));
    expect(run).toHaveBeenCalledTimes(1);
  });
});
