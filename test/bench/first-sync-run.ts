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
  /** Chromium's CPU throttle (CDP Emulation.setCPUThrottlingRate), e.g. 4; also on for raw. */
  cpuThrottle?: number;
  /**
   * Watch the main thread while the records fill (issue 28 item 3): long tasks (PerformanceObserver
   * 'longtask') and, with `tapEveryMs`, real taps (CDP input) on the bottom navigation, each timed
   * from its dispatch to the paint after its click handlers ran.
   */
  responsiveness?: { tapEveryMs?: number };
}

/** The main thread while the records filled, from the first pull until "Synchronisiert". */
export interface Responsiveness {
  longTasks: number;
  longTasksTotalMs: number;
  longestTaskMs: number;
  taps: number;
  /** From a tap's dispatch to the paint after it. */
  tapP95Ms: number;
  tapMaxMs: number;
}

export interface FirstSyncFigures {
  /** From the click on "Anmelden" until the chip says "Synchronisiert". */
  totalMs: number;
  /** From the first pull request until then. */
  syncMs: number;
  pulls: number;
  /** Bytes of the pull answers as they came over the wire (compressed or not). */
  pullWireBytes: number;
  responsiveness?: Responsiveness;
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
  if (options.cpuThrottle) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottle });
  }
  if (options.responsiveness) await page.evaluate(watchMainThread);
  const clickedAt = Date.now();
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  // The first sign-in on a device sets the PIN (issue 11); the first sync already runs meanwhile.
  await page.getByLabel('Neue PIN').fill('482915');
  await page.getByLabel('Wiederholen').fill('482915');
  await page.getByRole('button', { name: 'Festlegen und öffnen' }).click();
  const synced = () =>
    page.waitForFunction(
      () => document.querySelector('.sync-chip__button')?.textContent?.trim() === 'Synchronisiert',
      null,
      { polling: 50 },
    );
  const tapsSent: number[] = [];
  if (options.responsiveness?.tapEveryMs) {
    const every = options.responsiveness.tapEveryMs;
    // Real taps (CDP input) alternating between two tabs of the bottom navigation, while the
    // records fill; each waits for the one before.
    const tabs = page.locator('nav.bottom-nav a');
    await tabs.first().waitFor();
    let done = false;
    const finished = synced().then(() => (done = true));
    while (!done) {
      const tab = tabs.nth(tapsSent.length % 2 === 0 ? 2 : 0);
      const box = await tab.boundingBox();
      if (box) {
        tapsSent.push(Date.now());
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      }
      await Promise.race([finished, new Promise((r) => setTimeout(r, every))]);
    }
  } else {
    await synced();
  }
  const doneAt = Date.now();
  const responsiveness = options.responsiveness
    ? await page.evaluate(readMainThread, {
        from: firstPullAt || clickedAt,
        to: doneAt,
        tapsSent,
      })
    : undefined;
  if (options.cpuThrottle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
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
    ...(responsiveness ? { responsiveness } : {}),
  };
}

declare global {
  interface Window {
    __benchMainThread?: { longTasks: PerformanceEntry[]; painted: number[] };
  }
}

/**
 * Runs in the page: keeps the long tasks from now on, and when each click on the bottom navigation
 * was painted (epoch ms): the frame after the click's handlers, right after its paint.
 */
function watchMainThread(): void {
  const seen = { longTasks: [] as PerformanceEntry[], painted: [] as number[] };
  window.__benchMainThread = seen;
  new PerformanceObserver((list) => seen.longTasks.push(...list.getEntries())).observe({
    type: 'longtask',
  });
  document.addEventListener(
    'click',
    (event) => {
      if (!(event.target instanceof Element) || !event.target.closest('nav.bottom-nav')) return;
      requestAnimationFrame(() =>
        setTimeout(() => seen.painted.push(performance.timeOrigin + performance.now()), 0),
      );
    },
    true,
  );
}

/**
 * Runs in the page: the long tasks between `from` and `to` (epoch ms), and for each tap sent (epoch
 * ms, in the bench's process on the same clock) the time until the first paint after it; a tap
 * never painted before `to` counts until `to`.
 */
function readMainThread({ from, to, tapsSent }: { from: number; to: number; tapsSent: number[] }) {
  const seen = window.__benchMainThread!;
  const epoch = (entry: PerformanceEntry) => performance.timeOrigin + entry.startTime;
  const tasks = seen.longTasks.filter((task) => epoch(task) >= from && epoch(task) <= to);
  const durations = tapsSent
    .map((sent) => (seen.painted.find((paint) => paint >= sent) ?? to) - sent)
    .sort((a, b) => a - b);
  return {
    longTasks: tasks.length,
    longTasksTotalMs: Math.round(tasks.reduce((sum, task) => sum + task.duration, 0)),
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((task) => task.duration))),
    taps: tapsSent.length,
    tapP95Ms: durations.length ? Math.round(durations[Math.ceil(durations.length * 0.95) - 1]!) : 0,
    tapMaxMs: durations.length ? Math.round(durations[durations.length - 1]!) : 0,
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
