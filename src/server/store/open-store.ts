// Picks the store from the environment: DATABASE_URL -> PostgreSQL, otherwise PGlite in DATA_DIR.
// The server and the admin CLI both open their store here, so they always agree.
import { openPgliteStore } from './pglite-store';
import { openPgStore } from './pg-store';
import { migrate } from './migrate';
import type { Store } from './store';

export interface StoreEnv {
  DATABASE_URL?: string;
  DATABASE_SCHEMA?: string;
  DATA_DIR?: string;
}

export async function openStoreFromEnv(env: StoreEnv = process.env): Promise<Store> {
  const store = env.DATABASE_URL
    ? await openPgStore({
        connectionString: env.DATABASE_URL,
        ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}),
      })
    : await openPgliteStore(env.DATA_DIR || './data');
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
