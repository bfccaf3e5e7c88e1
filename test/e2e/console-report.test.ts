// Issue 14 end to end: a coordinator signs in to the built app served by the real server, sees
// the team's anonymised report, downloads the CSV, and afterwards the browser holds no case data.
// At 320 and 360 px, German and English, the report fits: wide tables scroll inside their own
// labelled box, the page never sideways. SCREENSHOT_DIR=/tmp/shots keeps a picture of each.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { defaultAccounts, startE2eServer, type E2eServer } from '../support/e2e-server';
import { launchChromium, newDevice, type Device } from '../support/e2e-browser';
import { seedCaseLoad } from '../support/e2e-seed';
import { layoutProblems } from '../support/e2e-layout';

const COORDINATOR = 'clara@e2e.feldakte';
let server: E2eServer;
let browser: Browser;
let device: Device;
const screenshotDir = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  server = await startE2eServer({
    accounts: [
      ...defaultAccounts,
      { email: COORDINATOR, name: 'Clara Koordination', team: 'Team E2E', role: 'coordinator' },
    ],
  });
  // Case work of the team, pushed by a THM's phone the real way.
  await seedCaseLoad(server, { email: 'lena@e2e.feldakte', cases: 12, childrenPerCase: 6 });
  browser = await launchChromium();
  device = await newDevice(browser, server.url);
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await device?.context.close();
  await browser?.close();
  await server?.close();
});

async function signInCoordinator(page: Page): Promise<void> {
  // No PIN for the console: it keeps no data on the device to lock.
  await page.goto('/');
  await page.getByLabel('E-Mail').fill(COORDINATOR);
  await page.getByLabel('Passwort').fill(server.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { name: /Sachbericht Team E2E/ }).waitFor();
}

/** The coordinator's report, signed in, in the given language. */
async function openReportIn(
  page: Page,
  texts: { language: string; heading: RegExp },
): Promise<void> {
  await signInCoordinator(page);
  await page.evaluate(
    (chosen) => localStorage.setItem('feldakte.language', chosen),
    texts.language,
  );
  await page.reload();
  await page.getByRole('heading', { name: texts.heading }).waitFor();
}

/** One picture per screenful, as a person scrolls through the report. */
async function screenshots(page: Page, name: string, width: number): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, part = 0; y < height; y += 700, part++) {
    const clip = { x: 0, y, width, height: Math.min(740, height - y) };
    const path = join(screenshotDir!, `${name}-${String(part).padStart(2, '0')}.png`);
    await page.screenshot({ path, fullPage: true, clip });
  }
}

describe('the console for a coordinator', () => {
  it('shows the report, downloads the CSV and keeps no case data on the device', async () => {
    const { page, context } = device;
    await signInCoordinator(page);
    expect(await page.getByText('speichert keine Falldaten auf diesem Gerät').count()).toBe(1);
    await page.getByRole('img', { name: /Kontakte nach Kontaktweg und Monat/ }).waitFor();
    const persons = page.getByRole('table', { name: 'Erreichte Personen', exact: true });
    await persons.waitFor();
    // 12 cases in the team: no figure of 1-4 appears as a number.
    const cells = await persons.locator('td').allTextContents();
    expect(cells.every((text) => !/^[1-4]$/.test(text.trim()))).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV herunterladen (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sachbericht-\d{4}-01-01-bis-\d{4}-12-31\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Kennzahl;Kategorie;Anzahl');
    expect(lines.some((line) => line.startsWith('Erreichte Personen;'))).toBe(true);

    // No case data in the browser: no user database (only the device pointer, without a user),
    // nothing else in IndexedDB, and the sync endpoints were never asked.
    const stored = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((db) => db.name ?? '');
      const stores: Record<string, string[]> = {};
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        stores[name] = [...db.objectStoreNames];
        if (db.objectStoreNames.contains('pointers')) {
          const count = await new Promise<number>((resolve) => {
            const request = db.transaction('pointers').objectStore('pointers').count();
            request.onsuccess = () => resolve(request.result);
          });
          stores[name]!.push(`pointers:${count}`);
        }
        db.close();
      }
      return stores;
    });
    for (const [name, objectStores] of Object.entries(stored)) {
      expect(name).toBe('feldakte-device');
      expect(objectStores).toEqual(['pointers', 'pointers:0']);
    }
    const cookies = await context.cookies();
    expect(cookies.some((cookie) => cookie.name === 'feldakte_session')).toBe(true);
  });
});

const phoneTexts = [
  {
    language: 'de',
    heading: /Sachbericht Team E2E/,
    march: /^Mär \d\d$/,
    persons: 'Erreichte Personen',
    contacts: 'Kontakte nach Kontaktweg und Monat',
    region: 'Kontakte nach Kontaktweg und Monat – Tabelle, seitlich verschiebbar',
    moreRight: 'Weitere Spalten rechts →',
    moreLeft: '← Weitere Spalten links',
    byOffer: 'Vermittlungen nach Angebot',
    noReferrals: 'Keine Vermittlungen im Zeitraum.',
  },
  {
    language: 'en',
    heading: /Activity report Team E2E/,
    march: /^Mar \d\d$/,
    persons: 'Persons reached',
    contacts: 'Contacts by channel and month',
    region: 'Contacts by channel and month – Table, scrolls sideways',
    moreRight: 'More columns to the right →',
    moreLeft: '← More columns to the left',
    byOffer: 'Referrals by offer',
    noReferrals: 'No referrals in this period.',
  },
];

describe.each(phoneTexts)('the report on a phone ($language)', (texts) => {
  it.each([320, 360])(
    'fits %i px: a wide table scrolls in its own region, with a hint; the page never',
    async (width) => {
      const phone = await newDevice(browser, server.url);
      try {
        const { page } = phone;
        await page.setViewportSize({ width, height: 740 });
        await openReportIn(page, texts);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        if (screenshotDir) await screenshots(page, `report-${texts.language}-${width}`, width);
        expect(await layoutProblems(page)).toEqual([]);
        const months = await page.locator('#chart-contacts-title ~ g text').allTextContents();
        expect(months.filter((month) => texts.march.test(month))).toHaveLength(1);

        // The seeded team sent no referrals: the offers table says so instead of headings alone.
        const byOffer = page.locator('.table-title', { hasText: texts.byOffer });
        expect(await byOffer.locator('xpath=following-sibling::*[1]').textContent()).toBe(
          texts.noReferrals,
        );
        expect(await page.getByRole('table', { name: texts.byOffer, exact: true }).count()).toBe(0);

        // A table that fits is no tab stop of its own.
        const persons = page.getByRole('table', { name: texts.persons, exact: true });
        expect(await persons.evaluate((table) => table.closest('[tabindex]'))).toBeNull();

        // The wide one: a hint above it, a shadow at the edge where there is more, ...
        const region = page.getByRole('region', { name: texts.region, exact: true });
        const hint = region.locator('xpath=../preceding-sibling::p[1]');
        expect(await hint.textContent()).toBe(texts.moreRight);
        expect(await hint.isVisible()).toBe(true);
        const edgeShadow = () =>
          region.evaluate((box) => getComputedStyle(box.parentElement!, '::after').opacity);
        await expect.poll(edgeShadow).toBe('1');

        // ... reached with the Tab key, focus visible, scrolled with the arrow keys.
        for (let i = 0; i < 40; i++) {
          if (await region.evaluate((box) => box === document.activeElement)) break;
          await page.keyboard.press('Tab');
        }
        expect(await region.evaluate((box) => box === document.activeElement)).toBe(true);
        expect(
          await region.evaluate((box) => {
            const style = getComputedStyle(box);
            return `${style.outlineStyle} ${style.outlineWidth}`;
          }),
        ).toBe('solid 3px');
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => region.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
        if (screenshotDir)
          await page.screenshot({
            path: join(screenshotDir, `report-${texts.language}-${width}-focused.png`),
          });

        // At the far end the row labels are still in view, and the hint points back.
        await region.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
        await expect.poll(() => hint.textContent()).toBe(texts.moreLeft);
        await expect.poll(edgeShadow).toBe('0');
        if (screenshotDir)
          await page.screenshot({
            path: join(screenshotDir, `report-${texts.language}-${width}-scrolled.png`),
          });
        const label = await region.locator('tbody th').first().boundingBox();
        const box = await region.boundingBox();
        expect(label!.x).toBeGreaterThanOrEqual(box!.x - 1);
        expect(await layoutProblems(page)).toEqual([]);

        // Printed (even scrolled like this), the report is whole: no hint, no shadow, no clipping.
        await page.emulateMedia({ media: 'print' });
        expect(await page.getByRole('heading', { name: texts.heading }).isVisible()).toBe(true);
        expect(await page.getByRole('table', { name: texts.contacts }).isVisible()).toBe(true);
        expect(await hint.isVisible()).toBe(false);
        expect(
          await region.evaluate((box) => [
            getComputedStyle(box).overflowX,
            getComputedStyle(box.parentElement!, '::after').display,
            getComputedStyle(box.querySelector('tbody th')!).position,
            getComputedStyle(box.querySelector('tbody th')!).boxShadow,
          ]),
        ).toEqual(['visible', 'none', 'static', 'none']);
        await page.emulateMedia({ media: null });
      } finally {
        await phone.context.close();
      }
    },
  );
});

/** The printable width in CSS px of the @page rule the report prints on (named or the default). */
async function printableWidth(page: Page): Promise<number> {
  return page.evaluate(() => {
    // `page` is not inherited: the report is on the page named by it or its nearest ancestor.
    let name = 'auto';
    for (
      let el = document.querySelector('.report-view');
      el && name === 'auto';
      el = el.parentElement
    )
      name = getComputedStyle(el).page;
    const pages = [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .flatMap((rule) => (rule instanceof CSSMediaRule ? [...rule.cssRules] : [rule]))
      .filter((rule): rule is CSSPageRule => rule instanceof CSSPageRule);
    // The last rule of that name wins, as in the cascade; a named page falls back on the default.
    const named = pages.filter((rule) => rule.selectorText === (name === 'auto' ? '' : name));
    const rule = named.at(-1) ?? pages.filter((r) => r.selectorText === '').at(-1)!;
    const mm = (value: string) => (parseFloat(value) * 96) / 25.4;
    const size = rule.style.getPropertyValue('size');
    const paper = size.includes('landscape') ? 297 : 210;
    const left =
      rule.style.getPropertyValue('margin-left') || rule.style.getPropertyValue('margin');
    const right = rule.style.getPropertyValue('margin-right') || left;
    return Math.floor(mm(`${paper}`) - mm(left) - mm(right.split(' ').at(-1)!));
  });
}

describe.each(phoneTexts)('the report on paper ($language)', (texts) => {
  it('prints on A4 with every table within the printable width, no word split', async () => {
    const desk = await newDevice(browser, server.url);
    try {
      const { page } = desk;
      await openReportIn(page, texts);
      await page.emulateMedia({ media: 'print' });
      const width = await printableWidth(page);
      await page.setViewportSize({ width, height: 1000 });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      if (screenshotDir) {
        await page.screenshot({
          path: join(screenshotDir, `report-print-${texts.language}.png`),
          fullPage: true,
        });
        await page.pdf({
          path: join(screenshotDir, `report-print-${texts.language}.pdf`),
          preferCSSPageSize: true,
        });
      }
      const overflowing = await page.evaluate((limit) => {
        const found: string[] = [];
        for (const table of document.querySelectorAll('table')) {
          const right = table.getBoundingClientRect().right;
          if (right > limit + 0.5) found.push(`${table.getAttribute('aria-labelledby')}: ${right}`);
        }
        if (document.documentElement.scrollWidth > limit)
          found.push(`page: ${document.documentElement.scrollWidth}`);
        return found;
      }, width);
      expect(overflowing).toEqual([]);
      expect(await layoutProblems(page)).toEqual([]);
    } finally {
      await desk.context.close();
    }
  });
});
