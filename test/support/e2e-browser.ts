// Headless Debian Chromium driven by playwright-core (never a downloaded browser), one context per
// device, and the waits every offline test needs: signed in, controlled by the service worker,
// synced. Every wait is on state a person would see, never a fixed sleep.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, vi } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const UI_TIMEOUT_MS = 20_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

const DEVICE_OPTIONS = {
  viewport: { width: 390, height: 800 },
  locale: 'de-DE',
  timezoneId: 'Europe/Berlin',
  serviceWorkers: 'allow',
} as const;

export interface Device {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors (a test may assert there are none). */
  errors: string[];
}

/** A phone of its own: a fresh context (own storage, own service worker) with a small screen. */
export async function newDevice(
  browser: Browser,
  baseUrl: string,
  options: { bypassCSP?: boolean } = {},
): Promise<Device> {
  const context = await browser.newContext({ ...options, ...DEVICE_OPTIONS, baseURL: baseUrl });
  return deviceOf(context);
}

/**
 * A phone whose browser keeps its profile in `profileDir` (a real Chromium user data directory:
 * session-restore files, IndexedDB, caches): closing it and launching again is a browser restart.
 */
export async function launchPersistentDevice(profileDir: string, baseUrl: string): Promise<Device> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    ...DEVICE_OPTIONS,
    baseURL: baseUrl,
  });
  return deviceOf(context);
}

async function deviceOf(context: BrowserContext): Promise<Device> {
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  // tsx (benchmarks) compiles with keepNames: functions passed to page.evaluate call __name.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A violation of the server's CSP ([S6]) is an error too: the browser blocked part of the app.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      errors.push(message.text());
  });
  return { context, page, errors };
}

/** The PIN every e2e phone sets after its first sign-in. */
export const E2E_PIN = '482915';

/**
 * Opens the app and signs in with the form, sets the device PIN (first sign-in on the device);
 * resolves when the signed-in shell shows.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByLabel('Neue PIN').fill(E2E_PIN);
  await page.getByLabel('Wiederholen').fill(E2E_PIN);
  await page.getByRole('button', { name: 'Festlegen und öffnen' }).click();
  await page.getByRole('navigation').waitFor();
}

/** A full page load drops the key: the lock screen asks for the PIN (offline too). */
export async function unlockIfLocked(page: Page, pin = E2E_PIN): Promise<void> {
  const locked = page.getByRole('heading', { name: 'Feldakte ist gesperrt' });
  const shell = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await locked.or(shell).first().waitFor();
  if (!(await locked.isVisible())) return;
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Entsperren' }).click();
  await shell.waitFor();
}

/** page.goto for an app page: loads it and unlocks with the PIN. */
export async function goto(page: Page, url: string): Promise<void> {
  await page.goto(url);
  if (url !== 'about:blank') await unlockIfLocked(page);
}

/** The service worker controls the page, so a reload works offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  // Installing precaches the whole shell: on a busy CI machine that can take a while.
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, {
    timeout: 60_000,
    polling: 200,
  });
}

/** The chip, i.e. the outcome of the last real round trip. */
export function syncChip(page: Page) {
  return page.locator('.sync-chip__button');
}

/**
 * Waits until the chip reports a successful sync and the device's outbox is empty (the chip alone
 * could still show the state from before a write that just happened).
 */
export async function waitForSynced(page: Page): Promise<void> {
  // vi.waitFor also works in beforeAll, where expect.poll is not allowed.
  await vi.waitFor(
    async () => {
      const state = `${(await syncChip(page).textContent())?.trim()} / ${await outboxCount(page)}`;
      expect(state).toBe('Synchronisiert / 0');
    },
    { timeout: UI_TIMEOUT_MS, interval: 100 },
  );
}

/** Unsynced changes in the signed-in user's database on this device. */
export function outboxCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const user = JSON.parse(localStorage.getItem('feldakte.user') ?? 'null') as {
      id: string;
    } | null;
    if (!user) return -1;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`feldakte-${user.id}`);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        const request = db.transaction('outbox').objectStore('outbox').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  });
}

/** Starts a sync now through the chip's details ("Jetzt synchronisieren") and waits for it. */
export async function syncNow(page: Page): Promise<void> {
  await syncChip(page).click();
  await page.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
  await waitForSynced(page);
  await syncChip(page).click();
}

export async function setOffline(device: Device, offline: boolean): Promise<void> {
  await device.context.setOffline(offline);
}
