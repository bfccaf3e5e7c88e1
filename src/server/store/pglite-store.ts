// Embedded PostgreSQL (PGlite): the default store. In memory without a dataDir (tests), on disk
// in `dataDir` otherwise. One connection: PGlite itself queues every query, exec and close behind
// a running transaction, so none interleaves with it (test/server/concurrency.pglite.test.ts).
import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { filterTar } from '../ops/tar-filter';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Queryable, Store } from './store';

/** `loadDataDir`: a tar of a data directory (a backup) to start from (ops/backup.ts). */
export async function openPgliteStore(dataDir?: string, loadDataDir?: Uint8Array): Promise<Store> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const options = loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {};
  const db = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
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

  return {
    kind: 'pglite',
    query: (sql, params) => direct.query(sql, params),
    exec: (sql) => direct.exec(sql),
    transaction: (fn) => db.transaction((tx) => fn(on(tx))),
    // One process, one connection: a notice reaches this process's listeners when its transaction
    // commits, and no connection can be lost in between.
    async listen(channel, onNotice) {
      const stop = await db.listen(`"${channel.replaceAll('"', '""')}"`, onNotice);
      return async () => {
        if (!closed) await stop();
      };
    },
    async dumpDataDir() {
      const tar = new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
      // The database only: not the backups kept in DATA_DIR/backups, not the admin channel (documents in DATA_DIR/files go along).
      const kept = filterTar(tar, (path) => !/(^|\/)backups(\/|$)|admin-channel\.json$/.test(path));
      return new Uint8Array(gzipSync(kept));
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
