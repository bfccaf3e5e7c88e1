// A box that scrolls sideways inside the page (a wide table, the month chart on a phone), never
// the page itself. Only while its content is wider than the box is it a named, focusable region
// with a visible hint and edge shadows: a tab stop that scrolls nothing would only be in the way.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Overflow {
  /** The content is wider than the box. */
  wider: boolean;
  /** There is more to the left (scrolled away from the start). */
  left: boolean;
  /** There is more to the right. */
  right: boolean;
}

const FITS: Overflow = { wider: false, left: false, right: false };

function useOverflow(box: { current: HTMLDivElement | null }): Overflow {
  const [overflow, setOverflow] = useState<Overflow>(FITS);
  useLayoutEffect(() => {
    const el = box.current!;
    const measure = () => {
      const hidden = el.scrollWidth - el.clientWidth;
      // Sub-pixel widths: a pixel of slack is not "more".
      const scrolled = Math.abs(el.scrollLeft);
      const next = { wider: hidden > 1, left: scrolled > 1, right: scrolled < hidden - 1 };
      setOverflow((prev) =>
        prev.wider === next.wider && prev.left === next.left && prev.right === next.right
          ? prev
          : next,
      );
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    // The box narrows with the window (a phone turned), the content widens with its data.
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    if (el.firstElementChild) resized.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', measure);
      resized.disconnect();
    };
  }, []);
  return overflow;
}

export function SideScroll({
  label,
  hintRight,
  hintLeft,
  class: kind,
  children,
}: {
  /** The region's name while it scrolls: what it holds and that it scrolls sideways. */
  label: string;
  /** Shown above the box while there is more to the right ("Weitere Spalten rechts →"). */
  hintRight: string;
  /** Shown when scrolled to the end ("← Weitere Spalten links"). */
  hintLeft: string;
  class?: string;
  children: ComponentChildren;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { wider, left, right } = useOverflow(box);
  return (
    <>
      {wider && (
        // Seen, not read: a screen reader reads every cell anyway and hears the region's name.
        <p class="side-scroll__hint no-print" aria-hidden="true">
          {right ? hintRight : hintLeft}
        </p>
      )}
      <div
        class={kind ? `side-scroll ${kind}` : 'side-scroll'}
        data-more-left={left || undefined}
        data-more-right={right || undefined}
      >
        <div
          ref={box}
          class="side-scroll__box"
          role={wider ? 'region' : undefined}
          aria-label={wider ? label : undefined}
          tabIndex={wider ? 0 : undefined}
        >
          {children}
        </div>
      </div>
    </>
  );
}
