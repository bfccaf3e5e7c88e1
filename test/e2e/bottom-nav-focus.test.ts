// The bottom navigation sits at the screen's edges: a focused tab shows its whole focus ring
// (yellow framed by ink) on the screen, inside the tab, clear of the icon and the label, at 320
// and 360 px, German and English (WCAG 2.4.7). SCREENSHOT_DIR=/tmp/shots keeps a picture of each.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { startE2eServer, type E2eServer } from '../support/e2e-server';
import { launchChromium, newDevice, signIn, type Device } from '../support/e2e-browser';
import { layoutProblems } from '../support/e2e-layout';

let server: E2eServer;
let browser: Browser;
let phone: Device;
const screenshotDir = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchChromium();
  phone = await newDevice(browser, server.url);
  await signIn(phone.page, server.accounts[0]!.email, server.password);
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What of the ring lies off the screen or over the tab's icon and label; [] when all is well. */
function ringProblems(tab: Locator): Promise<string[]> {
  return tab.evaluate((el) => {
    const style = getComputedStyle(el);
    const offset = parseFloat(style.outlineOffset);
    const width = parseFloat(style.outlineWidth);
    const spread = Number(/(-?[\d.]+)px\s*$/.exec(style.boxShadow.replace(/ inset/, ''))?.[1]);
    const inset = style.boxShadow.includes('inset');
    // How far the ring (outline and its ink frame) reaches beyond the tab, and into it.
    const outside = Math.max(offset + width, inset ? 0 : spread);
    const inside = Math.max(inset ? spread : 0, -offset);
    const box = el.getBoundingClientRect();
    const problems: string[] = [];
    if (style.outlineStyle !== 'solid' || width < 3) problems.push(`no ring: ${style.outline}`);
    if (box.left - outside < 0) problems.push('off the left edge');
    if (box.right + outside > innerWidth) problems.push('off the right edge');
    if (box.bottom + outside > innerHeight) problems.push('off the bottom edge');
    for (const part of el.querySelectorAll('svg, span')) {
      const r = part.getBoundingClientRect();
      if (
        r.left < box.left + inside ||
        r.right > box.right - inside ||
        r.top < box.top + inside ||
        r.bottom > box.bottom - inside
      )
        problems.push(`ring over "${part.textContent || part.tagName}"`);
    }
    return problems;
  });
}

describe.each([
  { language: 'de', choice: 'Deutsch', nav: 'Hauptnavigation', last: 'Mehr' },
  { language: 'en', choice: 'English', nav: 'Main navigation', last: 'More' },
])('a focused bottom-nav tab ($language)', ({ language, choice, nav, last }) => {
  it.each([320, 360])('shows its whole ring at %i px', async (width) => {
    const { page } = phone;
    await page.setViewportSize({ width, height: 640 });
    await page.locator('.bottom-nav a').last().click(); // "Mehr" / "More", without a reload
    await page.getByLabel(choice).check();
    const tabs = page.getByRole('navigation', { name: nav }).getByRole('link');
    await expect.poll(() => tabs.last().textContent()).toBe(last);

    // Reached by keyboard, as :focus-visible needs: from the neighbour, one step.
    const count = await tabs.count();
    expect(count).toBe(5);
    // The padding that keeps the ring clear of the labels costs no sideways scrolling.
    expect(await layoutProblems(page)).toEqual([]);
    for (let index = 0; index < count; index++) {
      await tabs.nth(index === 0 ? 1 : index - 1).focus();
      await page.keyboard.press(index === 0 ? 'Shift+Tab' : 'Tab');
      const tab = tabs.nth(index);
      expect(await tab.evaluate((el) => el === document.activeElement)).toBe(true);
      if (screenshotDir)
        await page.screenshot({
          path: join(screenshotDir, `nav-focus-${language}-${width}-${index}.png`),
          clip: { x: 0, y: 640 - 110, width, height: 110 },
        });
      expect(await ringProblems(tab), `tab ${index}`).toEqual([]);
    }
  });
});
