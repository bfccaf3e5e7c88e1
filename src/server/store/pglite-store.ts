// Embedded PostgreSQL (PGlite): the default store. In memory without a dataDir (tests), on disk
// in `dataDir` otherwise. One connection: PGlite itself queues every query, exec and close behind
// a running transaction, so none interleaves with it (test/server/concurrency.pglite.test.ts).
// Only this process opens the database (the admin CLI asks the running server over loopback), so
// the notification bus is PostgreSQL's own LISTEN/NOTIFY inside PGlite, delivered in process when
// the notifying transaction commits.
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Queryable, Store } from './store';
import { BusListeners, busChannelOf, encodeNotification } from './notification-bus';

export async function openPgliteStore(dataDir?: string): Promise<Store> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  let closed = false;

  const on = (conn: PGlite | Transaction): Queryable => ({
    async query<R extends object>(sql: string, params: unknown[] = []) {
      return (await conn.query<R>(sql, params)).rows;
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
  });
  const direct = on(db);

  const listeners = new BusListeners();
  const [{ schema }] = (await db.query<{ schema: string }>('SELECT current_schema() AS schema'))
    .rows as [{ schema: string }];
  const channel = busChannelOf(schema);
  let listening: Promise<unknown> | undefined;

  return {
    kind: 'pglite',
    query: (sql, params) => direct.query(sql, params),
    exec: (sql) => direct.exec(sql),
    transaction: (fn) => db.transaction((tx) => fn(on(tx))),
    async listen(name, handler) {
      const stop = listeners.add(name, handler);
      listening ??= db.listen(channel, (raw) => listeners.deliver(raw));
      await listening;
      return stop;
    },
    async notify(name, payload = '') {
      await db.query('SELECT pg_notify($1, $2)', [channel, encodeNotification(name, payload)]);
    },
    listening: () => listening !== undefined && !closed,
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
