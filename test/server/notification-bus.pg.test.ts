// Real PostgreSQL (TEST_DATABASE_URL): never skipped. Besides the shared suite, what only
// PostgreSQL has: a second process on the same schema (here a second pool, as the admin CLI or
// another instance opens one) is heard through the LISTEN connection, and a lost LISTEN
// connection is a gap (heard when lost and when back), reconnected without help.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeNotificationBus } from './notification-bus';
import { postgresStore, TEST_DATABASE_URL } from '../support/server-harness';
import { openPgStore } from '../../src/server/store/pg-store';
import { migrate } from '../../src/server/store/migrate';
import type { BusEvent, Store } from '../../src/server/store/store';

describeNotificationBus('PostgreSQL', () => postgresStore());

describe('notification bus between processes on PostgreSQL', () => {
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const neighbour = `t_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  let first: Store;
  let second: Store;
  let elsewhere: Store;
  beforeAll(async () => {
    first = await openPgStore({ connectionString: TEST_DATABASE_URL, schema, reconnectMs: 50 });
    await migrate(first);
    second = await openPgStore({ connectionString: TEST_DATABASE_URL, schema, max: 2 });
    elsewhere = await openPgStore({ connectionString: TEST_DATABASE_URL, schema: neighbour });
    await migrate(elsewhere);
  });
  afterAll(async () => {
    await Promise.all([first, second, elsewhere].map((store) => store?.close()));
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS ${neighbour} CASCADE`);
    await admin.end();
  });

  it('another process on the same schema is heard once; one on another schema is not', async () => {
    const heard: BusEvent[] = [];
    const stop = await first.listen('poke', (event) => heard.push(event));
    await elsewhere.notify('poke', 'nebenan');
    await second.notify('poke', 'vom zweiten');
    await second.query("SELECT feldakte_notify('poke', 'aus SQL')");
    await vi.waitFor(() => expect(heard).toHaveLength(2));
    // This process's own notification comes once, though its pool and its listener both LISTEN.
    await first.notify('poke', 'eigener');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual([
      { kind: 'message', payload: 'vom zweiten' },
      { kind: 'message', payload: 'aus SQL' },
      { kind: 'message', payload: 'eigener' },
    ]);
    stop();
  });

  it('a lost LISTEN connection is a gap: heard when lost and when back, then heard again', async () => {
    const heard: BusEvent[] = [];
    const stop = await first.listen('poke', (event) => heard.push(event));
    expect(first.listening()).toBe(true);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
          WHERE application_name = 'feldakte-listen' AND query = $1`,
        [`LISTEN ${await channelOf(admin, schema)}`],
      );
      expect(rows[0]!.n).toBe(1);
    } finally {
      await admin.end();
    }
    await vi.waitFor(() => expect(heard).toEqual([{ kind: 'gap' }]));
    expect(first.listening()).toBe(false);
    await vi.waitFor(() => expect(heard).toEqual([{ kind: 'gap' }, { kind: 'gap' }]), {
      timeout: 5_000,
    });
    expect(first.listening()).toBe(true);
    await second.notify('poke', 'wieder da');
    await vi.waitFor(() => expect(heard.at(-1)).toEqual({ kind: 'message', payload: 'wieder da' }));
    stop();
  });
});

async function channelOf(client: pg.Client, schema: string): Promise<string> {
  const { rows } = await client.query<{ channel: string }>(
    "SELECT 'feldakte_' || left(md5($1), 16) AS channel",
    [schema],
  );
  return rows[0]!.channel;
}
