// Three sizes of the built app (ARCHITECTURE.md §6), gzipped:
// - the JavaScript the first screen (the lock screen, or the sign-in) loads: the entry script of
//   dist/index.html and every chunk it imports statically (modulepreload links + static imports),
//   never lazy chunks. Budget 70 KB, aim 60 KB.
// - the JavaScript to reach Heute after the PIN (issue 28): the first screen's plus the shell's
//   chunk (src/client/shell.tsx: Heute, the header, the navigation) and what it imports
//   statically. Budget 100 KB, aim 85 KB. unlock-to-today lists the files the page really loaded.
// - the first install: every file of the service worker's precache list plus sw.js itself
//   (images as they are, they do not compress). Budget 160 KB.
// Brotli (what the server actually sends, precompressed) is printed beside it.
// Builds first unless dist/ is newer than every source file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { finish } from './budget';

const ROOT = process.cwd();
// BENCH_DIST measures another build directory as it is (no rebuild).
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist');
const BUDGET_KB = 70;
const AIM_KB = 60;
const INSTALL_BUDGET_KB = 160;
const HEUTE_BUDGET_KB = 100;
const HEUTE_AIM_KB = 85;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function distIsFresh(): boolean {
  const html = join(DIST, 'index.html');
  if (!existsSync(html)) return false;
  const sources = ['src', 'build', 'index.html', 'vite.config.ts', 'package.json', 'public'].map(
    (p) => join(ROOT, p),
  );
  return statSync(html).mtimeMs > Math.max(...sources.filter(existsSync).map(newestMtime));
}

/** `./x.js` and `/assets/x.js` imports that load with the module (not `import()`). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  const patterns = [/\bfrom\s*["']([^"']+\.js)["']/g, /\bimport\s*["']([^"']+\.js)["']/g];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

function resolveAsset(from: string, specifier: string): string {
  return specifier.startsWith('/') ? specifier : posix.join(posix.dirname(from), specifier);
}

if (process.env.BENCH_DIST) {
  console.log(`Measuring ${DIST} as it is.`);
} else if (!distIsFresh()) {
  console.log('Building (vite build) …');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
} else {
  console.log('dist/ is newer than the sources; measuring it as it is.');
}

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const entries = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((match) => match[1]!);
if (entries.length === 0) throw new Error('dist/index.html has no module script');

const loaded = new Map<string, { raw: number; gzip: number }>();
const queue = [...entries];
while (queue.length) {
  const asset = queue.shift()!;
  if (loaded.has(asset)) continue;
  const code = readFileSync(join(DIST, asset), 'utf8');
  loaded.set(asset, { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length });
  for (const specifier of staticImports(code)) queue.push(resolveAsset(asset, specifier));
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
let totalGzip = 0;
let totalRaw = 0;
for (const [asset, size] of [...loaded].sort((a, b) => b[1].gzip - a[1].gzip)) {
  totalGzip += size.gzip;
  totalRaw += size.raw;
  console.log(
    `${String(kb(size.gzip)).padStart(7)} KB gz  ${String(kb(size.raw)).padStart(7)} KB  ${asset}`,
  );
}
const lazy = readdirSync(join(DIST, 'assets')).filter(
  (name) => name.endsWith('.js') && !loaded.has(`/assets/${name}`),
).length;
const verdict =
  totalGzip / 1024 <= AIM_KB
    ? 'within aim'
    : totalGzip / 1024 <= BUDGET_KB
      ? 'within budget'
      : 'OVER BUDGET';
console.log(
  `First screen JS: ${kb(totalGzip)} KB gzipped (${kb(totalRaw)} KB raw) in ${loaded.size} files; ${lazy} lazy chunks not counted. Budget ${BUDGET_KB} KB, aim ${AIM_KB} KB: ${verdict}.`,
);
// Behind the lock (issue 11) is the shell (src/client/shell.tsx, a chunk of its own): "Heute" and
// the app around it, loaded while the PIN is typed. Judged with the first screen's: the JS to
// reach Heute.
const shellChunk = readdirSync(join(DIST, 'assets')).find((name) => /^shell-.+\.js$/.test(name));
let afterUnlockGzip = 0;
if (shellChunk) {
  const seen = new Set(loaded.keys());
  const queue = [`/assets/${shellChunk}`];
  while (queue.length) {
    const asset = queue.shift()!;
    if (seen.has(asset)) continue;
    seen.add(asset);
    const code = readFileSync(join(DIST, asset), 'utf8');
    afterUnlockGzip += gzipSync(code, { level: 9 }).length;
    for (const specifier of staticImports(code)) queue.push(resolveAsset(asset, specifier));
  }
  console.log(
    `After unlock ("Heute" and the shell, loaded while the PIN is typed): ${kb(afterUnlockGzip)} KB gz more.`,
  );
} else {
  throw new Error('dist/assets has no shell-*.js chunk (build/chunking.ts names it)');
}
const heuteKb = kb(totalGzip + afterUnlockGzip);
console.log(
  `JS to reach Heute: ${heuteKb} KB gz. Budget ${HEUTE_BUDGET_KB} KB, aim ${HEUTE_AIM_KB} KB.`,
);
// The precache list workbox-build injected into sw.js: [{"revision":…,"url":"assets/…"}, …].
const swCode = readFileSync(join(DIST, 'sw.js'));
const precached = [
  ...swCode.toString().matchAll(/\{"revision":(?:"[^"]*"|null),"url":"([^"]+)"\}/g),
].map((match) => match[1]!);
if (precached.length === 0) throw new Error('sw.js has no precache list');
const packed = (bytes: Buffer, name: string) =>
  /\.(png|jpe?g|webp|woff2)$/.test(name)
    ? { gzip: bytes.length, brotli: bytes.length }
    : { gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
let installGzip = 0;
let installBrotli = 0;
for (const url of precached) {
  const size = packed(readFileSync(join(DIST, url)), url);
  installGzip += size.gzip;
  installBrotli += size.brotli;
}
const sw = packed(swCode, 'sw.js');
console.log(
  `First install: ${precached.length} precached files ${kb(installGzip)} KB gz + sw.js ${kb(sw.gzip)} KB gz (${kb(swCode.length)} KB raw) = ${kb(installGzip + sw.gzip)} KB gz (brotli as served: ${kb(installBrotli + sw.brotli)} KB). Budget ${INSTALL_BUDGET_KB} KB.`,
);
const installKb = kb(installGzip + sw.gzip);

finish(
  'bundle-size',
  {
    firstScreenJsGzipKb: kb(totalGzip),
    firstScreenJsRawKb: kb(totalRaw),
    files: loaded.size,
    lazyChunks: lazy,
    afterUnlockGzipKb: kb(afterUnlockGzip),
    heuteJsGzipKb: heuteKb,
    heuteBudgetKb: HEUTE_BUDGET_KB,
    heuteAimKb: HEUTE_AIM_KB,
    budgetKb: BUDGET_KB,
    aimKb: AIM_KB,
    installGzipKb: installKb,
    installBrotliKb: kb(installBrotli + sw.brotli),
    serviceWorkerGzipKb: kb(sw.gzip),
    precachedFiles: precached.length,
    installBudgetKb: INSTALL_BUDGET_KB,
  },
  {
    figure: `first-screen JS ${kb(totalGzip)} KB gz`,
    budget: `<= ${BUDGET_KB} KB, aim ${AIM_KB}`,
    within: totalGzip / 1024 <= BUDGET_KB,
  },
  {
    figure: `JS to reach Heute ${heuteKb} KB gz`,
    budget: `<= ${HEUTE_BUDGET_KB} KB, aim ${HEUTE_AIM_KB}`,
    within: heuteKb <= HEUTE_BUDGET_KB,
  },
  {
    figure: `first install ${installKb} KB gz`,
    budget: `<= ${INSTALL_BUDGET_KB} KB`,
    within: installKb <= INSTALL_BUDGET_KB,
  },
);
