// Runs the sync scheduler for the open database while the signed-in app is mounted, with the real
// engine and transport. The service worker gets the same job through Background Sync.
import { useEffect } from 'preact/hooks';
import type { FeldakteDb } from '../../../local/db';
import { syncOnce } from '../../../local/sync/sync-engine';
import { createFetchTransport } from '../../../local/sync/fetch-transport';
import { checkForUpdate, requestBackgroundSync } from '../../sw-bridge';
import { startSyncScheduler } from './sync-scheduler';
import { useSyncRun } from './sync-run-state';
import { PULL_PAGE_SIZE } from './pull-page-size';

const transport = createFetchTransport();

export function useSyncScheduler(db: FeldakteDb | null): void {
  useEffect(() => {
    if (!db) return;
    const scheduler = startSyncScheduler({
      db,
      run: async (target) => {
        const result = await syncOnce(target, transport, { pullLimit: PULL_PAGE_SIZE });
        // The server wants a newer app ([S1]): look for it so "Neue Version verfügbar" appears.
        if (!result.ok && result.error.kind === 'outdated') void checkForUpdate();
        return result;
      },
      onLocalWrite: () => void requestBackgroundSync(),
      onStateChange: (state) => useSyncRun.setState(state),
    });
    useSyncRun.setState({ syncNow: scheduler.syncNow });
    return () => {
      scheduler.stop();
      useSyncRun.setState({ syncNow: null, running: false, nextRetryAt: null });
    };
  }, [db]);
}
