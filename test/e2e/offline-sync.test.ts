// Issue 4 end to end: the built app served by the real server, two phones in headless Chromium.
// Each test makes its own case and starts with both phones online, so each can run (and fail) alone.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import type { E2eServer } from '../support/e2e-server';
import { startTwoPhones, type TwoPhones } from '../support/e2e-team';
import {
  outboxCount,
  setOffline,
  syncChip,
  syncNow,
  waitForSynced,
  type Device,
  goto,
  unlockIfLocked,
} from '../support/e2e-browser';

let server: E2eServer;
let phoneA: Device;
let phoneB: Device;
const within = { timeout: 20_000, interval: 100 };

let team: TwoPhones | undefined;

beforeAll(async () => {
  team = await startTwoPhones();
  ({ server, phoneA, phoneB } = team);
});

afterAll(async () => {
  await team?.close();
});

async function createCase(page: Page, givenName: string, familyName: string): Promise<string> {
  await goto(page, '/faelle/neu');
  await page.getByLabel('Vorname').fill(givenName);
  await page.getByLabel('Nachname').fill(familyName);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.waitForURL(/\/faelle\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** A case made on phone A while online and pulled by phone B. */
async function sharedCase(familyName: string): Promise<string> {
  const url = await createCase(phoneA.page, 'Amina', familyName);
  await waitForSynced(phoneA.page);
  await syncNow(phoneB.page);
  await goto(phoneB.page, url);
  await phoneB.page.getByText(familyName).first().waitFor();
  return url;
}

async function editField(page: Page, url: string, label: string, value: string): Promise<void> {
  await goto(page, `${url}/bearbeiten`);
  await page.getByLabel(label, { exact: false }).first().fill(value);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.waitForURL((target) => target.pathname === url);
}

describe('offline on the phone', () => {
  beforeEach(async () => {
    await setOffline(phoneA, false);
    await setOffline(phoneB, false);
  });

  it('opens offline after a reload, keeps work on the device, and syncs it when back online', async () => {
    const { page } = phoneA;
    await setOffline(phoneA, true);
    await page.reload();
    // The reload dropped the key: the PIN opens the data again, offline.
    await unlockIfLocked(page);

    const caseUrl = await createCase(page, 'Amina', 'Haddad');
    await editField(page, caseUrl, 'Telefon', '0171 1234567');
    await expect.poll(() => page.getByText('0171 1234567').count(), within).toBeGreaterThan(0);
    expect(await outboxCount(page)).toBe(2);
    await expect
      .poll(async () => (await syncChip(page).textContent())?.trim(), within)
      .toBe('Keine Verbindung · 2 Änderungen offen');
    await expect
      .poll(() => page.getByText('nicht synchronisiert').count(), within)
      .toBeGreaterThan(0);

    await setOffline(phoneA, false);
    await waitForSynced(page);
    await expect.poll(() => page.getByText('nicht synchronisiert').count(), within).toBe(0);
  });

  it('a second phone of the team sees the case', async () => {
    const caseUrl = await createCase(phoneA.page, 'Amina', 'Karimi');
    await editField(phoneA.page, caseUrl, 'Telefon', '0171 2345678');
    await waitForSynced(phoneA.page);
    const { page } = phoneB;
    await syncNow(page);
    await goto(page, '/faelle');
    await page.getByText('Karimi').first().waitFor();
    await goto(page, caseUrl);
    await page.getByText('0171 2345678').first().waitFor();
  });

  it('edits of different fields made offline on two phones both survive', async () => {
    const caseUrl = await sharedCase('Yilmaz');
    await setOffline(phoneA, true);
    await setOffline(phoneB, true);
    await editField(phoneA.page, caseUrl, 'Telefon', '0171 7654321');
    await editField(phoneB.page, caseUrl, 'Geburtsdatum', '2004-05-17');

    await setOffline(phoneA, false);
    await waitForSynced(phoneA.page);
    await setOffline(phoneB, false);
    await waitForSynced(phoneB.page);
    await syncNow(phoneA.page);

    for (const { page } of [phoneA, phoneB]) {
      await goto(page, caseUrl);
      await page.getByText('0171 7654321').first().waitFor();
      await page.getByText('17.05.2004').first().waitFor();
    }
  });

  it('edits of the same field give a visible conflict, and the THM can re-apply their value', async () => {
    const caseUrl = await sharedCase('Osman');
    await setOffline(phoneA, true);
    await setOffline(phoneB, true);
    await editField(phoneA.page, caseUrl, 'Telefon', '0160 1111111');
    await editField(phoneB.page, caseUrl, 'Telefon', '0160 2222222');

    await setOffline(phoneA, false);
    await waitForSynced(phoneA.page);
    await setOffline(phoneB, false);
    await waitForSynced(phoneB.page);

    // Omar's edit came later and is kept; Lena's value lost and waits for her review.
    const { page } = phoneA;
    await syncChip(page).click();
    await page.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
    await expect
      .poll(async () => (await syncChip(page).textContent())?.trim(), within)
      .toBe('1 Konflikt prüfen');
    await goto(page, '/mehr/konflikte');
    const card = page.getByRole('article').filter({ hasText: 'Telefon' });
    await expect.poll(() => card.textContent(), within).toContain('Ihr Wert0160 1111111');
    await expect.poll(() => card.textContent(), within).toContain('Behaltener Wert0160 2222222');
    await card.getByRole('button', { name: 'Meinen Wert übernehmen' }).click();
    await page.getByText('Keine offenen Konflikte.').waitFor();
    await waitForSynced(page);

    await syncNow(phoneB.page);
    await goto(phoneB.page, caseUrl);
    await phoneB.page.getByText('0160 1111111').first().waitFor();
    expect(phoneA.errors).toEqual([]);
    expect(phoneB.errors).toEqual([]);
  });

  it('Background Sync in the service worker sends work made offline after the app was closed', async () => {
    const caseUrl = await sharedCase('Rahimi');
    const { page, context } = phoneA;
    await setOffline(phoneA, true);
    await editField(page, caseUrl, 'Telefon', '0152 3333333');
    expect(await outboxCount(page)).toBe(1);

    // Close the app (the page leaves it), come back online, and let the browser fire 'sync'.
    await page.goto('about:blank');
    await setOffline(phoneA, false);
    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r: { scopeURL: string }) =>
          r.scopeURL.startsWith(server.url),
        );
        if (ours) resolve(ours.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: server.url,
      registrationId: await registration,
      tag: 'feldakte-sync',
      lastChance: false,
    });

    // The worker's sync runs on its own time: phone B pulls until the change has arrived.
    await goto(phoneB.page, caseUrl);
    await vi.waitFor(
      async () => {
        await syncNow(phoneB.page);
        expect(await phoneB.page.getByText('0152 3333333').count()).toBeGreaterThan(0);
      },
      { timeout: 30_000, interval: 500 },
    );
    await goto(page, caseUrl);
    await waitForSynced(page);
  });
});
