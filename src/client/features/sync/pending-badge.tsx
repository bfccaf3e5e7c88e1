// "nicht synchronisiert" on a record whose local changes the server has not confirmed yet. Long
// lists use usePendingRecordIds instead of one live query per row.
import type { TableName } from '../../../shared/domain/tables';
import { t } from '../../../shared/i18n/t';
import { useSession } from '../../state/session';
import { StatusPill } from '../../ui/status-pill';
import { useLiveQuery } from '../../ui/use-live-query';

export function PendingBadge({ table, id }: { table: TableName; id: string }) {
  const db = useSession((state) => state.db);
  const pending = useLiveQuery(
    async () =>
      db ? (await db.outbox.where('[table+recordId]').equals([table, id]).count()) > 0 : false,
    [db, table, id],
  );
  return pending ? <PendingPill /> : null;
}

export function PendingPill() {
  return <StatusPill tone="warning">{t('sync.badge.pending')}</StatusPill>;
}
