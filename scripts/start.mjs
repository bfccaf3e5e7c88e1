// npm start: build the PWA when dist/ is missing or older than its sources, then run the server
// (src/server/main.ts through tsx) serving dist/ and /api on one origin (PORT, default 8080).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const sources = ['src', 'build', 'public', 'index.html', 'vite.config.ts', 'package.json'].map(
  (p) => join(root, p),
);

/** Newest modification time under `path` (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function buildIsStale() {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  // The server's own files do not go into the bundle.
  return sources.some((source) => newest(source) > built && !onlyServerChanged(source, built));
}

function onlyServerChanged(source, built) {
  if (source !== join(root, 'src')) return false;
  return readdirSync(source)
    .filter((entry) => entry !== 'server')
    .every((entry) => newest(join(source, entry)) <= built);
}

if (buildIsStale()) {
  console.log('Baue die App (vite build) ...');
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) {
    console.error('Der Build ist fehlgeschlagen; der Server startet nicht.');
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, STATIC_DIR: process.env.STATIC_DIR ?? dist },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
