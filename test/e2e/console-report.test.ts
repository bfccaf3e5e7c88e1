// Issue 14 end to end: a coordinator signs in to the built app served by the real server, sees
// the team's anonymised report, downloads the CSV, and afterwards the browser holds no case data.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { defaultAccounts, startE2eServer, type E2eServer } from '../support/e2e-server';
import { launchChromium, newDevice, type Device } from '../support/e2e-browser';
import { seedCaseLoad } from '../support/e2e-seed';

const COORDINATOR = 'clara@e2e.feldakte';
let server: E2eServer;
let browser: Browser;
let device: Device;

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
});

afterAll(async () => {
  await device?.context.close();
  await browser?.close();
  await server?.close();
});

describe('the console for a coordinator', () => {
  it('shows the report, downloads the CSV and keeps no case data on the device', async () => {
    const { page, context } = device;
    // No PIN for the console: it keeps no data on the device to lock.
    await page.goto('/');
    await page.getByLabel('E-Mail').fill(COORDINATOR);
    await page.getByLabel('Passwort').fill(server.password);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByRole('heading', { name: /Sachbericht Team E2E/ }).waitFor();
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
