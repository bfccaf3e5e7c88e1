// The admin CLI: each command through its exported function, and once through `npm run admin`.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/cli/admin';
import { openStoreFromEnv } from '../../src/server/store/open-store';
import type { Store } from '../../src/server/store/store';
import { memoryStore, signIn, startTestServer, type TestServer } from '../support/server-harness';

describe('admin commands', () => {
  let store: Store;
  let server: TestServer;
  beforeAll(async () => {
    store = await memoryStore();
    server = await startTestServer({ store });
  });
  afterAll(() => server?.close());

  const admin = (line: string) => runAdmin(line.split(' '), store);
  const login = (email: string, password: string) =>
    server.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });

  it('team add and user add create an account that can sign in', async () => {
    expect(await admin('team add Team Köln Süd')).toBe('Team „Team Köln Süd“ angelegt.');
    await runAdmin(
      [
        'user',
        'add',
        '--team',
        'Team Köln Süd',
        '--email',
        'Mara@Example.org',
        '--name',
        'Mara Yilmaz',
        '--role',
        'thm',
        '--password',
        'erstes-passwort',
      ],
      store,
    );
    const response = await login('mara@example.org', 'erstes-passwort');
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({
      name: 'Mara Yilmaz',
      role: 'thm',
      team: { name: 'Team Köln Süd' },
    });
  });

  it('user passwd replaces the password', async () => {
    await admin('team add Team Passwd');
    await runAdmin(
      [
        'user',
        'add',
        '--team',
        'Team Passwd',
        '--email',
        'p@example.org',
        '--name',
        'P',
        '--role',
        'coordinator',
        '--password',
        'altes-passwort',
      ],
      store,
    );
    expect(await admin('user passwd --email p@example.org --password neues-passwort')).toMatch(
      /geändert/,
    );
    expect((await login('p@example.org', 'altes-passwort')).statusCode).toBe(401);
    expect((await login('p@example.org', 'neues-passwort')).statusCode).toBe(200);
  });

  it('user disable ends the sessions and blocks sign-in', async () => {
    await admin('team add Team Disable');
    await runAdmin(
      [
        'user',
        'add',
        '--team',
        'Team Disable',
        '--email',
        'd@example.org',
        '--name',
        'D',
        '--role',
        'admin',
        '--password',
        'passwort-123',
      ],
      store,
    );
    const cookie = await signIn(server.app, 'd@example.org', 'passwort-123');
    expect(await admin('user disable --email d@example.org')).toMatch(/deaktiviert/);
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await login('d@example.org', 'passwort-123')).statusCode).toBe(401);
  });

  const refusals: [string, RegExp][] = [
    [
      'user add --team Niemand --email n@example.org --name N --role thm --password passwort-123',
      /gibt es nicht/,
    ],
    ['user add --team Team Passwd --email x@example.org', /Unerwartete Angabe|angeben/],
    ['user add --email x@example.org --name X --role chef --password passwort-123', /--team/],
    ['user passwd --email niemand@example.org --password passwort-123', /gibt es nicht/],
    ['user passwd --email p@example.org --password kurz', /mindestens 10 Zeichen/],
    ['user disable --email niemand@example.org', /gibt es nicht/],
    ['team add', /Teamnamen/],
    ['team delete Team Passwd', /Unbekannter Befehl/],
  ];
  it.each(refusals)('refuses "%s" with a German message', async (line, message) => {
    await expect(admin(line)).rejects.toThrow(message);
  });

  it('refuses an unknown role and a second account with the same e-mail', async () => {
    await admin('team add Team Rollen');
    const add = (email: string, role: string) =>
      runAdmin(
        [
          'user',
          'add',
          '--team',
          'Team Rollen',
          '--email',
          email,
          '--name',
          'R',
          '--role',
          role,
          '--password',
          'passwort-123',
        ],
        store,
      );
    await expect(add('r@example.org', 'chef')).rejects.toThrow(
      /Rolle muss thm, coordinator, admin/,
    );
    await add('r@example.org', 'thm');
    await expect(add('R@example.org', 'thm')).rejects.toThrow(/gibt es schon/);
  });
});

describe('npm run admin', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'feldakte-admin-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('uses the store selected by DATA_DIR', { timeout: 180_000 }, async () => {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    const run = (...args: string[]) =>
      promisify(execFile)('npm', ['run', '--silent', 'admin', '--', ...args], {
        env,
        cwd: process.cwd(),
      });
    expect((await run('team', 'add', 'Team CLI')).stdout).toContain('Team „Team CLI“ angelegt.');
    const added = await run(
      'user',
      'add',
      '--team',
      'Team CLI',
      '--email',
      'cli@example.org',
      '--name',
      'C L I',
      '--role',
      'thm',
      '--password',
      'cli-passwort-1',
    );
    expect(added.stdout).toContain('Konto cli@example.org (thm) angelegt.');
    await expect(run('user', 'disable', '--email', 'niemand@example.org')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('gibt es nicht'),
    });

    const store = await openStoreFromEnv({ DATA_DIR: dataDir });
    const server = await startTestServer({ store });
    try {
      expect(
        (
          await server.app.inject({
            method: 'POST',
            url: '/api/session',
            payload: { email: 'cli@example.org', password: 'cli-passwort-1' },
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      await server.close();
    }
  });
});
