// The stored sync status, live: the page's and the service worker's syncs both update it. Open
// conflicts are counted for the signed-in person only (my-conflicts.ts).
import type { FeldakteDb } from '../../../local/db';
import { readSyncStatus, type SyncStatus } from '../../../local/sync/sync-status';
import { useSession } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { myOpenConflicts } from './my-conflicts';

export function useSyncStatus(db: FeldakteDb): SyncStatus | undefined {
  const userId = useSession((state) => state.user?.id ?? '');
  return useLiveQuery(async () => {
    const [status, mine] = await Promise.all([readSyncStatus(db), myOpenConflicts(db, userId)]);
    return { ...status, unresolvedConflicts: mine.length };
  }, [db, userId]);
}
