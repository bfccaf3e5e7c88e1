// PGlite on disk: what was pushed before a restart is pulled after it, and the device's
// acknowledged mutations stay acknowledged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openPgliteStore } from '../../src/server/store/pglite-store';
import { migrate } from '../../src/server/store/migrate';
import {
  newRecordId,
  putCase,
  startTestServer,
  validCase,
  type PullResponse,
  type PushResponse,
} from '../support/server-harness';

const dataDir = mkdtempSync(join(tmpdir(), 'feldakte-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function openServer() {
  const store = await openPgliteStore(dataDir);
  await migrate(store);
  return startTestServer({ store });
}

it(
  '[P1][V2] a push before a restart is pulled after it, and replaying it stays a no-op ([P3])',
  { timeout: 120_000 },
  async () => {
    const before = await openServer();
    const anna = await before.member('Team Disk');
    const caseId = newRecordId();
    const mutation = putCase(anna, 1, caseId, validCase());
    const first = (await before.push(anna, [mutation])).json<PushResponse>();
    expect(first.lastMutationId).toBe(1);
    await before.close();

    const after = await openServer();
    try {
      // The session lives in the database, so the same cookie still works.
      const page = (await after.pull(anna, null)).json<PullResponse>();
      expect(page.changes).toMatchObject([{ table: 'cases', id: caseId, fields: validCase() }]);
      expect(page.lastMutationId).toBe(1);
      const replay = (await after.push(anna, [mutation])).json<PushResponse>();
      expect(replay).toEqual({
        lastMutationId: 1,
        results: [{ id: 1, status: 'applied' }],
        // [B1] a restart is no restore: the epoch stays.
        epoch: first.epoch,
      });
      expect((await after.pullAll(anna)).changes).toHaveLength(1);
    } finally {
      await after.close();
    }
  },
);
