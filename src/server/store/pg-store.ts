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
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
