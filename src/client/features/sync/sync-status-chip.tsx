// The header chip: what the last real round trip said ([E4]), never navigator.onLine. Tapping it
// opens the details (last sync, pending changes, the error in German, "Jetzt synchronisieren").
// The details close as a popup does: Escape (focus back on the chip), a tap outside, and moving
// to another screen (issue 27 item 7).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { FeldakteDb } from '../../../local/db';
import { t } from '../../../shared/i18n/t';
import { useSession } from '../../state/session';
import { openReauth } from '../../state/auth-ui';
import { useSyncRun } from '../../state/sync-run';
import { useSyncStatus } from './use-sync-status';
import { syncChipView, type ChipTone } from './sync-chip-view';
import { Icon, type IconName } from '../../ui/icon';
import './sync.css';

type Details = typeof import('./sync-details');

const chipIcons: Record<ChipTone, IconName> = {
  ok: 'check',
  busy: 'sync',
  pending: 'upload',
  attention: 'alert',
  error: 'alert',
};

/**
 * One line under the header while the last round trip found no connection, with the changes that
 * wait for it (issue 27 item 10; the chip alone showed it as an icon). Polite: it says so once.
 */
export function OfflineBanner() {
  const db = useSession((state) => state.db);
  return db ? <OfflineLine db={db} /> : null;
}

function OfflineLine({ db }: { db: FeldakteDb }) {
  const status = useSyncStatus(db);
  const offline = status?.lastError?.kind === 'offline';
  return (
    <p class={offline ? 'offline-banner' : 'visually-hidden'} role="status">
      {offline ? t('sync.status.offlineBanner', { count: status.pending }) : ''}
    </p>
  );
}

export function SyncStatusChip() {
  const db = useSession((state) => state.db);
  return db ? <ChipFor db={db} /> : null;
}

function ChipFor({ db }: { db: FeldakteDb }) {
  const status = useSyncStatus(db);
  const running = useSyncRun((state) => state.running);
  const [open, setOpen] = useState(false);
  // The details load on the first tap (first-screen budget); offline from the SW's cache.
  const [details, setDetails] = useState<Details | null>(null);
  const toggle = async () => {
    if (!open) setDetails(await import('./sync-details'));
    setOpen(!open);
  };
  const box = useRef<HTMLDivElement>(null);
  const { url } = useLocation();
  useEffect(() => setOpen(false), [url]);
  // A layout effect: listening from the moment the panel shows.
  useLayoutEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      box.current?.querySelector<HTMLButtonElement>('.sync-chip__button')?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  if (!status) return null;
  const view = syncChipView(status, running);
  const expired = status.lastError?.kind === 'unauthorized';

  return (
    <div class="sync-chip" ref={box}>
      <button
        type="button"
        class={`sync-chip__button sync-chip--${view.tone}`}
        aria-expanded={expired ? undefined : open}
        aria-controls={expired ? undefined : 'sync-chip-details'}
        aria-label={t('sync.status.chipLabel', { state: view.label })}
        onClick={() => (expired ? openReauth() : void toggle())}
      >
        <Icon name={chipIcons[view.tone]} size={20} class="sync-chip__icon" />
        {/* On a narrow screen only the icon and the number show (CSS); the label stays readable
            for screen readers. The number comes from CSS content so textContent is the label. */}
        {view.count > 0 && (
          <span class="sync-chip__count" data-count={view.count} aria-hidden="true" />
        )}
        <span class="sync-chip__label" role="status">
          {view.label}
        </span>
      </button>
      {open && !expired && details && (
        <div id="sync-chip-details" class="sync-chip__panel">
          <details.SyncDetails status={status} onNavigate={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}
