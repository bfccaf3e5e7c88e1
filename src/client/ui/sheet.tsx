// A bottom sheet (modal dialog) for short tasks: closing a case, adding a task. Focus moves into it
// on open (its first field, or the dialog) and back to where it was on close; Escape and the backdrop close it.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n/t';
import { Icon } from './icon';

export interface SheetProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ComponentChildren;
}

const FOCUSABLE = 'input, select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])';

export function Sheet({ open, title, onClose, children }: SheetProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    // A sheet with fields starts at its first field; a confirmation (buttons only) starts at the
    // dialog itself, never on its destructive button, so a stray Enter confirms nothing.
    const first = panel.current?.querySelector<HTMLElement>(
      '.sheet__body input, .sheet__body select, .sheet__body textarea',
    );
    (first ?? panel.current)?.focus();
    return () => opener?.focus?.();
  }, [open]);

  if (!open) return null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    // Keep Tab inside the sheet while it is open (aria-modal).
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div class="sheet" onKeyDown={onKeyDown}>
      <div class="sheet__backdrop" onClick={onClose} />
      <div
        class="sheet__panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        ref={panel}
      >
        <div class="sheet__head">
          <h2 id={titleId} class="sheet__title">
            {title}
          </h2>
          <button
            type="button"
            class="icon-button"
            onClick={onClose}
            aria-label={t('common.actions.close')}
          >
            <Icon name="close" />
          </button>
        </div>
        <div class="sheet__body">{children}</div>
      </div>
    </div>
  );
}
