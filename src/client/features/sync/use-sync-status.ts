// The stored sync status, live: the page's and the service worker's syncs both update it.
import type { FeldakteDb } from '../../../local/db';
import { readSyncStatus, type SyncStatus } from '../../../local/sync/sync-status';
import { useLiveQuery } from '../../ui/use-live-query';

export function useSyncStatus(db: FeldakteDb): SyncStatus | undefined {
  return useLiveQuery(() => readSyncStatus(db), [db]);
}
