// One timed first sync of the real app, shared by the first-sync, slow-network and peer benches:
// a fresh phone (its own browser context) signs in and the app's own first sync runs until the
// chip says "Synchronisiert". Optionally under Chromium's network emulation (CDP), with or
// without compressed answers, counting the bytes that came over the wire for /api/sync/pull.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { newDevice } from '../../test/support/e2e-browser';
import type { E2eServer } from '../../test/support/e2e-server';
import { tableNames } from '../../src/shared/domain/tables';

/** CDP Network.emulateNetworkConditions; throughputs in bytes per second. */
export interface NetworkProfile {
  name: string;
  latencyMs: number;
  downloadBytesPerSecond: number;
  uploadBytesPerSecond: number;
}

/** A slow mobile connection: 1.6 Mbit/s down, 750 kbit/s up, 150 ms (Lighthouse's "slow 4G"). */
export const SLOW_MOBILE: NetworkProfile = {
  name: '1,6 Mbit/s ab, 750 kbit/s auf, 150 ms',
  latencyMs: 150,
  downloadBytesPerSecond: 1_600_000 / 8,
  uploadBytesPerSecond: 750_000 / 8,
};

export interface FirstSyncOptions {
  network?: NetworkProfile;
  /** Ask the server for uncompressed answers (x-no-compression), to compare. */
  uncompressed?: boolean;
  /** Lets the PouchDB peer bench share the page (the app's CSP would forbid its script). */
  bypassCSP?: boolean;
}

export interface FirstSyncFigures {
  /** From the click on "Anmelden" until the chip says "Synchronisiert". */
  totalMs: number;
  /** From the first pull request until then. */
  syncMs: number;
  pulls: number;
  /** Bytes of the pull answers as they came over the wire (compressed or not). */
  pullWireBytes: number;
}

export interface SyncedDevice {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

/** A fresh phone with the sign-in form open (nothing timed yet). */
export async function openSignIn(
  browser: Browser,
  server: E2eServer,
  options: FirstSyncOptions = {},
): Promise<SyncedDevice> {
  const device = options.bypassCSP
    ? await newDevice(browser, server.url, { bypassCSP: true })
    : await newDevice(browser, server.url);
  const { page, context } = device;
  page.setDefaultTimeout(15 * 60_000);
  if (options.uncompressed) await page.setExtraHTTPHeaders({ 'x-no-compression': '1' });
  await page.goto('/');
  await page.getByLabel('E-Mail').waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  return { context, page, cdp };
}

/** Signs in on the open form and times the app's first sync. */
export async function timeFirstSync(
  { page, cdp }: SyncedDevice,
  email: string,
  password: string,
  options: FirstSyncOptions = {},
): Promise<FirstSyncFigures> {
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort').fill(password);
  const pullRequests = new Set<string>();
  let firstPullAt = 0;
  let pullWireBytes = 0;
  const onRequest = ({ requestId, request }: { requestId: string; request: { url: string } }) => {
    if (!request.url.endsWith('/api/sync/pull')) return;
    pullRequests.add(requestId);
    if (!firstPullAt) firstPullAt = Date.now();
  };
  const onFinished = ({
    requestId,
    encodedDataLength,
  }: {
    requestId: string;
    encodedDataLength: number;
  }) => {
    if (pullRequests.has(requestId)) pullWireBytes += encodedDataLength;
  };
  cdp.on('Network.requestWillBeSent', onRequest);
  cdp.on('Network.loadingFinished', onFinished);
  if (options.network) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: options.network.latencyMs,
      downloadThroughput: options.network.downloadBytesPerSecond,
      uploadThroughput: options.network.uploadBytesPerSecond,
    });
  }
  const clickedAt = Date.now();
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  // The first sign-in on a device sets the PIN (issue 11); the first sync already runs meanwhile.
  await page.getByLabel('Neue PIN').fill('482915');
  await page.getByLabel('Wiederholen').fill('482915');
  await page.getByRole('button', { name: 'Festlegen und öffnen' }).click();
  await page.waitForFunction(
    () => document.querySelector('.sync-chip__button')?.textContent?.trim() === 'Synchronisiert',
    null,
    { polling: 50 },
  );
  const doneAt = Date.now();
  if (options.network) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  }
  cdp.off('Network.requestWillBeSent', onRequest);
  cdp.off('Network.loadingFinished', onFinished);
  return {
    totalMs: doneAt - clickedAt,
    syncMs: doneAt - (firstPullAt || clickedAt),
    pulls: pullRequests.size,
    pullWireBytes,
  };
}

/** Records in the signed-in user's device database, per table (outbox and meta not counted). */
/** Synced records per table on the device (device-only stores such as the key vault left out). */
export async function recordsOnDevice(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async (synced: readonly string[]) => {
    const user = JSON.parse(localStorage.getItem('feldakte.user')!) as { id: string };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`feldakte-${user.id}`);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const counts: Record<string, number> = {};
    for (const name of [...db.objectStoreNames]) {
      if (!synced.includes(name)) continue;
      counts[name] = await new Promise<number>((resolve) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
      });
    }
    db.close();
    return counts;
  }, tableNames);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
