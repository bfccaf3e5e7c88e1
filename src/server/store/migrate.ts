// Numbered migrations (src/server/migrations/NNN-name.sql), applied at start in ONE transaction:
// a failing migration leaves the database as it was.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from './store';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
const FILE_NAME = /^(\d{3})-[a-z0-9-]+\.sql$/;
/** Any fixed number: two servers starting at once on one database take turns. */
const MIGRATION_LOCK = 7_302_118;

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => FILE_NAME.test(name))
    .sort()
    .map((name) => ({
      id: Number(FILE_NAME.exec(name)![1]),
      name,
      sql: readFileSync(`${dir}/${name}`, 'utf8'),
    }));
}

/** Applies the migrations not yet applied; returns their names. */
export async function migrate(store: Store, migrations = readMigrations()): Promise<string[]> {
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const rows = await tx.query<{ id: number }>('SELECT id FROM schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.id)));
    const names: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [
        migration.id,
        migration.name,
      ]);
      names.push(migration.name);
    }
    return names;
  });
}
