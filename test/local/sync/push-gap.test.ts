import { describe, expect, it } from 'vitest';
import { syncOnce } from '../../../src/local/sync/sync-engine';
import { SyncError } from '../../../src/local/sync/sync-error';
import type { PushRequest } from '../../../src/shared/sync/protocol';
import { applyAll, scriptedTransport } from '../../support/scripted-transport';
import { deviceDatabases, writeCase } from '../../support/sync-fixtures';

const device = deviceDatabases();
const sentIds = (pushes: PushRequest[]) => pushes.map((push) => push.mutations.map((m) => m.id));

describe('a push with a gap ([P4])', () => {
  it('resumes after what the server already has', async () => {
    const db = device();
    for (const name of ['A', 'B', 'C']) await writeCase(db, { givenName: name });
    let refused = false;
    const transport = scriptedTransport({
      push: (request, t) => {
        if (!refused) {
          refused = true;
          t.lastMutationId = 2;
          return Promise.reject(new SyncError('gap', { lastMutationId: 2 }));
        }
        return applyAll(request, t);
      },
    });

    const result = await syncOnce(db, transport);

    expect(result.ok).toBe(true);
    expect(sentIds(transport.pushes)).toEqual([[1, 2, 3], [3]]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('stops with an error and drops nothing when the server lacks entries the device no longer has', async () => {
    const db = device();
    for (const name of ['A', 'B', 'C', 'D']) await writeCase(db, { givenName: name });
    // Entries 1 and 2 were confirmed and removed; then the server lost them (restored backup).
    await db.outbox.bulkDelete([1, 2]);
    const transport = scriptedTransport({
      push: () => Promise.reject(new SyncError('gap', { lastMutationId: 0 })),
    });

    const result = await syncOnce(db, transport);

    expect(!result.ok && result.error.kind).toBe('gap');
    expect(!result.ok && result.error.message).toMatch(/Nichts wurde gelöscht/);
    expect((await db.outbox.toArray()).map((entry) => entry.id)).toEqual([3, 4]);
    expect(transport.pulls).toHaveLength(0);
  });
});
