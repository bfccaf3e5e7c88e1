// Issue 26 end to end: a coordinator imports the team's spreadsheet in the console of the built
// app served by the real server, at 1280 and 360 px (German, and English at 360): chooses the
// file, sees the dry run (columns, new / probably recorded / refused with row, column and rule),
// takes the new cases over with a progress bar, and undoes the import. A THM's phone pulls the
// cases. The page never scrolls sideways. SCREENSHOT_DIR=/tmp/shots keeps a picture of each step.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { defaultAccounts, startE2eServer, type E2eServer } from '../support/e2e-server';
import { launchChromium, newDevice, type Device } from '../support/e2e-browser';
import { layoutProblems } from '../support/e2e-layout';

const COORDINATOR = 'clara@e2e.feldakte';
const FILE = new URL('../fixtures/import/fallliste-excel.xlsx', import.meta.url).pathname;
let server: E2eServer;
let browser: Browser;
const screenshotDir = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  server = await startE2eServer({
    accounts: [
      ...defaultAccounts,
      { email: COORDINATOR, name: 'Clara Koordination', team: 'Team E2E', role: 'coordinator' },
    ],
  });
  browser = await launchChromium();
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openImport(page: Page, language: 'de' | 'en'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-Mail').fill(COORDINATOR);
  await page.getByLabel('Passwort').fill(server.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { name: /Sachbericht Team E2E/ }).waitFor();
  await page.evaluate((chosen) => localStorage.setItem('feldakte.language', chosen), language);
  await page.goto('/import');
  await page
    .getByRole('heading', {
      name:
        language === 'de'
          ? 'Fälle aus einer Tabelle übernehmen'
          : 'Take cases over from a spreadsheet',
    })
    .waitFor();
}

async function shot(page: Page, name: string): Promise<void> {
  if (screenshotDir)
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

describe('the console import', () => {
  for (const [width, language] of [
    [1280, 'de'],
    [360, 'de'],
    [360, 'en'],
  ] as const) {
    it(`checks, takes over and undoes at ${width} px (${language})`, async () => {
      const device: Device = await newDevice(browser, server.url);
      const { page } = device;
      try {
        await page.setViewportSize({ width, height: 900 });
        await openImport(page, language);
        const de = language === 'de';
        await page.getByLabel(de ? 'Datei' : 'File', { exact: true }).setInputFiles(FILE);
        await page.getByRole('button', { name: de ? 'Datei prüfen' : 'Check file' }).click();
        await page
          .getByRole('heading', { name: de ? 'Ergebnis der Prüfung' : 'Result of the check' })
          .waitFor();
        expect(await layoutProblems(page)).toEqual([]);
        await shot(page, `import-check-${width}-${language}`);
        // Columns as recognised; refusals with row, column and the app's rule.
        expect(await page.getByLabel('Geb.-Datum').inputValue()).toBe('cases.birthDate');
        const refused = page.locator('details', {
          hasText: de ? 'Abgelehnte Zeilen' : 'Refused rows',
        });
        await expect.poll(() => refused.textContent()).toContain(de ? 'Zeile 11' : 'Row 11');
        expect(await refused.textContent()).toContain(
          de ? 'Bitte ein gültiges Geburtsdatum eingeben' : 'Please enter a valid date of birth',
        );
        // The fixture's THM is not in this team: those rows are refused, and so Zulaika (row 10)
        // is no duplicate of the refused Zuleikha (row 5) but new.
        expect(await refused.textContent()).toContain(
          de
            ? '„thm1@example.org“ ist keine THM-Fachkraft'
            : '“thm1@example.org” is no case worker',
        );
        const run = page.getByRole('button', { name: de ? /neue Fälle übernehmen/ : /new cases/ });
        const label = await run.textContent();
        const count = Number(/\d+/.exec(label ?? '')![0]);
        expect(count).toBeGreaterThan(0);
        await run.click();
        await page
          .getByText(de ? `${count} Fälle übernommen` : `${count} cases taken over`)
          .waitFor();
        expect(await page.locator('progress').getAttribute('value')).toBe(String(count));
        expect(await layoutProblems(page)).toEqual([]);
        await shot(page, `import-done-${width}-${language}`);
        const [live] = await server.store.query<{ n: number | string }>(
          `SELECT count(*) AS n FROM records r JOIN teams t ON t.id = r.team_id
            WHERE t.name = 'Team E2E' AND r.tbl = 'cases' AND NOT r.deleted`,
        );
        expect(Number(live!.n)).toBe(count);

        // Undo the whole import.
        page.once('dialog', (dialog) => void dialog.accept());
        await page
          .getByRole('button', { name: de ? 'Rückgängig machen' : 'Undo' })
          .first()
          .click();
        await page
          .getByText(de ? 'Der Import wurde rückgängig gemacht.' : 'The import was undone.')
          .waitFor();
        const [after] = await server.store.query<{ n: number | string }>(
          `SELECT count(*) AS n FROM records r JOIN teams t ON t.id = r.team_id
            WHERE t.name = 'Team E2E' AND r.tbl = 'cases' AND NOT r.deleted`,
        );
        expect(Number(after!.n)).toBe(0);
        await shot(page, `import-undone-${width}-${language}`);
        expect(device.errors).toEqual([]);
      } finally {
        await device.context.close();
      }
    });
  }
});
