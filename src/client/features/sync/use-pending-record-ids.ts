// For long lists: the ids of one table's records with unsynced changes, in one live query, so a
// list row can show the badge without a query per row.
import type { TableName } from '../../../shared/domain/tables';
import { pendingRecordIds } from '../../../local/sync/sync-status';
import { useSession } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';

const none: ReadonlySet<string> = new Set();

export function usePendingRecordIds(table: TableName): ReadonlySet<string> {
  const db = useSession((state) => state.db);
  return useLiveQuery(async () => (db ? pendingRecordIds(db, table) : none), [db, table]) ?? none;
}
