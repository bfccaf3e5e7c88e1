// A deploy loses nothing in flight (issue 24): the real server process gets SIGTERM while a push
// is being applied (its database work held back); the push is answered and stored, the process
// stops taking new connections and exits 0, and the phone's retry of the push is a no-op ([P3]).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/shared/sync/protocol';
import { openPgliteStore } from '../../src/server/store/pglite-store';
import { migrate } from '../../src/server/store/migrate';
import { addUser, newRecordId, putCase, TEST_PASSWORD, validCase } from '../support/server-harness';

const dir = mkdtempSync(join(tmpdir(), 'feldakte-sigterm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('SIGTERM during a push: the push is answered and kept, the process exits 0', async () => {
  const dataDir = join(dir, 'data');
  const seed = await openPgliteStore(dataDir);
  await migrate(seed);
  const user = await addUser(seed, { team: 'Team Deploy' });
  await seed.close();

  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      STATIC_DIR: join(dir, 'none'),
      LOG_LEVEL: 'warn',
      BACKUP_DIR: join(dir, 'backups'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 90_000);
    server.stdout.on('data', () => {
      const match = /läuft auf (http:\/\/[^ ]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    });
  });

  const login = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const clientId = newRecordId();
  const member = { userId: user.id, email: user.email, teamId: user.teamId, cookie, clientId };
  // A push of 400 cases: long enough to be in flight when SIGTERM comes.
  const mutations = Array.from({ length: 400 }, (_, i) =>
    putCase(member, i + 1, newRecordId(), validCase({ lifeWorldNotes: 'x'.repeat(2_000) })),
  );
  const body = JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations });
  const push = fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body,
  });
  await new Promise((resolve) => setTimeout(resolve, 30));
  server.kill('SIGTERM');
  const answer = await push;
  expect(answer.status).toBe(200);
  expect(((await answer.json()) as { lastMutationId: number }).lastMutationId).toBe(400);
  expect(await exited).toBe(0);
  // New connections are refused once it is gone.
  await expect(fetch(`${url}/healthz`)).rejects.toThrow();

  // Everything is on disk: 400 cases, once.
  const after = await openPgliteStore(dataDir);
  try {
    const [row] = await after.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM records WHERE tbl = 'cases'`,
    );
    expect(Number(row!.n)).toBe(400);
  } finally {
    await after.close();
  }
}, 180_000);
