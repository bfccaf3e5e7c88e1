// What a person would see as broken at a narrow width, checked in the real browser (issue 13):
// used by the narrow-layout walk and by other e2e tests that walk their own screens.
import type { Page } from 'playwright-core';

/**
 * What a person would see as broken: the page wider than the screen, a box whose text sticks out
 * of it (clipped or overlapping), or text outside the screen. A box that scrolls sideways by
 * itself (a wide table on a phone) may hold text beyond the screen's edge, as long as the box is
 * on the screen and a keyboard can reach it: a named region in the tab order (WCAG 2.1.1).
 * Returns one line per problem.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width)
      problems.push(`page is ${document.documentElement.scrollWidth}px wide`);
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    // Form fields scroll their own text and are in the tab order anyway.
    const scrollers = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
      if (el.matches('input, select, textarea')) return false;
      const overflow = getComputedStyle(el).overflowX;
      return (
        (overflow === 'auto' || overflow === 'scroll') &&
        el.getClientRects().length > 0 &&
        el.scrollWidth > el.clientWidth + 1
      );
    });
    for (const box of scrollers) {
      const named =
        (box.getAttribute('aria-label') ?? '').trim() !== '' ||
        (box.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .some((id) => (document.getElementById(id)?.textContent ?? '').trim() !== '');
      if (box.tabIndex < 0 || box.getAttribute('role') !== 'region' || !named)
        problems.push(
          `scrolls sideways, but is no named region in the tab order: ${describe(box)}`,
        );
      const { left, right } = box.getBoundingClientRect();
      if (right > width + 1 || left < -1)
        problems.push(
          `box that scrolls sideways is outside the screen (${Math.round(left)}..${Math.round(right)}): ${describe(box)}`,
        );
    }
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.closest('.visually-hidden, svg, select, input, textarea, script, style')) continue;
      const ownText = [...el.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
      );
      if (!ownText || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      // Hidden on screen but read by screen readers (the visually-hidden pattern) is not clipped.
      if (style.visibility === 'hidden' || style.clip === 'rect(0px, 0px, 0px, 0px)') continue;
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        problems.push(
          `text wider than its box (${el.scrollWidth} > ${el.clientWidth}): ${describe(el)}`,
        );
      const box = el.getBoundingClientRect();
      // Within a box that scrolls sideways, text beyond the edge is reached by scrolling the box.
      if (scrollers.some((scroller) => scroller.contains(el))) continue;
      if (box.right > width + 1 || box.left < -1)
        problems.push(
          `text outside the screen (${Math.round(box.left)}..${Math.round(box.right)}): ${describe(el)}`,
        );
    }
    return problems;
  });
}
