// PostgreSQL through a pg Pool. `schema` puts every table in its own schema (search_path), so
// parallel test files share the database `test` without clashing.
//
// The notification bus (notification-bus.ts): every pool connection LISTENs on the schema's
// channel and passes on the notifications its OWN writes made (PostgreSQL sends them before it
// reports the command done, so this process hears its own change before the write resolves); one
// dedicated connection, opened at the first `listen` and reconnected when lost, passes on those of
// every other process. Each notification is heard once: the dedicated connection skips those made
// by a connection of this pool (by backend process id).
import pg from 'pg';
import type { Queryable, Store } from './store';
import { BusListeners, busChannelOf, encodeNotification } from './notification-bus';

export interface PgStoreOptions {
  connectionString: string;
  schema?: string;
  max?: number;
  /** First wait before the LISTEN connection is tried again (doubling up to 10 s); tests lower it. */
  reconnectMs?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const MAX_RECONNECT_MS = 10_000;

export async function openPgStore({
  connectionString,
  schema,
  max = 10,
  reconnectMs = 250,
}: PgStoreOptions): Promise<Store> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Ungültiger Schemaname: ${schema}`);
  }
  const options = schema ? { options: `-c search_path=${schema}` } : {};
  const setup = new pg.Client({ connectionString, ...options });
  await setup.connect();
  let channel: string;
  try {
    if (schema) await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const { rows } = await setup.query<{ schema: string }>('SELECT current_schema() AS schema');
    channel = busChannelOf(rows[0]!.schema);
  } finally {
    await setup.end();
  }
  const listenSql = `LISTEN ${channel}`;
  const listeners = new BusListeners();
  /** Backend process ids of this pool's connections: their notifications come through them. */
  const ownBackends = new Set<number>();

  const pool = new pg.Pool({ connectionString, max, ...options });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', (error) => console.error('PostgreSQL-Verbindung verloren:', error.message));
  /** Connections that LISTEN already (each does before its first use). */
  const listeningClients = new WeakSet<pg.PoolClient>();
  pool.on('remove', (client) => {
    ownBackends.delete((client as pg.PoolClient & { processID: number }).processID);
  });
  const acquire = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    if (listeningClients.has(client)) return client;
    try {
      const pid = (client as pg.PoolClient & { processID: number }).processID;
      client.on('notification', (message) => {
        if (message.processId === pid && message.payload !== undefined)
          listeners.deliver(message.payload);
      });
      await client.query(listenSql);
      ownBackends.add(pid);
      listeningClients.add(client);
      return client;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  };

  const on = (conn: pg.PoolClient): Queryable => ({
    async query<R extends object>(sql: string, params: unknown[] = []) {
      return (await conn.query(sql, params)).rows as R[];
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
  });
  /** One statement on a connection of the pool (as pool.query, through `acquire`). */
  const once = async <T>(fn: (conn: Queryable) => Promise<T>): Promise<T> => {
    const client = await acquire();
    try {
      const result = await fn(on(client));
      client.release();
      return result;
    } catch (error) {
      // A broken connection is dropped, a refused statement leaves it usable.
      client.release(isConnectionError(error) ? (error as Error) : undefined);
      throw error;
    }
  };
  let closed = false;

  // The dedicated LISTEN connection for the other processes' notifications.
  let listener: pg.Client | undefined;
  let live = false;
  let started: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let wait = reconnectMs;

  const connectListener = async (): Promise<void> => {
    const client = new pg.Client({
      connectionString,
      ...options,
      application_name: 'feldakte-listen',
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('error', () => undefined);
    client.on('notification', (message) => {
      if (!ownBackends.has(message.processId) && message.payload !== undefined)
        listeners.deliver(message.payload);
    });
    try {
      await client.connect();
      await client.query(listenSql);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await client.end().catch(() => undefined);
      return;
    }
    client.once('end', () => {
      if (listener !== client) return;
      listener = undefined;
      live = false;
      // Whatever was notified from now until the connection is back is lost.
      listeners.gap();
      scheduleReconnect();
    });
    listener = client;
    live = true;
    wait = reconnectMs;
  };

  const scheduleReconnect = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connectListener().then(
        // Back: notifications made while it was down were missed.
        () => live && listeners.gap(),
        () => {
          wait = Math.min(wait * 2, MAX_RECONNECT_MS);
          scheduleReconnect();
        },
      );
    }, wait);
    retry.unref();
  };

  return {
    kind: 'postgres',
    query: (sql, params) => once((conn) => conn.query(sql, params)),
    exec: (sql) => once((conn) => conn.exec(sql)),
    async transaction(fn) {
      const client = await acquire();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is not given out again.
        await client.query('ROLLBACK').catch((failed: Error) => (broken = failed));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async listen(name, handler) {
      const stop = listeners.add(name, handler);
      // The first listen opens the connection; if that fails, it is retried in the background
      // (listening() stays false until then).
      started ??= connectListener().catch(() => scheduleReconnect());
      await started;
      return stop;
    },
    async notify(name, payload = '') {
      const raw = encodeNotification(name, payload);
      await once((conn) => conn.query('SELECT pg_notify($1, $2)', [channel, raw]));
    },
    listening: () => live,
    async close() {
      if (closed) return;
      closed = true;
      live = false;
      if (retry) clearTimeout(retry);
      await started;
      await listener?.end().catch(() => undefined);
      listener = undefined;
      await pool.end();
    },
  };
}

/** Anything but PostgreSQL refusing a statement: the connection may be broken, so it is dropped. */
function isConnectionError(error: unknown): boolean {
  return !(error instanceof pg.DatabaseError);
}
