// `npm run bench -- at-rest` (issue 11, ARCHITECTURE.md §6): in headless Chromium on its real
// IndexedDB, the device side of a first sync of 10,000 cases + 40,000 child records with
// encryption on vs off (budget <= 1.3x), unlock with 10,000 cases (PBKDF2 + search index,
// <= 1.5 s) and the case search p95 after unlock (<= 50 ms). See at-rest-run.ts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { finish } from './budget';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const ROUNDS = 20;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const { build } = await import('esbuild');
const { chromium } = await import('playwright-core');
const bundle = await build({
  entryPoints: [new URL('./at-rest-page.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  logLevel: 'error',
});
const script = bundle.outputFiles[0]!.text;
const server = createServer((request, response) => {
  if (request.url === '/bench.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  } else {
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><script type="module" src="/bench.js"></script>');
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(10 * 60_000);
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => 'runAtRestBench' in globalThis);
  const { figures, lines } = await page.evaluate(
    ([cases, rounds]) =>
      (
        globalThis as unknown as {
          runAtRestBench(
            c: number,
            r: number,
          ): Promise<{ figures: Record<string, number>; lines: string[] }>;
        }
      ).runAtRestBench(cases, rounds),
    [CASES, ROUNDS] as const,
  );
  for (const line of lines) console.log(line);
  // The last line is the verdict (test/bench/budget.ts), like every other benchmark's; an
  // exit code of 1 would read as "did not run" in `npm run bench`, so only --check fails on it.
  finish(
    'at-rest',
    { cases: CASES, ...figures },
    {
      figure: `encryption on/off ${figures.ratio}x`,
      budget: '<= 1.3x',
      within: figures.ratio! <= 1.3,
    },
    {
      figure: `unlock ${figures.unlockMs} ms`,
      budget: '<= 1500 ms',
      within: figures.unlockMs! <= 1_500,
    },
    {
      figure: `search after unlock p95 ${figures.searchP95Ms} ms`,
      budget: '<= 50 ms',
      within: figures.searchP95Ms! <= 50,
    },
  );
} finally {
  await browser.close();
  server.close();
}
