import { describe, expect, it } from 'vitest';
import { describeConcurrency } from './concurrency';
import { memoryStore } from '../support/server-harness';

describeConcurrency('PGlite', memoryStore);

// The PGlite store adds no lock of its own: PGlite queues every query, exec and close behind a
// running transaction. This is the property the store relies on.
describe('PGlite serialises a transaction against other queries', () => {
  it('a query issued while a transaction is open runs after its commit and sees it', async () => {
    const store = await memoryStore();
    try {
      await store.exec('CREATE TABLE probe (n integer)');
      let committed = false;
      const writing = store.transaction(async (tx) => {
        await tx.query('INSERT INTO probe VALUES (1)');
        await new Promise((resolve) => setTimeout(resolve, 50));
        await tx.query('INSERT INTO probe VALUES (2)');
        committed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
      const counted = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM probe');
      expect(committed).toBe(true);
      expect(counted).toEqual([{ n: 2 }]);
      await writing;
    } finally {
      await store.close();
    }
  });

  it('a failed transaction rolls back and the next query still runs', async () => {
    const store = await memoryStore();
    try {
      await store.exec('CREATE TABLE probe (n integer)');
      const failing = store.transaction(async (tx) => {
        await tx.query('INSERT INTO probe VALUES (1)');
        throw new Error('refused');
      });
      const counted = store.query<{ n: number }>('SELECT count(*)::int AS n FROM probe');
      await expect(failing).rejects.toThrow('refused');
      expect(await counted).toEqual([{ n: 0 }]);
    } finally {
      await store.close();
    }
  });
});
