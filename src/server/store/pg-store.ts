// PostgreSQL through a pg Pool. `schema` puts every table in its own schema (search_path), so
// parallel test files share the database `test` without clashing.
import pg from 'pg';
import type { Queryable, Store } from './store';

export interface PgStoreOptions {
  connectionString: string;
  schema?: string;
  max?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPgStore({
  connectionString,
  schema,
  max = 10,
}: PgStoreOptions): Promise<Store> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Ungültiger Schemaname: ${schema}`);
  }
  if (schema) {
    const setup = new pg.Client({ connectionString });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString,
    max,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', (error) => console.error('PostgreSQL-Verbindung verloren:', error.message));

  const on = (conn: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends object>(sql: string, params: unknown[] = []) {
      return (await conn.query(sql, params)).rows as R[];
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
  });
  const direct = on(pool);
  let closed = false;
  const listener = new Listener(connectionString, schema, () => closed);

  return {
    kind: 'postgres',
    query: direct.query,
    exec: direct.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotice, onResume) => listener.add(channel, onNotice, onResume),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      if (closed) return;
      closed = true;
      await listener.end();
      await pool.end();
    },
  };
}

interface Subscription {
  channel: string;
  onNotice: (payload: string) => void;
  onResume: (() => void) | undefined;
}

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/**
 * LISTEN needs a connection of its own that stays open (a pooled one goes back to the pool): one
 * per store, opened with the first subscription. When it is lost it comes back with a growing
 * delay, LISTENs again and tells each subscriber (`onResume`): notices sent meanwhile are gone.
 */
class Listener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly subscriptions = new Set<Subscription>();
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly schema: string | undefined,
    private readonly isClosed: () => boolean,
  ) {}

  async add(
    channel: string,
    onNotice: (payload: string) => void,
    onResume?: () => void,
  ): Promise<() => Promise<void>> {
    const subscription = { channel, onNotice, onResume };
    this.subscriptions.add(subscription);
    const client = await this.connected();
    await client.query(`LISTEN ${quoted(channel)}`);
    return async () => {
      this.subscriptions.delete(subscription);
      const still = [...this.subscriptions].some((other) => other.channel === channel);
      if (!still && this.client && !this.isClosed()) {
        await this.client.query(`UNLISTEN ${quoted(channel)}`).catch(() => undefined);
      }
    };
  }

  async end(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.subscriptions.clear();
    const client = this.client ?? (await this.connecting?.catch(() => null));
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      ...(this.schema ? { options: `-c search_path=${this.schema}` } : {}),
    });
    client.on('notification', (message) => {
      for (const subscription of this.subscriptions) {
        if (subscription.channel === message.channel) subscription.onNotice(message.payload ?? '');
      }
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      void client.end().catch(() => undefined);
      this.reconnectLater();
    };
    client.on('error', (error) => {
      console.error('PostgreSQL-LISTEN-Verbindung verloren:', error.message);
      lost();
    });
    client.on('end', lost);
    await client.connect();
    this.client = client;
    return client;
  }

  private reconnectLater(): void {
    if (this.isClosed() || this.subscriptions.size === 0) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.reconnect(), this.retryMs);
    this.retryMs = Math.min(RECONNECT_MAX_MS, this.retryMs * 2);
  }

  private async reconnect(): Promise<void> {
    if (this.isClosed()) return;
    try {
      const client = await this.connected();
      for (const channel of new Set([...this.subscriptions].map((s) => s.channel))) {
        await client.query(`LISTEN ${quoted(channel)}`);
      }
      this.retryMs = RECONNECT_MIN_MS;
      for (const subscription of this.subscriptions) subscription.onResume?.();
    } catch {
      this.reconnectLater();
    }
  }
}

function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
