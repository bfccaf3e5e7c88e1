// The first install carries what a THM needs offline and nothing else (issue 15, first install
// budget): the online console, the English catalogue and the person texts in languages other than
// German are not precached. Each is kept by the service worker the first time it is loaded, so the
// texts screen, visited once online, shows every language offline; English, chosen once online,
// still speaks English offline. The built app, the real server, Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startE2eServer, type E2eServer } from '../support/e2e-server';
import {
  E2E_PIN,
  goto,
  launchChromium,
  newDevice,
  setOffline,
  signIn,
  waitForServiceWorker,
  type Device,
} from '../support/e2e-browser';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every URL path in the origin's caches, by cache name. */
function cachedPaths(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const result: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      result[name] = (await cache.keys()).map((request) => new URL(request.url).pathname);
    }
    return result;
  });
}

async function signedInPhone(): Promise<Device> {
  const phone = await newDevice(browser, server.url);
  await signIn(phone.page, server.accounts[0]!.email, server.password);
  await waitForServiceWorker(phone.page);
  return phone;
}

describe('first install', () => {
  it('precaches the shell but not the console, English or the other languages of the texts', async () => {
    const phone = await signedInPhone();
    const { page } = phone;
    // The precache is complete once the worker controls the page (install waited for it).
    const caches = await cachedPaths(page);
    const precached = Object.entries(caches)
      .filter(([name]) => name.includes('precache'))
      .flatMap(([, paths]) => paths);
    expect(precached).toContain('/index.html');
    expect(precached.some((path) => /^\/assets\/screens-(?!shared-).+\.js$/.test(path))).toBe(true);
    // German person texts are in the install too: the offline test below opens them.
    expect(precached.filter((path) => /console-app|messages-en|\/assets\/ar-/.test(path))).toEqual(
      [],
    );
    await phone.context.close();
  });

  it('keeps the person texts of every language offline after one visit online', async () => {
    const phone = await signedInPhone();
    const { page } = phone;
    await goto(page, '/datenschutz');
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    // The screen loads all languages once; wait until the worker has kept them.
    await expect
      .poll(async () => (await cachedPaths(page))['feldakte-on-demand']?.length ?? 0, {
        timeout: 20_000,
      })
      .toBeGreaterThanOrEqual(9);

    await setOffline(phone, true);
    await goto(page, '/datenschutz');
    await page.getByLabel('Sprache').selectOption('ar');
    const text = page.locator('article.person-text');
    await expect.poll(() => text.getAttribute('dir')).toBe('rtl');
    await expect.poll(() => text.getAttribute('lang')).toBe('ar');
    expect(await page.getByText('noch nicht auf dem Gerät').count()).toBe(0);
    await phone.context.close();
  });

  it('says so offline when a language was never loaded on the device', async () => {
    const phone = await signedInPhone();
    const { page } = phone;
    await setOffline(phone, true);
    await goto(page, '/datenschutz');
    await page.getByLabel('Sprache').selectOption('uk');
    await page.getByText('Dieser Text ist noch nicht auf dem Gerät').waitFor();
    // German is installed with the app.
    await page.getByLabel('Sprache').selectOption('de');
    await expect.poll(() => page.locator('article.person-text').getAttribute('lang')).toBe('de');
    await phone.context.close();
  });

  it('speaks English offline once English was chosen online', async () => {
    const phone = await signedInPhone();
    const { page } = phone;
    await goto(page, '/mehr');
    await page.getByLabel('English').check();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await expect
      .poll(async () =>
        ((await cachedPaths(page))['feldakte-on-demand'] ?? []).some((path) =>
          path.includes('messages-en'),
        ),
      )
      .toBe(true);
    await setOffline(phone, true);
    await page.reload();
    await page.getByLabel('PIN', { exact: true }).fill(E2E_PIN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await phone.context.close();
  });
});
