// What the running scheduler knows and the database does not: whether a round trip is under way
// and when the next retry is due. Everything else the chip shows is read from the database
// (readSyncStatus), which the service worker's syncs update too ([E4]).
import { create } from './create-store';
import type { SyncResult } from '../../local/sync/sync-engine';

export interface SyncRunState {
  running: boolean;
  /** ISO time of the next automatic attempt after a failure, null when none is planned. */
  nextRetryAt: string | null;
  /** Starts a sync now (or joins the one running); set while a scheduler runs. */
  syncNow: (() => Promise<SyncResult | null>) | null;
}

export const useSyncRun = create<SyncRunState>(() => ({
  running: false,
  nextRetryAt: null,
  syncNow: null,
}));

/** Asks the running scheduler for a sync; resolves null when no user is signed in. */
export function requestSync(): Promise<SyncResult | null> {
  return useSyncRun.getState().syncNow?.() ?? Promise.resolve(null);
}
