// A titled block of a page (e.g. "Bedarfe" in the case detail), with an optional action button.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface SectionProps {
  title: string;
  action?: ComponentChildren;
  children: ComponentChildren;
}

export function Section({ title, action, children }: SectionProps) {
  const id = useId();
  return (
    <section class="section" aria-labelledby={id}>
      <div class="section__head">
        <h2 class="section__title" id={id}>
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}
