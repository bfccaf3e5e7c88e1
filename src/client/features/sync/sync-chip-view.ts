// What the chip says, from the stored status and whether a round trip runs now. The most urgent
// fact wins: a problem the person must act on, then unreviewed outcomes, then pending changes.
import type { SyncStatus } from '../../../local/sync/sync-status';
import { t } from '../../../shared/i18n/t';

export type ChipTone = 'ok' | 'busy' | 'pending' | 'attention' | 'error';

export interface ChipView {
  label: string;
  tone: ChipTone;
  /** The number a narrow screen shows beside the icon (pending, rejected or conflicting), or 0. */
  count: number;
}

export function syncChipView(status: SyncStatus, running: boolean): ChipView {
  const pending = status.pending;
  if (status.lastError?.kind === 'unauthorized') {
    return { label: t('sync.status.signInAgain'), tone: 'error', count: pending };
  }
  if (running) return { label: t('sync.status.syncing'), tone: 'busy', count: pending };
  if (status.lastError) {
    const label = t(`sync.status.short.${status.lastError.kind}`);
    return pending > 0
      ? { label: `${label} · ${pendingLabel(pending)}`, tone: 'error', count: pending }
      : { label, tone: 'error', count: 0 };
  }
  if (status.rejections > 0) {
    const count = status.rejections;
    return { label: rejectionsLabel(count), tone: 'attention', count };
  }
  if (status.unresolvedConflicts > 0) {
    const count = status.unresolvedConflicts;
    return { label: conflictsLabel(count), tone: 'attention', count };
  }
  if (pending > 0) return { label: pendingLabel(pending), tone: 'pending', count: pending };
  if (!status.lastSyncAt) return { label: t('sync.status.never'), tone: 'pending', count: 0 };
  return { label: t('sync.status.synced'), tone: 'ok', count: 0 };
}

export function pendingLabel(count: number): string {
  return t('sync.status.pending', { count });
}

export function conflictsLabel(count: number): string {
  return t('sync.status.conflicts', { count });
}

export function rejectionsLabel(count: number): string {
  return t('sync.status.rejections', { count });
}
