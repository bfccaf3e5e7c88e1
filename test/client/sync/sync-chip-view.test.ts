import { describe, expect, it } from 'vitest';
import { syncChipView } from '../../../src/client/features/sync/sync-chip-view';
import type { SyncStatus } from '../../../src/local/sync/sync-status';

const base: SyncStatus = {
  pending: 0,
  rejections: 0,
  unresolvedConflicts: 0,
  lastSyncAt: '2025-03-14T09:30:00.000Z',
  lastError: null,
};
const error = (kind: 'offline' | 'unauthorized' | 'server') => ({
  kind,
  message: '',
  at: base.lastSyncAt!,
});

describe('[E4] the sync chip says what the last real round trip said', () => {
  it.each([
    ['all synced', {}, false, 'Synchronisiert', 'ok'],
    ['never synced', { lastSyncAt: null }, false, 'Noch nicht synchronisiert', 'pending'],
    ['one pending change', { pending: 1 }, false, '1 Änderung offen', 'pending'],
    ['several pending changes', { pending: 3 }, false, '3 Änderungen offen', 'pending'],
    ['a sync running', { pending: 3 }, true, 'Wird synchronisiert …', 'busy'],
    [
      'offline with pending changes',
      { pending: 2, lastError: error('offline') },
      false,
      'Keine Verbindung · 2 Änderungen offen',
      'error',
    ],
    ['server down', { lastError: error('server') }, false, 'Server nicht erreichbar', 'error'],
    [
      'expired session, even while running',
      { pending: 1, lastError: error('unauthorized') },
      true,
      'Bitte erneut anmelden',
      'error',
    ],
    ['a conflict to review', { unresolvedConflicts: 1 }, false, '1 Konflikt prüfen', 'attention'],
    [
      'rejected changes come before conflicts',
      { rejections: 2, unresolvedConflicts: 1 },
      false,
      '2 Änderungen abgelehnt',
      'attention',
    ],
  ] as const)('%s', (_, overrides, running, label, tone) => {
    expect(syncChipView({ ...base, ...overrides }, running)).toMatchObject({ label, tone });
  });

  // Issue 13: on a narrow screen the chip is an icon and this number, the label stays for screen
  // readers and in the details.
  it.each([
    ['all synced', {}, 0],
    ['pending changes', { pending: 6 }, 6],
    ['offline with pending changes', { pending: 6, lastError: error('offline') }, 6],
    ['offline, nothing pending', { lastError: error('offline') }, 0],
    ['rejections first', { pending: 6, rejections: 2 }, 2],
    ['conflicts', { unresolvedConflicts: 3 }, 3],
  ] as const)('the count beside the icon: %s', (_, overrides, count) => {
    expect(syncChipView({ ...base, ...overrides }, false).count).toBe(count);
  });
});
