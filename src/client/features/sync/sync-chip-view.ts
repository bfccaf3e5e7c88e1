// What the chip says, from the stored status and whether a round trip runs now. The most urgent
// fact wins: a problem the person must act on, then unreviewed outcomes, then pending changes.
import type { SyncStatus } from '../../../local/sync/sync-status';
import { t } from '../../../shared/i18n/t';

export type ChipTone = 'ok' | 'busy' | 'pending' | 'attention' | 'error';

export interface ChipView {
  label: string;
  tone: ChipTone;
}

export function syncChipView(status: SyncStatus, running: boolean): ChipView {
  if (status.lastError?.kind === 'unauthorized') {
    return { label: t('sync.status.signInAgain'), tone: 'error' };
  }
  if (running) return { label: t('sync.status.syncing'), tone: 'busy' };
  if (status.lastError) {
    const label = t(`sync.status.short.${status.lastError.kind}`);
    return status.pending > 0
      ? { label: `${label} · ${pendingLabel(status.pending)}`, tone: 'error' }
      : { label, tone: 'error' };
  }
  if (status.rejections > 0)
    return { label: rejectionsLabel(status.rejections), tone: 'attention' };
  if (status.unresolvedConflicts > 0) {
    return { label: conflictsLabel(status.unresolvedConflicts), tone: 'attention' };
  }
  if (status.pending > 0) return { label: pendingLabel(status.pending), tone: 'pending' };
  if (!status.lastSyncAt) return { label: t('sync.status.never'), tone: 'pending' };
  return { label: t('sync.status.synced'), tone: 'ok' };
}

export function pendingLabel(count: number): string {
  return count === 1 ? t('sync.status.pendingOne') : t('sync.status.pendingMany', { count });
}

export function conflictsLabel(count: number): string {
  return count === 1 ? t('sync.status.conflictsOne') : t('sync.status.conflictsMany', { count });
}

export function rejectionsLabel(count: number): string {
  return count === 1 ? t('sync.status.rejectionsOne') : t('sync.status.rejectionsMany', { count });
}
