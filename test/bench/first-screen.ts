// Budget (ARCHITECTURE.md §6): the first screen from the service worker cache with 5,000 cases on
// the device under 4x CPU throttling, <= 1 s. Since issue 11 every start opens on the lock screen,
// so that is what this bench times; from the PIN to Heute is the unlock-to-today bench's. A phone signs in and syncs the team's cases, the
// service worker takes control; then, offline (so every byte comes from the service worker's
// cache) and with Chromium's CPU throttled 4x, the app is reloaded several times and the time from
// navigation start until "Heute" shows with the sync chip (read from IndexedDB) is measured.
import { startE2eServer } from '../../test/support/e2e-server';
import { seedCaseLoad } from '../../test/support/e2e-seed';
import {
  launchChromium,
  newDevice,
  signIn,
  waitForServiceWorker,
  waitForSynced,
} from '../../test/support/e2e-browser';
import { finish } from './budget';

const CASES = Number(process.env.BENCH_CASES ?? 5_000);
const CHILDREN_PER_CASE = 4;
const RUNS = 5;
const BUDGET_MS = 1_000;

const server = await startE2eServer();
const browser = await launchChromium();
try {
  const [lena, omar] = server.accounts;
  const seeded = await seedCaseLoad(server, {
    email: lena!.email,
    cases: CASES,
    childrenPerCase: CHILDREN_PER_CASE,
  });
  console.log(`Server gefüllt: ${seeded.records} Datensätze (${CASES} Fälle)`);

  const device = await newDevice(browser, server.url);
  const { page, context } = device;
  page.setDefaultTimeout(5 * 60_000);
  await signIn(page, omar!.email, server.password);
  await waitForServiceWorker(page);
  await waitForSynced(page).catch(async () => {
    // A big first sync may need longer than the UI wait; the chip decides.
    await page.waitForFunction(
      () => document.querySelector('.sync-chip__button')?.textContent?.trim() === 'Synchronisiert',
    );
  });
  const onDevice = await page.evaluate(async () => {
    const user = JSON.parse(localStorage.getItem('feldakte.user')!) as { id: string };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`feldakte-${user.id}`);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = await new Promise<number>((resolve) => {
      const request = db.transaction('cases').objectStore('cases').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return count;
  });
  console.log(`Fälle auf dem Gerät: ${onDevice}`);

  await context.setOffline(true);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  // The page notes the moment the first screen is complete (a MutationObserver, so measuring does
  // not poll the throttled page): the shell with the bottom navigation, the "Heute" intro, and the
  // sync chip, which appears only after the user's database answered.
  await page.addInitScript(`
    new MutationObserver((_, observer) => {
      // Since issue 11 a reload opens on the lock screen (the key left memory): that is the
      // first screen; unlocking is timed by the at-rest bench.
      if (
        document.querySelector('.lock-screen form') ||
        (document.querySelector('.bottom-nav') &&
          document.querySelector('.app-main .page-intro') &&
          document.querySelector('.sync-chip__button'))
      ) {
        window.__firstScreenMs = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  `);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction(() => '__firstScreenMs' in window, null, {
      polling: 200,
    });
    const { ms, fromSw } = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        ms: (window as unknown as { __firstScreenMs: number }).__firstScreenMs,
        fromSw: nav.workerStart > 0 || nav.transferSize === 0,
      };
    });
    if (!fromSw) throw new Error('Die Seite kam nicht aus dem Service-Worker-Cache.');
    times.push(Math.round(ms));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `Erster Bildschirm (offline, Service-Worker-Cache, CPU 4x gedrosselt): ${times.join(' / ')} ms`,
  );
  console.log(
    `Median ${median} ms; Budget <= ${BUDGET_MS} ms: ${median <= BUDGET_MS ? 'eingehalten' : 'überschritten'}`,
  );
  finish(
    'first-screen',
    { cases: onDevice, runsMs: times, medianMs: median },
    {
      figure: `lock screen median ${median} ms`,
      budget: `<= ${BUDGET_MS} ms`,
      within: median <= BUDGET_MS,
    },
  );
} finally {
  await browser.close();
  await server.close();
}
