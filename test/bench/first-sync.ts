// Budget (ARCHITECTURE.md §6): the first sync of 10,000 cases + 40,000 child records into
// IndexedDB in Chromium from the real server, <= 10 s, and >= 50% of raw IndexedDB bulk-put speed
// measured in the same run and page. The team's data are pushed to a fresh server first (not
// timed); then a new phone signs in and the app's own first sync is timed until the chip says
// "Synchronisiert". Afterwards the same records go into a raw IndexedDB database with the same
// object stores and indexes, in one transaction per pull page, in that same page.
import { startE2eServer } from '../../test/support/e2e-server';
import { seedCaseLoad } from '../../test/support/e2e-seed';
import { launchChromium, newDevice, syncChip } from '../../test/support/e2e-browser';
import { PULL_PAGE_SIZE } from '../../src/client/features/sync/pull-page-size';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const CHILDREN_PER_CASE = 4;
const BUDGET_MS = 10_000;

const server = await startE2eServer();
const browser = await launchChromium();
try {
  const [lena, omar] = server.accounts;
  const seeded = await seedCaseLoad(server, {
    email: lena!.email,
    cases: CASES,
    childrenPerCase: CHILDREN_PER_CASE,
  });
  console.log(`Server gefüllt: ${seeded.records} Datensätze in ${(seeded.ms / 1000).toFixed(1)} s`);

  const { page } = await newDevice(browser, server.url);
  page.setDefaultTimeout(10 * 60_000);
  await page.goto('/');
  await page.getByLabel('E-Mail').fill(omar!.email);
  await page.getByLabel('Passwort').fill(server.password);
  let firstPullAt = 0;
  page.on('request', (request) => {
    if (!firstPullAt && request.url().endsWith('/api/sync/pull')) firstPullAt = Date.now();
  });
  const clickedAt = Date.now();
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForFunction(
    () => document.querySelector('.sync-chip__button')?.textContent?.trim() === 'Synchronisiert',
    null,
    { polling: 50 },
  );
  const doneAt = Date.now();
  const chip = (await syncChip(page).textContent())?.trim();

  const measured = await page.evaluate(rawBulkPut, PULL_PAGE_SIZE);
  const totalMs = doneAt - clickedAt;
  const syncMs = doneAt - (firstPullAt || clickedAt);
  const records = measured.records;
  const syncRate = records / (syncMs / 1000);
  const rawRate = records / (measured.rawMs / 1000);
  const ratio = syncRate / rawRate;

  console.log(
    `Chip: ${chip}; Datensätze auf dem Gerät: ${records} (${JSON.stringify(measured.perTable)})`,
  );
  console.log(`Erste Synchronisierung (ab Anmelden): ${(totalMs / 1000).toFixed(2)} s`);
  console.log(
    `  davon Abruf und Speichern (ab erstem Pull): ${(syncMs / 1000).toFixed(2)} s, ${Math.round(syncRate)} Datensätze/s`,
  );
  console.log(
    `Rohes IndexedDB-Bulk-Put (gleiche Seite, ${PULL_PAGE_SIZE} je Transaktion): ${(measured.rawMs / 1000).toFixed(2)} s, ${Math.round(rawRate)} Datensätze/s`,
  );
  console.log(`Verhältnis Sync / rohes Put: ${(ratio * 100).toFixed(0)} % (Ziel >= 50 %)`);
  console.log(
    `Budget <= ${BUDGET_MS / 1000} s: ${totalMs <= BUDGET_MS ? 'eingehalten' : 'überschritten'}`,
  );
  console.log(
    JSON.stringify({
      records,
      totalMs,
      syncMs,
      recordsPerSecond: Math.round(syncRate),
      rawBulkPutRecordsPerSecond: Math.round(rawRate),
      ratio: Number(ratio.toFixed(3)),
      withinBudget: totalMs <= BUDGET_MS,
      ratioGoalMet: ratio >= 0.5,
    }),
  );
  if (records !== seeded.records) {
    console.error(`Es fehlen Datensätze: ${seeded.records} erwartet, ${records} auf dem Gerät.`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * Runs in the page: reads the synced records (not timed), then puts them into a fresh database
 * with the same stores and indexes, `batch` records per transaction (timed).
 */
async function rawBulkPut(batch: number) {
  const request = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const user = JSON.parse(localStorage.getItem('feldakte.user')!) as { id: string };
  const app = await request(indexedDB.open(`feldakte-${user.id}`));
  const recordStores = [...app.objectStoreNames].filter(
    (name) => !['outbox', 'rejections', 'meta'].includes(name),
  );
  const schema = recordStores.map((name) => {
    const store = app.transaction(name).objectStore(name);
    const indexes = [...store.indexNames].map((index) => {
      const i = store.index(index);
      return { name: index, keyPath: i.keyPath, multiEntry: i.multiEntry, unique: i.unique };
    });
    return { name, keyPath: store.keyPath, indexes };
  });
  const rows: { store: string; value: unknown }[] = [];
  const perTable: Record<string, number> = {};
  for (const name of recordStores) {
    const values = await request(app.transaction(name).objectStore(name).getAll());
    perTable[name] = values.length;
    for (const value of values) rows.push({ store: name, value });
  }
  app.close();

  const rawName = `bench-raw-${Date.now()}`;
  const open = indexedDB.open(rawName, 1);
  open.onupgradeneeded = () => {
    for (const { name, keyPath, indexes } of schema) {
      const store = open.result.createObjectStore(name, { keyPath });
      for (const index of indexes) {
        store.createIndex(index.name, index.keyPath, {
          multiEntry: index.multiEntry,
          unique: index.unique,
        });
      }
    }
  };
  const raw = await request(open);
  const started = performance.now();
  for (let i = 0; i < rows.length; i += batch) {
    const slice = rows.slice(i, i + batch);
    const stores = [...new Set(slice.map((row) => row.store))];
    const tx = raw.transaction(stores, 'readwrite');
    for (const row of slice) tx.objectStore(row.store).put(row.value);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const rawMs = performance.now() - started;
  raw.close();
  await request(indexedDB.deleteDatabase(rawName));
  return { records: rows.length, rawMs, perTable };
}
