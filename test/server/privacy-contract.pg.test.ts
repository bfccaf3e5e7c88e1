// Real PostgreSQL (TEST_DATABASE_URL): never skipped. Also the retention job's advisory lock,
// which only a second connection can hold.
import { describe, expect, it } from 'vitest';
import { describePrivacyContract } from './privacy-contract';
import { postgresStore } from '../support/server-harness';
import { RETENTION_LOCK, runRetention } from '../../src/server/privacy/retention';

describePrivacyContract('PostgreSQL', () => postgresStore());

describe('[X5] the retention job on several server instances', () => {
  it('runs on one instance at a time: another one skips while the lock is held', async () => {
    const store = await postgresStore();
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const holder = store.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext(current_schema()), $1)', [
          RETENTION_LOCK,
        ]);
        locked();
        await held;
      });
      await lockTaken;
      expect(await runRetention(store, { today: '2030-01-01' })).toEqual({
        ran: false,
        cases: 0,
        records: 0,
      });
      release();
      await holder;
      expect((await runRetention(store, { today: '2030-01-01' })).ran).toBe(true);
    } finally {
      await store.close();
    }
  });
});
