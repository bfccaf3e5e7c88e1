import { describe, expect, it } from 'vitest';
import { getMeta } from '../../../src/local/meta';
import { putRecord } from '../../../src/local/write-record';
import { syncOnce } from '../../../src/local/sync/sync-engine';
import { newRecordId } from '../../../src/shared/domain/record-id';
import { SyncError } from '../../../src/local/sync/sync-error';
import { MAX_BODY_BYTES, MAX_MUTATIONS_PER_PUSH } from '../../../src/shared/sync/protocol';
import type { PushRequest } from '../../../src/shared/sync/protocol';
import { applyAll, scriptedTransport } from '../../support/scripted-transport';
import { caseChange, deviceDatabases, page, writeCase } from '../../support/sync-fixtures';
import { failPutsInto } from '../../support/failing-storage';

const device = deviceDatabases();
const sentIds = (pushes: PushRequest[]) => pushes.map((push) => push.mutations.map((m) => m.id));

describe('one sync round', () => {
  it('[E2] pushes the outbox in id order, in batches, then pulls until the server has no more', async () => {
    const db = device();
    for (const name of ['A', 'B', 'C', 'D', 'E']) await writeCase(db, { givenName: name });
    const pages = [
      page([], { cursor: 10, hasMore: true }),
      page([], { cursor: 12, hasMore: false }),
    ];
    const transport = scriptedTransport({
      pull: (_request, t) => ({ ...pages.shift()!, lastMutationId: t.lastMutationId }),
    });

    const result = await syncOnce(db, transport, { pushBatchSize: 2 });

    expect(result).toMatchObject({ ok: true, pushed: 5, rejected: 0 });
    expect(sentIds(transport.pushes)).toEqual([[1, 2], [3, 4], [5]]);
    expect(transport.pulls.map((pull) => pull.cursor)).toEqual([null, 10]);
    expect(await getMeta(db, 'cursor')).toBe(12);
    expect(await db.outbox.count()).toBe(0);
  });

  it('[E2] sends each mutation as the protocol describes it, with the cursor it was written at', async () => {
    const db = device();
    const id = await writeCase(db, { givenName: 'Amina' });
    await syncOnce(
      db,
      scriptedTransport({ pull: () => page([], { cursor: 4, lastMutationId: 1 }) }),
    );
    await putRecord(db, 'cases', id, { familyName: 'Haddad-Khalil' });
    const transport = scriptedTransport();

    await syncOnce(db, transport);

    const [push] = transport.pushes;
    expect(push).toMatchObject({ clientId: await getMeta(db, 'clientId'), schemaVersion: 1 });
    expect(push!.mutations).toEqual([
      {
        id: 2,
        table: 'cases',
        recordId: id,
        op: 'put',
        fields: { familyName: 'Haddad-Khalil' },
        hlc: expect.any(String),
        baseCursor: 4,
      },
    ]);
  });

  it('[E2] never sends more than the server accepts in one push', async () => {
    const db = device();
    await db.transaction('rw', db.outbox, () =>
      db.outbox.bulkAdd(
        Array.from({ length: MAX_MUTATIONS_PER_PUSH + 3 }, (_, i) => ({
          id: i + 1,
          table: 'gaps' as const,
          recordId: `0190aaaa-0000-7000-8000-${String(i).padStart(12, '0')}`,
          op: 'put' as const,
          fields: { category: 'housing', description: 'x'.repeat(10), date: '2025-03-01' },
          hlc: '2025-03-01T10:00:00.000Z-0000-device',
          baseCursor: 0,
          createdAt: '2025-03-01T10:00:00.000Z',
        })),
      ),
    );
    const transport = scriptedTransport();

    await syncOnce(db, transport, { pushBatchSize: 10_000 });

    expect(transport.pushes.map((push) => push.mutations.length)).toEqual([
      MAX_MUTATIONS_PER_PUSH,
      3,
    ]);
  });

  it('[E2] splits a push so that one request stays under the server body limit', async () => {
    const db = device();
    const note = 'ä'.repeat(350_000); // ~700 KB as UTF-8
    await db.outbox.bulkAdd(
      [1, 2, 3].map((id) => ({
        id,
        table: 'gaps' as const,
        recordId: `0190aaaa-0000-7000-8000-00000000000${id}`,
        op: 'put' as const,
        fields: { category: 'housing', description: note, date: '2025-03-01' },
        hlc: '2025-03-01T10:00:00.000Z-0000-device',
        baseCursor: 0,
        createdAt: '2025-03-01T10:00:00.000Z',
      })),
    );
    const transport = scriptedTransport();

    await syncOnce(db, transport);

    expect(sentIds(transport.pushes)).toEqual([[1, 2], [3]]);
    for (const push of transport.pushes) {
      expect(new TextEncoder().encode(JSON.stringify(push)).length).toBeLessThan(MAX_BODY_BYTES);
    }
  });

  it('stops instead of pulling forever when the server says "more" without moving on', async () => {
    const db = device();
    const transport = scriptedTransport({ pull: () => page([], { cursor: 3, hasMore: true }) });

    const result = await syncOnce(db, transport);

    expect(!result.ok && result.error.kind).toBe('server');
    expect(transport.pulls).toHaveLength(2);
  });

  it('[A1] downloads the next page while storing one, yet stores pages strictly in order', async () => {
    const db = device();
    const ids = [newRecordId(), newRecordId(), newRecordId()];
    const pages = [
      page([caseChange(ids[0]!, { givenName: 'A', familyName: 'X' }, 1)], { hasMore: true }),
      page([caseChange(ids[1]!, { givenName: 'B', familyName: 'X' }, 2)], { hasMore: true }),
      page([caseChange(ids[2]!, { givenName: 'B2', familyName: 'X' }, 3)], { hasMore: false }),
    ];
    const transport = scriptedTransport({ pull: () => pages.shift()! });

    const result = await syncOnce(db, transport);

    expect(result).toMatchObject({ ok: true, pulled: 3 });
    expect(transport.pulls.map((pull) => pull.cursor)).toEqual([null, 1, 2]);
    expect(await getMeta(db, 'cursor')).toBe(3);
    expect(await db.cases.count()).toBe(3);
  });

  it('[A1] when storing a page fails, the page downloaded ahead is dropped and the next sync resumes', async () => {
    const db = device();
    let caseWrites = 0;
    // The device's storage fails while the second page is stored (e.g. the disk filled up).
    failPutsInto('cases', () => ++caseWrites === 2);
    const pageAt = (cursor: number | null) =>
      page([caseChange(newRecordId(), { givenName: 'A', familyName: 'X' }, (cursor ?? 0) + 1)], {
        hasMore: (cursor ?? 0) < 2,
      });
    const transport = scriptedTransport({ pull: (request) => pageAt(request.cursor) });

    const failed = await syncOnce(db, transport);

    expect(failed.ok).toBe(false);
    expect(await getMeta(db, 'cursor')).toBe(1);
    expect(await db.cases.count()).toBe(1);

    const resumed = await syncOnce(db, transport);
    expect(resumed.ok).toBe(true);
    expect(transport.pulls.at(-2)!.cursor).toBe(1);
    expect(await getMeta(db, 'cursor')).toBe(3);
    expect(await db.cases.count()).toBe(3);
  });

  it('[A4] applied entries stay in the outbox until a pull confirms them', async () => {
    const db = device();
    await writeCase(db);
    const transport = scriptedTransport({
      pull: () => {
        throw new SyncError('offline');
      },
    });

    const result = await syncOnce(db, transport);

    expect(result.ok).toBe(false);
    expect(await db.outbox.count()).toBe(1);
  });

  it('records the time of a successful sync and clears the last error ([E4])', async () => {
    const db = device();
    await syncOnce(db, scriptedTransport({ pull: () => Promise.reject(new SyncError('server')) }));
    expect((await getMeta(db, 'lastSyncError'))?.kind).toBe('server');

    const now = new Date('2025-03-14T09:30:00.000Z');
    const result = await syncOnce(db, scriptedTransport(), { now: () => now });

    expect(result).toMatchObject({ ok: true, at: now.toISOString() });
    expect(await getMeta(db, 'lastSyncAt')).toBe(now.toISOString());
    expect(await getMeta(db, 'lastSyncError')).toBeNull();
  });

  it('[S2] a 401 keeps the outbox, pulls nothing and tells the THM to sign in again', async () => {
    const db = device();
    await writeCase(db);
    const transport = scriptedTransport({
      push: () => Promise.reject(new SyncError('unauthorized')),
    });

    const result = await syncOnce(db, transport);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('unauthorized');
    expect(!result.ok && result.error.retryable).toBe(false);
    expect(transport.pulls).toHaveLength(0);
    expect(await db.outbox.count()).toBe(1);
    expect(await getMeta(db, 'lastSyncError')).toMatchObject({
      kind: 'unauthorized',
      message: expect.stringContaining('erneut anmelden'),
    });
  });

  it('[S1] a 426 keeps the outbox and asks for an update', async () => {
    const db = device();
    await writeCase(db);

    const result = await syncOnce(
      db,
      scriptedTransport({ push: () => Promise.reject(new SyncError('outdated')) }),
    );

    expect(!result.ok && result.error.message).toMatch(/App aktualisieren/);
    expect(await db.outbox.count()).toBe(1);
  });

  it('without a connection the outbox stays and the message says the changes are safe', async () => {
    const db = device();
    await writeCase(db);

    const result = await syncOnce(
      db,
      scriptedTransport({ push: () => Promise.reject(new SyncError('offline')) }),
    );

    expect(!result.ok && result.error.message).toBe(
      'Keine Verbindung. Änderungen bleiben auf dem Gerät gespeichert.',
    );
    expect(!result.ok && result.error.retryable).toBe(true);
    expect(await db.outbox.count()).toBe(1);
  });

  it('[E1] two syncs of one database never overlap', async () => {
    const db = device();
    await writeCase(db);
    let inFlight = 0;
    let maxInFlight = 0;
    const slow = async <T>(value: T) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return value;
    };
    const transport = scriptedTransport({
      push: (request, t) => slow(applyAll(request, t)),
      pull: (_request, t) => slow(page([], { lastMutationId: t.lastMutationId })),
    });

    const results = await Promise.all([
      syncOnce(db, transport),
      syncOnce(db, transport),
      syncOnce(db, transport),
    ]);

    expect(results.every((result) => result.ok)).toBe(true);
    expect(maxInFlight).toBe(1);
  });

  it('[E1] uses the Web Lock named after the database when the browser has one', async () => {
    const db = device();
    const requested: string[] = [];
    const locks = {
      request: <T>(name: string, run: () => Promise<T>) => {
        requested.push(name);
        return run();
      },
    };

    await syncOnce(db, scriptedTransport(), { locks });

    expect(requested).toEqual([`feldakte-sync-${db.name}`]);
  });
});
