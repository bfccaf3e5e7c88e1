// Issue 13 item 9: the admin CLI while the real server runs (`tsx src/server/main.ts`), on the
// embedded database and on PostgreSQL. A change takes effect at once; on PGlite only the server
// process opens the data directory (the CLI asks it over loopback), and without a server the CLI
// opens the directory itself. The CLI runs in the test's process (its `main`, a process apart from
// the server's); one call goes through the real program to prove its exit code and stderr.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_CHANNEL_FILE } from '../../src/server/cli/admin-channel';
import { main } from '../../src/server/cli/admin';
import { TEST_DATABASE_URL } from '../support/server-harness';

const root = process.cwd();
const tsx = join(root, 'node_modules/.bin/tsx');
type Env = Record<string, string>;

/**
 * The CLI's program (`main`, what `npm run admin` runs) in this process, with its own env and its
 * output captured: a separate process from the server all the same, without a tsx start per call.
 * Resolves like execFile ({ stdout, stderr }); a non-zero exit rejects with { code, stderr }.
 */
async function admin(env: Env, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = {
    log: (line: string) => void (stdout += `${line}\n`),
    error: (line: string) => void (stderr += `${line}\n`),
  };
  const code = await main(args, { ...process.env, ...env }, out).catch((error: unknown) => {
    out.error(error instanceof Error ? error.message : String(error));
    return 1;
  });
  if (code !== 0)
    throw Object.assign(new Error(`admin ${args.join(' ')}: exit ${code}: ${stderr}`), {
      code,
      stdout,
      stderr,
    });
  return { stdout, stderr };
}

/** The real program, `tsx src/server/cli/admin.ts` (what `npm run admin` starts). */
function adminProcess(env: Env, ...args: string[]) {
  return promisify(execFile)(tsx, ['src/server/cli/admin.ts', ...args], {
    env: { ...process.env, ...env },
    cwd: root,
  });
}

interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `src/server/main.ts` on a free port and waits for "Feldakte läuft auf …". */
async function startServer(env: Env): Promise<RunningServer> {
  const child = spawn(tsx, ['src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    cwd: root,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await vi.waitFor(
    () => {
      const match = /Feldakte läuft auf (http:\/\/[^ ]+)/.exec(output);
      if (!match) throw new Error(`server not up yet: ${output}`);
      return match[1]!;
    },
    { timeout: 90_000, interval: 200 },
  );
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const signIn = (server: RunningServer, email: string, password: string) =>
  fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

async function addAccount(env: Env, team: string, email: string) {
  await admin(env, 'team', 'add', team);
  return admin(
    env,
    ...['user', 'add', '--team', team, '--email', email, '--name', 'Mara Yilmaz'],
    ...['--role', 'thm', '--password', 'laufendes-passwort'],
  );
}

describe('npm run admin -- --help', () => {
  it('prints the usage, with the list commands, and exits 0', async () => {
    const { stdout } = await admin({}, '--help');
    expect(stdout).toContain('Verwendung:');
    expect(stdout).toContain('team list');
    expect(stdout).toContain('user list --team <name>');
  });
});

describe('while the server runs on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'feldakte-running-'));
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'names the team on the first start and offers the CLI a loopback channel',
    { timeout: 180_000 },
    async () => {
      server = await startServer(env);
      expect(server.output()).toContain('Erster Start: das Team „Team Demo“');
      const channel = JSON.parse(readFileSync(join(dataDir, ADMIN_CHANNEL_FILE), 'utf8'));
      // (tsx runs the server in a child process of its own: the pid is that one's.)
      expect(channel).toMatchObject({ pid: expect.any(Number), url: server.url });
      expect(channel.token.length).toBeGreaterThanOrEqual(40);
    },
  );

  it('user add takes effect at once, through the server', { timeout: 120_000 }, async () => {
    expect((await addAccount(env, 'Team Laufend', 'mara@example.org')).stdout).toContain(
      'Konto mara@example.org (thm) angelegt.',
    );
    expect((await signIn(server!, 'mara@example.org', 'laufendes-passwort')).status).toBe(200);
    expect((await admin(env, 'team', 'list')).stdout).toContain('Team Laufend  (1 Konto)');
    expect((await admin(env, 'user', 'list', '--team', 'Team Laufend')).stdout).toBe(
      'mara@example.org  Mara Yilmaz  thm\n',
    );
    await admin(env, 'user', 'disable', '--email', 'mara@example.org');
    expect((await signIn(server!, 'mara@example.org', 'laufendes-passwort')).status).toBe(401);
  });

  it('reports a refused command in German with exit code 1', { timeout: 60_000 }, async () => {
    // The real process: its exit code and stderr, answered by the server over the channel.
    await expect(
      adminProcess(env, 'user', 'list', '--team', 'Gibt Es Nicht'),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Das Team „Gibt Es Nicht“ gibt es nicht.'),
    });
  });

  it('the channel answers neither without the token nor the right token elsewhere', async () => {
    const response = await fetch(`${server!.url}/api/admin/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer falsch' },
      body: JSON.stringify({ args: ['team', 'list'] }),
    });
    expect(response.status).toBe(404);
  });

  it(
    'after the server stopped, the CLI opens the directory itself',
    { timeout: 120_000 },
    async () => {
      await server!.stop();
      expect(existsSync(join(dataDir, ADMIN_CHANNEL_FILE))).toBe(false);
      expect((await admin(env, 'team', 'list')).stdout).toContain('Team Laufend  (0 Konten)');
    },
  );
});

describe('while the server runs on PostgreSQL', () => {
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('user add, disable and list take effect at once', { timeout: 180_000 }, async () => {
    server = await startServer(env);
    await addAccount(env, 'Team PG', 'pg@example.org');
    expect((await signIn(server, 'pg@example.org', 'laufendes-passwort')).status).toBe(200);
    expect((await admin(env, 'user', 'list', '--team', 'Team PG')).stdout).toContain(
      'pg@example.org  Mara Yilmaz  thm',
    );
    await admin(env, 'user', 'disable', '--email', 'pg@example.org');
    expect((await signIn(server, 'pg@example.org', 'laufendes-passwort')).status).toBe(401);
    expect((await admin(env, 'user', 'list', '--team', 'Team PG')).stdout).toContain('deaktiviert');
  });
});
