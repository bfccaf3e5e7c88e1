// Budget (ARCHITECTURE.md §6): the first sync of 10,000 cases + 40,000 child records on a slow
// mobile network (Chromium's network emulation over CDP: 1.6 Mbit/s down, 750 kbit/s up, 150 ms)
// takes at most 30 s with compressed answers. The same sync without compression (the server is
// asked with x-no-compression) is measured beside it. Reports bytes per record over the wire and
// the time from the first pull until the chip says "Synchronisiert"; ROUNDS (3) each, alternating.
import { startE2eServer } from '../../test/support/e2e-server';
import { seedCaseLoad } from '../../test/support/e2e-seed';
import { launchChromium } from '../../test/support/e2e-browser';
import {
  median,
  openSignIn,
  recordsOnDevice,
  SLOW_MOBILE,
  timeFirstSync,
  type FirstSyncFigures,
} from './first-sync-run';
import { finish } from './budget';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const CHILDREN_PER_CASE = 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BUDGET_MS = 30_000;

const server = await startE2eServer();
const browser = await launchChromium();
try {
  const [lena, omar] = server.accounts;
  const seeded = await seedCaseLoad(server, {
    email: lena!.email,
    cases: CASES,
    childrenPerCase: CHILDREN_PER_CASE,
  });
  console.log(`Server gefüllt: ${seeded.records} Datensätze; Netz: ${SLOW_MOBILE.name}`);

  const runs: Record<'compressed' | 'uncompressed', FirstSyncFigures[]> = {
    compressed: [],
    uncompressed: [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    const order =
      round % 2 === 0
        ? (['compressed', 'uncompressed'] as const)
        : (['uncompressed', 'compressed'] as const);
    for (const kind of order) {
      const options = { network: SLOW_MOBILE, uncompressed: kind === 'uncompressed' };
      const device = await openSignIn(browser, server, options);
      const figures = await timeFirstSync(device, omar!.email, server.password, options);
      const records = Object.values(await recordsOnDevice(device.page)).reduce((a, b) => a + b, 0);
      await device.context.close();
      if (records !== seeded.records) {
        throw new Error(
          `Es fehlen Datensätze: ${seeded.records} erwartet, ${records} auf dem Gerät.`,
        );
      }
      runs[kind].push(figures);
      console.log(
        `Runde ${round + 1}, ${kind === 'compressed' ? 'komprimiert' : 'unkomprimiert'}: ` +
          `${(figures.syncMs / 1000).toFixed(1)} s ab erstem Pull (${(figures.totalMs / 1000).toFixed(1)} s ab Anmelden), ` +
          `${figures.pulls} Seiten, ${(figures.pullWireBytes / 1024 / 1024).toFixed(2)} MB, ` +
          `${Math.round(figures.pullWireBytes / records)} Bytes je Datensatz`,
      );
    }
  }
  const summary = (list: FirstSyncFigures[]) => ({
    medianSyncMs: median(list.map((f) => f.syncMs)),
    medianTotalMs: median(list.map((f) => f.totalMs)),
    bytesPerRecord: Math.round(median(list.map((f) => f.pullWireBytes)) / seeded.records),
    runsMs: list.map((f) => f.syncMs),
  });
  const compressed = summary(runs.compressed);
  const uncompressed = summary(runs.uncompressed);
  console.log(
    `Median komprimiert ${(compressed.medianSyncMs / 1000).toFixed(1)} s, ${compressed.bytesPerRecord} Bytes/Datensatz; ` +
      `unkomprimiert ${(uncompressed.medianSyncMs / 1000).toFixed(1)} s, ${uncompressed.bytesPerRecord} Bytes/Datensatz`,
  );
  finish(
    'slow-network',
    { records: seeded.records, network: SLOW_MOBILE, compressed, uncompressed },
    {
      figure: `${(compressed.medianSyncMs / 1000).toFixed(1)} s compressed (${compressed.bytesPerRecord} B/record; uncompressed ${(uncompressed.medianSyncMs / 1000).toFixed(1)} s, ${uncompressed.bytesPerRecord} B/record)`,
      budget: `<= ${BUDGET_MS / 1000} s`,
      within: compressed.medianSyncMs <= BUDGET_MS,
    },
  );
} finally {
  await browser.close();
  await server.close();
}
