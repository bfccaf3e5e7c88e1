// The admin CLI: each command through its exported function, and once through `npm run admin`
// (the first and the refused call as real processes, the ones between through its `main`).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, runAdmin, USAGE } from '../../src/server/cli/admin';
import { adminCommands } from '../../src/server/cli/admin-commands';
import { openStoreFromEnv } from '../../src/server/store/open-store';
import type { Store } from '../../src/server/store/store';
import { randomUUID } from 'node:crypto';
import {
  clock,
  memoryStore,
  signIn,
  startTestServer,
  type TestServer,
} from '../support/server-harness';

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
    ['team settings --team Niemand', /gibt es nicht/],
    ['team settings --team Settings --retention-years 0', /mindestens 1 Jahr/],
    ['team settings --team Settings --legal-basis vertrag', /consent/],
    ['team settings --team Settings --reports-need-consent vielleicht', /„ja“ oder „nein“/],
    ['team settings --team Settings --farbe blau', /Unbekannte Einstellung/],
    ['retention run --today 31.01.2030', /JJJJ-MM-TT/],
    ['retention run --today 2030-02-31', /kein gültiges Datum/],
    ['retention run --days 3', /Unerwartete Angabe/],
    ['user list --team', /Unerwartete Angabe „--team“/],
    ['user disable --email d@example.org --force ja', /Unerwartete Angabe „--force“/],
    ['team list Settings', /Unerwartete Angabe „Settings“/],
  ];
  beforeAll(() => admin('team add Settings'));
  it.each(refusals)('refuses "%s" with a German message', async (line, message) => {
    await expect(admin(line)).rejects.toThrow(message);
  });

  it('team settings prints the settings and changes the ones given', async () => {
    await admin('team add Einstellungen');
    expect(await admin('team settings --team Einstellungen')).toContain(
      'Aufbewahrungsfrist:        3 Jahre nach Abschluss',
    );
    const changed = await runAdmin(
      [
        'team',
        'settings',
        '--team',
        'Einstellungen',
        '--retention-years',
        '5',
        '--legal-basis',
        'public_task',
        '--reports-need-consent',
        'ja',
        '--controller',
        'Stadt Beispielstadt, Markt 1',
      ],
      store,
    );
    expect(changed).toContain('5 Jahre nach Abschluss');
    expect(changed).toContain('öffentliche Aufgabe (public_task');
    expect(changed).toContain('Berichte nur mit Einwilligung: ja');
    expect(changed).toContain('Stadt Beispielstadt, Markt 1');
    // Only the given settings change.
    expect(await admin('team settings --team Einstellungen --reports-need-consent nein')).toContain(
      '5 Jahre nach Abschluss',
    );
  });

  it('retention run erases expired closed cases and prints how many', async () => {
    const anna = await server.member('Team Aufbewahrung');
    const caseId = randomUUID();
    const response = await server.push(anna, [
      {
        id: 1,
        table: 'cases',
        recordId: caseId,
        op: 'put',
        fields: {
          givenName: 'A',
          familyName: 'B',
          status: 'closed',
          closingReason: 'work',
          closedOn: '2020-01-01',
          retainUntil: '2023-01-01',
        },
        hlc: clock(Date.now(), anna.clientId),
      },
    ]);
    expect(response.statusCode).toBe(200);
    expect(await admin('retention run --today 2022-12-31')).toBe(
      'Aufbewahrungsfristen geprüft (Stichtag 2022-12-31): 0 Fälle gelöscht (0 Einträge).',
    );
    expect(await admin('retention run --today 2023-01-02')).toBe(
      'Aufbewahrungsfristen geprüft (Stichtag 2023-01-02): 1 Fall gelöscht (1 Eintrag).',
    );
  });

  it('reads --option=value as well as --option value', async () => {
    expect(
      await runAdmin(['team', 'settings', '--team=Settings', '--dpo=dsb@example.org'], store),
    ).toContain('Datenschutzbeauftragte:    dsb@example.org');
  });

  it('lists every command in the usage, once', () => {
    const lines = USAGE.split('\n').filter((line) => line.startsWith('  npm run admin -- '));
    // A command is named by one word (`import`) or two (`team add`).
    expect(
      lines.map((line, i) => {
        const words = adminCommands[i]?.name.split(' ').length ?? 2;
        return line
          .split(' ')
          .slice(6, 6 + words)
          .join(' ');
      }),
    ).toEqual(adminCommands.map((command) => command.name));
    expect(new Set(adminCommands.map((command) => command.name)).size).toBe(adminCommands.length);
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
    // The same program in this process (no npm + tsx start per call) for the commands between.
    const lines: string[] = [];
    const inProcess = async (...args: string[]) => {
      lines.length = 0;
      const out = {
        log: (line: string) => lines.push(line),
        error: (line: string) => lines.push(line),
      };
      expect(await main(args, env, out), lines.join('\n')).toBe(0);
      return lines.join('\n');
    };
    const added = await inProcess(
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
    expect(added).toContain('Konto cli@example.org (thm) angelegt.');
    expect(await inProcess('retention', 'run', '--today', '2030-01-01')).toContain(
      'Aufbewahrungsfristen geprüft (Stichtag 2030-01-01): 0 Fälle gelöscht (0 Einträge).',
    );
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
