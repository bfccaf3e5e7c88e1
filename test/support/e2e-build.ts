// The built app the e2e tests serve: `vite build` once per run, when dist/ is missing or older than
// any source of the app. The e2e project's globalSetup calls it before any test file starts (e2e
// files run in parallel and must not each build); startE2eServer checks again (cheap when fresh)
// for the benches, which have no globalSetup. A lock directory keeps two builds from overlapping.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
export const distDir = join(root, 'dist');
const lockDir = join(root, 'node_modules', '.feldakte-e2e-build.lock');
const buildInputs = [
  'src/client',
  'src/sw',
  'src/local',
  'src/shared',
  'public',
  'index.html',
  'vite.config.ts',
  'build',
];

function isFresh(): boolean {
  const built = join(distDir, 'sw.js');
  if (!existsSync(built) || !existsSync(join(distDir, 'index.html'))) return false;
  const builtAt = statSync(built).mtimeMs;
  const newest = Math.max(...buildInputs.map((input) => newestMtime(join(root, input))));
  return newest <= builtAt;
}

/** Runs `vite build` when dist/ is missing or older than any source of the app. */
export function ensureBuilt(): void {
  if (isFresh()) return;
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than any build is left over from a killed run.
      if (Date.now() - statSync(lockDir, { throwIfNoEntry: false })!.mtimeMs > 5 * 60_000)
        rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error(`another vite build holds ${lockDir}`, { cause: error });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (isFresh()) return; // another process built it meanwhile
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** vitest globalSetup of the e2e project: build before the first e2e file starts. */
export default function setup(): void {
  ensureBuilt();
}
