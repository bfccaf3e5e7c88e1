// The stored sync status, live: the page's and the service worker's syncs both update it. Open
// conflicts are counted for the signed-in person only (my-conflicts.ts), and apart from them the
// conflicts in which their value was kept.
import type { FeldakteDb } from '../../../local/db';
import { readSyncStatus, type SyncStatus } from '../../../local/sync/sync-status';
import { useSession } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { myKeptConflicts, myOpenConflicts } from './my-conflicts';

/** The status as the chip, its details and the offline banner show it. */
export type ShownSyncStatus = SyncStatus & {
  /** Conflicts in which my value was kept, still open for the colleague whose value lost. */
  keptConflicts: number;
};

export function useSyncStatus(db: FeldakteDb): ShownSyncStatus | undefined {
  const userId = useSession((state) => state.user?.id ?? '');
  return useLiveQuery(async () => {
    const [status, mine, kept] = await Promise.all([
      readSyncStatus(db),
      myOpenConflicts(db, userId),
      myKeptConflicts(db, userId),
    ]);
    return { ...status, unresolvedConflicts: mine.length, keptConflicts: kept.length };
  }, [db, userId]);
}
