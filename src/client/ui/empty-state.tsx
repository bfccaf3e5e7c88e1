import type { ComponentChildren } from 'preact';

/** What a list says when it has nothing to show, with an optional next action. */
export function EmptyState({
  children,
  action,
}: {
  children: ComponentChildren;
  action?: ComponentChildren;
}) {
  return (
    <div class="empty">
      <p>{children}</p>
      {action}
    </div>
  );
}
