// The facts behind the chip, also shown on the "Mehr" page: last successful sync, pending
// changes, the last error in German, a manual sync, and links to conflicts and rejections.
import type { SyncStatus } from '../../../local/sync/sync-status';
import { formatDateTime, formatTime, t } from '../../../shared/i18n/t';
import { Button } from '../../ui/button';
import { openReauth } from '../../state/auth-ui';
import { requestSync, useSyncRun } from '../../state/sync-run';
import { conflictsLabel, pendingLabel, rejectionsLabel } from './sync-chip-view';

export interface SyncDetailsProps {
  status: SyncStatus & { keptConflicts?: number };
  /** Links inside close the surrounding panel. */
  onNavigate?(): void;
}

export function SyncDetails({ status, onNavigate }: SyncDetailsProps) {
  const running = useSyncRun((state) => state.running);
  const nextRetryAt = useSyncRun((state) => state.nextRetryAt);
  const error = status.lastError;

  return (
    <div class="sync-details">
      <p>
        {status.lastSyncAt
          ? t('sync.status.lastSync', { time: formatDateTime(status.lastSyncAt) })
          : t('sync.status.lastSyncNever')}
        <br />
        {status.pending > 0 ? pendingLabel(status.pending) : t('sync.signOut.allSynced')}
      </p>
      {error && (
        <p class="form-alert" role="alert">
          {t(`sync.status.errors.${error.kind}`)}
          {nextRetryAt && <> {t('sync.status.nextTry', { time: formatTime(nextRetryAt) })}</>}
        </p>
      )}
      {status.unresolvedConflicts > 0 && (
        <p>
          <a href="/mehr/konflikte" onClick={onNavigate}>
            {conflictsLabel(status.unresolvedConflicts)}
          </a>
        </p>
      )}
      {(status.keptConflicts ?? 0) > 0 && (
        <p class="hint">
          <a href="/mehr/konflikte" onClick={onNavigate}>
            {t('sync.conflicts.keptNote', { count: status.keptConflicts ?? 0 })}
          </a>
        </p>
      )}
      {status.rejections > 0 && (
        <p>
          <a href="/mehr/abgelehnt" onClick={onNavigate}>
            {rejectionsLabel(status.rejections)}
          </a>
        </p>
      )}
      {error?.kind === 'unauthorized' ? (
        <Button variant="primary" onClick={openReauth}>
          {t('sync.signIn.again.action')}
        </Button>
      ) : (
        <Button disabled={running} onClick={() => void requestSync()}>
          {running ? t('sync.status.syncing') : t('sync.status.syncNow')}
        </Button>
      )}
    </div>
  );
}
