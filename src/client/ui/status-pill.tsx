// A small coloured label for a status. The text carries the meaning; colour only supports it.
import type { ComponentChildren } from 'preact';

export type PillTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'muted';

export function StatusPill({
  tone = 'neutral',
  children,
}: {
  tone?: PillTone;
  children: ComponentChildren;
}) {
  return <span class={`pill pill--${tone}`}>{children}</span>;
}
