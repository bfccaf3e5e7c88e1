// Runs the sync scheduler for the open database while the signed-in app is mounted, with the real
// engine and transport. The service worker gets the same job through Background Sync.
import { useEffect } from 'preact/hooks';
import type { FeldakteDb } from '../../../local/db';
import type { SyncTransport } from '../../../local/sync/transport';
import { checkForUpdate, requestBackgroundSync } from '../../sw-bridge';
import { startSyncScheduler } from './sync-scheduler';
import { useSyncRun } from '../../state/sync-run';
import { PULL_PAGE_SIZE } from './pull-page-size';
import { refreshTeamMembers } from '../../../local/team-members';
import { afterWipe } from '../session/device-wipe';
import { openPokeChannel } from './poke-channel';
import { afterScreenSettled } from '../../state/screen-settled';
import { errorName } from '../../../shared/error-name';

// The engine arrives as its own chunk: the first sync waits for the first screen anyway, so its
// code need not delay it.
let engine:
  | Promise<{
      syncOnce: typeof import('../../../local/sync/sync-engine').syncOnce;
      transport: SyncTransport;
    }>
  | undefined;

function loadEngine() {
  engine ??= Promise.all([
    import('../../../local/sync/sync-engine'),
    import('../../../local/sync/fetch-transport'),
  ]).then(([{ syncOnce }, { createFetchTransport }]) => ({
    syncOnce,
    transport: createFetchTransport(),
  }));
  return engine;
}

async function uploadFiles(db: FeldakteDb): Promise<void> {
  try {
    const { uploadPendingFilesOnce } = await import('../../../local/documents/file-transfer');
    await uploadPendingFilesOnce(db);
  } catch (error) {
    console.warn('Document upload stopped', errorName(error));
  }
}

export function useSyncScheduler(db: FeldakteDb | null): void {
  useEffect(() => {
    if (!db) return;
    const scheduler = startSyncScheduler({
      db,
      run: async (target) => {
        const { syncOnce, transport } = await loadEngine();
        const result = await syncOnce(target, transport, { pullLimit: PULL_PAGE_SIZE });
        // The server wants a newer app ([S1]): look for it so "Neue Version verfügbar" appears.
        if (!result.ok && result.error.kind === 'outdated') void checkForUpdate();
        // The colleagues' names ride along with a working connection (throttled inside).
        if (result.ok) void refreshTeamMembers(target).catch(() => undefined);
        // [D4] documents' files follow their records; an upload resumes where it stopped.
        if (result.ok) void uploadFiles(target);
        // [K6] the engine has deleted the database; the page forgets the account and says why.
        if (!result.ok && result.error.kind === 'revoked') {
          void afterWipe(
            result.error.code === 'user_disabled' ? 'user_disabled' : 'device_revoked',
          );
        }
        return result;
      },
      onLocalWrite: () => void requestBackgroundSync(),
      pokes: (handlers) => openPokeChannel(handlers),
      // After the PIN, Heute's lists first; the start sync follows once they are there.
      startWhenSettled: (start) => afterScreenSettled(start),
      onStateChange: (state) => useSyncRun.setState(state),
    });
    useSyncRun.setState({ syncNow: scheduler.syncNow });
    return () => {
      scheduler.stop();
      useSyncRun.setState({ syncNow: null, running: false, nextRetryAt: null });
    };
  }, [db]);
}
