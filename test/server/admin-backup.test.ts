// `npm run admin -- backup / restore / status` (issue 24) through the CLI's main, on the embedded
// database and on PostgreSQL: one file per backup (its path the last line), encrypted with
// BACKUP_KEY (and refused without it or with another), a warning without it, a restore only into
// an empty data directory / database, a renewed epoch ([B1]), and the backups kept (BACKUP_KEEP).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/server/cli/admin';
import { openStoreFromEnv } from '../../src/server/store/open-store';
import { readDataEpoch } from '../../src/server/ops/data-epoch';
import { listBackups, pruneBackups } from '../../src/server/ops/backup-files';
import { filterTar } from '../../src/server/ops/tar-filter';
import { TEST_DATABASE_URL } from '../support/server-harness';

const work = mkdtempSync(join(tmpdir(), 'feldakte-admin-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await main(args, env, {
    log: (line) => lines.push(...line.split('\n')),
    error: (line) => errors.push(...line.split('\n')),
  });
  return { code, lines, errors };
}

async function teams(env: NodeJS.ProcessEnv): Promise<string[]> {
  const store = await openStoreFromEnv(env);
  try {
    const rows = await store.query<{ name: string }>('SELECT name FROM teams ORDER BY name');
    return rows.map((row) => row.name);
  } finally {
    await store.close();
  }
}

async function epoch(env: NodeJS.ProcessEnv): Promise<string> {
  const store = await openStoreFromEnv(env);
  try {
    return (await readDataEpoch(store)).epoch;
  } finally {
    await store.close();
  }
}

describe('admin backup and restore on the embedded database', () => {
  it('[B1] backs up, refuses a non-empty target, restores into an empty one with a new epoch', async () => {
    const env = { DATA_DIR: join(work, 'data'), BACKUP_KEY: 'ein-langer-schluessel' };
    expect((await cli(['team', 'add', 'Team Sicherung'], env)).code).toBe(0);
    const before = await epoch(env);
    const backup = await cli(['backup', '--to', join(work, 'out')], env);
    expect(backup.code, backup.errors.join('\n')).toBe(0);
    const file = backup.lines.at(-1)!;
    expect(file).toMatch(/feldakte-\d{8}T\d{6}Z\.backup$/);
    expect(backup.lines.join('\n')).not.toContain('Warnung');
    // Encrypted: no table name or team name readable in the file; the key is nowhere beside it.
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('Team Sicherung'))).toBe(false);
    expect(bytes.includes(Buffer.from(env.BACKUP_KEY))).toBe(false);

    // Not into the data directory that still holds the database.
    const refused = await cli(['restore', '--from', file], env);
    expect(refused.code).toBe(1);
    expect(refused.errors.join(' ')).toContain('nicht leer');
    // Not without the key, not with another.
    const target = { DATA_DIR: join(work, 'restored') };
    expect((await cli(['restore', '--from', file], target)).errors.join(' ')).toContain(
      'BACKUP_KEY',
    );
    expect(
      (await cli(['restore', '--from', file], { ...target, BACKUP_KEY: 'falsch' })).errors.join(
        ' ',
      ),
    ).toContain('falscher BACKUP_KEY');

    const restored = await cli(['restore', '--from', file], {
      ...target,
      BACKUP_KEY: env.BACKUP_KEY,
    });
    expect(restored.code, restored.errors.join('\n')).toBe(0);
    expect(await teams(target)).toContain('Team Sicherung');
    expect(await epoch(target)).not.toBe(before);

    const status = await cli(['status'], { ...target, BACKUP_DIR: join(work, 'out') });
    expect(status.code).toBe(0);
    expect(status.lines.join('\n')).toContain(await epoch(target));
    expect(status.lines.join('\n')).toContain(file);
  }, 180_000);

  it('without BACKUP_KEY the backup is written with a warning; BACKUP_KEEP keeps the newest', async () => {
    const env = { DATA_DIR: join(work, 'plain') };
    expect((await cli(['team', 'add', 'Team Klar'], env)).code).toBe(0);
    const backup = await cli(['backup'], env);
    expect(backup.code, backup.errors.join('\n')).toBe(0);
    expect(backup.lines.join('\n')).toContain('Warnung: BACKUP_KEY ist nicht gesetzt');
    // Default: DATA_DIR/backups, and a backup never holds the backups before it.
    const dir = join(env.DATA_DIR, 'backups');
    expect(listBackups(dir)).toHaveLength(1);
    for (let day = 1; day <= 4; day++)
      writeFileSync(join(dir, `feldakte-2020010${day}T030000Z.backup`), 'alt');
    // The real one (today) and the newest old one stay.
    expect(pruneBackups(dir, 2).map((path) => path.slice(-32))).toEqual([
      'feldakte-20200103T030000Z.backup',
      'feldakte-20200102T030000Z.backup',
      'feldakte-20200101T030000Z.backup',
    ]);
    expect(listBackups(dir)).toHaveLength(2);
  }, 120_000);

  it('a tar keeps every entry but those left out', () => {
    const entry = (name: string, body: string) => {
      const header = Buffer.alloc(512);
      header.write(name, 0);
      header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
      const data = Buffer.alloc(512);
      data.write(body);
      return Buffer.concat([header, data]);
    };
    const tar = Buffer.concat([
      entry('pgdata/base/1', 'db'),
      entry('pgdata/backups/old.backup', 'alt'),
      Buffer.alloc(1024),
    ]);
    const kept = Buffer.from(filterTar(tar, (path) => !path.includes('/backups/')));
    expect(kept.includes(Buffer.from('pgdata/base/1'))).toBe(true);
    expect(kept.includes(Buffer.from('old.backup'))).toBe(false);
  });
});

describe('admin backup and restore on PostgreSQL', () => {
  const schema = `ops_backup_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('[B1] pg_dump backs up, restore refuses a non-empty database and fills an empty one', async () => {
    expect((await cli(['team', 'add', 'Team PG'], env)).code).toBe(0);
    const before = await epoch(env);
    const dir = join(work, 'pg-out');
    mkdirSync(dir);
    const backup = await cli(['backup', '--to', dir], env);
    expect(backup.code, backup.errors.join('\n')).toBe(0);
    const file = backup.lines.at(-1)!;
    const refused = await cli(['restore', '--from', file], env);
    expect(refused.code).toBe(1);
    expect(refused.errors.join(' ')).toContain('nicht leer');

    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    const restored = await cli(['restore', '--from', file], env);
    expect(restored.code, restored.errors.join('\n')).toBe(0);
    expect(await teams(env)).toEqual(['Team PG']);
    expect(await epoch(env)).not.toBe(before);
  });
});
