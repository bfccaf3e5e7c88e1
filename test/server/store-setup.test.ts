// Starting up: migrations applied once and atomically, the store chosen from the environment,
// and a demo login on the very first start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/store';
import { migrate, readMigrations } from '../../src/server/store/migrate';
import { openStoreFromEnv } from '../../src/server/store/open-store';
import { createDemoAccountIfEmpty, DEMO_TEAM } from '../../src/server/first-start';
import { memoryStore, signIn, startTestServer, TEST_DATABASE_URL } from '../support/server-harness';

describe('migrations', () => {
  let store: Store;
  beforeAll(async () => {
    store = await memoryStore();
  });
  afterAll(() => store?.close());

  it('are numbered files applied once', async () => {
    const names = readMigrations().map((m) => m.name);
    expect(names[0]).toBe('001-initial.sql');
    expect(await migrate(store)).toEqual([]);
    const applied = await store.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY id',
    );
    expect(applied.map((row) => row.name)).toEqual(names);
  });

  it('a failing migration leaves the database as it was', async () => {
    const broken = {
      id: 999,
      name: '999-broken.sql',
      sql: 'CREATE TABLE half_done (a int); SELECT * FROM missing_table;',
    };
    await expect(migrate(store, [...readMigrations(), broken])).rejects.toThrow(/missing_table/);
    expect(
      await store.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'"),
    ).toEqual([]);
    expect(await store.query('SELECT 1 FROM schema_migrations WHERE id = 999')).toEqual([]);
  });
});

describe('store selection', () => {
  it('DATA_DIR opens PGlite on disk', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feldakte-env-'));
    const store = await openStoreFromEnv({ DATA_DIR: dir });
    try {
      expect(store.kind).toBe('pglite');
      expect((await store.query('SELECT count(*)::int AS n FROM teams'))[0]).toEqual({ n: 0 });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('DATABASE_URL opens PostgreSQL, in DATABASE_SCHEMA when given', async () => {
    const schema = `t_env_${randomUUID().slice(0, 8)}`;
    const store = await openStoreFromEnv({
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
    });
    try {
      expect(store.kind).toBe('postgres');
      expect(await store.query('SELECT current_schema() AS s')).toEqual([{ s: schema }]);
    } finally {
      await store.close();
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});

describe('first start', () => {
  it(
    'creates a demo team with a THM login once, and the login works',
    { timeout: 120_000 },
    async () => {
      const server = await startTestServer();
      try {
        const demo = await createDemoAccountIfEmpty(server.store);
        expect(demo).toMatchObject({
          email: expect.stringContaining('@'),
          password: expect.any(String),
        });
        const cookie = await signIn(server.app, demo!.email, demo!.password);
        const me = await server.app.inject({
          method: 'GET',
          url: '/api/session',
          headers: { cookie },
        });
        expect(me.json().user).toMatchObject({ role: 'thm', team: { name: DEMO_TEAM } });
        expect(await createDemoAccountIfEmpty(server.store)).toBeUndefined();
      } finally {
        await server.close();
      }
    },
  );
});
