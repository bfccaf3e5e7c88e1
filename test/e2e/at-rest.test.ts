// Issue 11 end to end: the built app on the real server in headless Chromium. After a case with a
// distinctive name, note, phone number and place is saved and synced, none of those strings is
// anywhere in what the origin stores (every object store of every IndexedDB database,
// localStorage, every Cache Storage entry). Then: auto-lock, offline unlock with the PIN, a change
// saved just before the lock reaching the server by Background Sync with the app closed, ten wrong
// PINs wiping the device, and a revoked device wiping itself at its next sync.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startE2eServer, type E2eServer } from '../support/e2e-server';
import {
  E2E_PIN,
  goto,
  launchChromium,
  newDevice,
  outboxCount,
  setOffline,
  signIn,
  syncChip,
  syncNow,
  unlockIfLocked,
  waitForServiceWorker,
  waitForSynced,
  type Device,
} from '../support/e2e-browser';
import { runAdmin } from '../../src/server/cli/admin';

const NAME = { given: 'Zuleikha', family: 'Wardakquist' };
const PHONE = '0176 98765432';
const PLACE = 'Notunterkunft Kolkwitzstraße';
const NOTE = 'Angst vor der Abschiebung, Bruder in Quetta';
const DISTINCTIVE = [NAME.given, NAME.family, '98765432', 'Kolkwitz', 'Abschiebung', 'Quetta'];

let server: E2eServer;
let browser: Browser;
let lena: Device;
let omar: Device;
let caseUrl: string;
const within = { timeout: 20_000, interval: 100 };

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchChromium();
  lena = await newDevice(browser, server.url);
  omar = await newDevice(browser, server.url);
  await signIn(lena.page, server.accounts[0]!.email, server.password);
  await signIn(omar.page, server.accounts[1]!.email, server.password);
  for (const phone of [lena, omar]) {
    await waitForServiceWorker(phone.page);
    await waitForSynced(phone.page);
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything the origin stores, as text: typed arrays decoded too, so clear text inside shows. */
function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const decoder = new TextDecoder('utf-8', { fatal: false });
    const text = (value: unknown): string =>
      JSON.stringify(value, (_key, item: unknown) =>
        ArrayBuffer.isView(item)
          ? `bytes:${decoder.decode(item as Uint8Array)}`
          : item instanceof ArrayBuffer
            ? `bytes:${decoder.decode(item)}`
            : item,
      );
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(`${info.name}/${store}: ${text(rows)}`);
      }
      db.close();
    }
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      parts.push(`localStorage ${key}: ${localStorage.getItem(key)}`);
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        parts.push(`cache ${name} ${request.url}: ${response ? await response.text() : ''}`);
      }
    }
    return parts.join('\n');
  });
}

async function lockNow(page: Page): Promise<void> {
  await goto(page, '/mehr');
  await page.getByRole('button', { name: 'Jetzt sperren' }).click();
  await page.getByRole('heading', { name: 'Feldakte ist gesperrt' }).waitFor();
}

async function dispatchBackgroundSync(device: Device): Promise<void> {
  const cdp = await device.context.newCDPSession(device.page);
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
}

describe('encryption at rest', () => {
  it('no name, note, phone number or place is anywhere in what the origin stores', async () => {
    const { page } = lena;
    await goto(page, '/faelle/neu');
    await page.getByLabel('Vorname').fill(NAME.given);
    await page.getByLabel('Nachname').fill(NAME.family);
    await page.getByLabel('Telefon').first().fill(PHONE);
    await page.locator('details > summary').first().click();
    await page.getByLabel('Unterkunft').fill(PLACE);
    await page.getByLabel('Lebenswelt').fill(NOTE);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/faelle\/[0-9a-f-]{36}$/);
    caseUrl = new URL(page.url()).pathname;
    await waitForSynced(page);
    // The other phone pulled it too: both databases hold it, encrypted.
    await syncNow(omar.page);
    await goto(omar.page, caseUrl);
    await omar.page.getByText(PHONE).first().waitFor();
    // And the search finds it by name on the device (the index lives in memory only).
    await goto(page, '/faelle');
    await page.getByRole('searchbox').fill('wardak');
    await page.getByText(NAME.family).first().waitFor();

    for (const phone of [lena, omar]) {
      const stored = await storedText(phone.page);
      expect(stored).toContain('/cases: '); // the scan did read the case tables
      for (const secret of DISTINCTIVE) {
        expect(stored.toLowerCase()).not.toContain(secret.toLowerCase());
      }
    }
  });
});

describe('locking', () => {
  it('unlocks offline with the PIN; a change saved just before the lock arrives by Background Sync with the app closed', async () => {
    const { page } = lena;
    await setOffline(lena, true);
    await page.reload();
    await unlockIfLocked(page); // offline: the PIN alone opens the data
    await goto(page, `${caseUrl}/bearbeiten`);
    await page.getByLabel('Telefon').first().fill('0176 11122233');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL((url) => url.pathname === caseUrl);
    expect(await outboxCount(page)).toBe(1);
    await lockNow(page);
    expect(await page.locator('body').textContent()).not.toMatch(/Zuleikha|Wardakquist|Lena/);

    // Close the app, come back online; the locked service worker pushes the sealed copy.
    await page.goto('about:blank');
    await setOffline(lena, false);
    await dispatchBackgroundSync(lena);
    await vi.waitFor(
      async () => {
        await syncNow(omar.page);
        await goto(omar.page, caseUrl);
        expect(await omar.page.getByText('0176 11122233').count()).toBeGreaterThan(0);
      },
      { timeout: 40_000, interval: 1_000 },
    );
    // Unlocked again, the next sync confirms it and empties the outbox.
    await goto(page, caseUrl);
    await waitForSynced(page);
  });

  it('auto-locks after the set minutes without interaction; the lock screen shows no personal data', async () => {
    const { page, context } = omar;
    await context.clock.install();
    await goto(page, '/mehr');
    await page.getByLabel('Sperren nach so vielen Minuten ohne Bedienung').selectOption('1');
    await goto(page, caseUrl);
    await page.getByText(NAME.family).first().waitFor();
    await context.clock.fastForward(61_000);
    await page.getByRole('heading', { name: 'Feldakte ist gesperrt' }).waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(/Zuleikha|Wardakquist|Omar/);
    await unlockIfLocked(page);
    await page.getByText(NAME.family).first().waitFor();
  });

  it('ten wrong PINs delete the local database and say why; from the 4th try on each waits ([K8])', async () => {
    const { page, context } = omar;
    await lockNow(page);
    for (let attempt = 1; attempt <= 10; attempt++) {
      if (attempt > 3) {
        // The try waits: counted down on the button; the page's clock runs the wait off.
        await page.getByRole('button', { name: /^Bitte warten/ }).waitFor();
        await context.clock.fastForward('15:00');
        await page.getByRole('button', { name: 'Entsperren' }).waitFor();
      }
      await page.getByLabel('PIN', { exact: true }).fill('000111');
      await page.getByRole('button', { name: 'Entsperren' }).click();
      if (attempt < 10) {
        await page.getByText(`Noch ${10 - attempt} Versuch`).waitFor();
      }
      if (attempt === 5) {
        await page.getByText('Nach 5 weiteren Fehlversuchen').waitFor();
      }
    }
    await page.getByText(/PIN wurde 10-mal falsch eingegeben/).waitFor();
    const names = await page.evaluate(async () =>
      (await indexedDB.databases()).map((db) => db.name),
    );
    expect(names.filter((name) => name !== 'feldakte-device')).toEqual([]);
    expect(E2E_PIN).not.toBe('000111');
  });
});

describe('devices', () => {
  it('a revoked device deletes its data at its next sync and says why', async () => {
    const { page } = lena;
    const deviceId = await page.evaluate(() => localStorage.getItem('feldakte.deviceId'));
    expect(deviceId).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await runAdmin(
      ['device', 'list', '--email', server.accounts[0]!.email],
      server.store,
    );
    expect(listed).toContain(deviceId);
    await runAdmin(
      ['device', 'revoke', '--email', server.accounts[0]!.email, '--device', deviceId!],
      server.store,
    );
    await syncChip(page).click();
    await page.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
    await page.getByText(/Dieses Gerät wurde gesperrt/).waitFor();
    await expect
      .poll(
        () =>
          page.evaluate(async () =>
            (await indexedDB.databases())
              .map((db) => db.name)
              .filter((name) => name !== 'feldakte-device'),
          ),
        within,
      )
      .toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('feldakte.user'))).toBeNull();
  });
});
