// One row of a list: the whole row is the link target (at least 48 px high), so one thumb hits it.
// Badges (pills) sit under the title, so a long name keeps the full width of a small screen.
import type { ComponentChildren } from 'preact';
import { Icon } from './icon';

export interface ListRowProps {
  href?: string;
  title: ComponentChildren;
  meta?: ComponentChildren;
  trailing?: ComponentChildren;
}

export function ListRow({ href, title, meta, trailing }: ListRowProps) {
  const content = (
    <>
      <span class="row__main">
        <span class="row__title">{title}</span>
        {meta && <span class="row__meta">{meta}</span>}
        {trailing && <span class="row__badges">{trailing}</span>}
      </span>
      {href && <Icon name="chevron" size={20} class="row__chevron" />}
    </>
  );
  return (
    <li class="row">
      {href ? (
        <a class="row__link" href={href}>
          {content}
        </a>
      ) : (
        <div class="row__link">{content}</div>
      )}
    </li>
  );
}

export function RowList({ children, label }: { children: ComponentChildren; label?: string }) {
  return (
    <ul class="rows" aria-label={label}>
      {children}
    </ul>
  );
}
