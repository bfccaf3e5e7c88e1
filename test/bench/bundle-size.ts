// Gzipped size of the JavaScript the first screen loads: the entry script of dist/index.html and
// every chunk it imports statically (modulepreload links + static imports), never lazy chunks.
// Builds first unless dist/ is newer than every source file. Budget 70 KB, aim 60 KB
// (ARCHITECTURE.md §6).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { finish } from './budget';

const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
const BUDGET_KB = 70;
const AIM_KB = 60;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function distIsFresh(): boolean {
  const html = join(DIST, 'index.html');
  if (!existsSync(html)) return false;
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', 'public'].map((p) =>
    join(ROOT, p),
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

if (!distIsFresh()) {
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
finish(
  'bundle-size',
  {
    firstScreenJsGzipKb: kb(totalGzip),
    firstScreenJsRawKb: kb(totalRaw),
    files: loaded.size,
    lazyChunks: lazy,
    budgetKb: BUDGET_KB,
    aimKb: AIM_KB,
  },
  {
    figure: `first-screen JS ${kb(totalGzip)} KB gz`,
    budget: `<= ${BUDGET_KB} KB, aim ${AIM_KB}`,
    within: totalGzip / 1024 <= BUDGET_KB,
  },
);
