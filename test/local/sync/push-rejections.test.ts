import { describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/local/db';
import { deleteRecord, putRecord } from '../../../src/local/write-record';
import { syncOnce } from '../../../src/local/sync/sync-engine';
import { SyncError } from '../../../src/local/sync/sync-error';
import { scriptedTransport } from '../../support/scripted-transport';
import { caseChange, deviceDatabases, page, writeCase } from '../../support/sync-fixtures';

const device = deviceDatabases();

describe('a rejected change ([P5])', () => {
  async function syncedCase(db: FeldakteDb, fields: Record<string, unknown>) {
    const id = await writeCase(db, fields);
    const server = { id, status: 'inquiry', ...fields };
    await syncOnce(
      db,
      scriptedTransport({ pull: () => page([caseChange(id, server, 1)], { lastMutationId: 1 }) }),
    );
    return { id, server };
  }

  it('is shown with its reason, leaves the outbox, and the record returns to the server version with later edits on top', async () => {
    const db = device();
    const { id, server } = await syncedCase(db, { givenName: 'Amina', familyName: 'Haddad' });
    await putRecord(db, 'cases', id, { status: 'active' }); // mutation 2: refused by the server
    await putRecord(db, 'cases', id, { givenName: 'Aminah' }); // mutation 3: still pending
    const reason = 'Dieser Statuswechsel ist nicht möglich.';
    const transport = scriptedTransport({
      push: (request) => ({
        lastMutationId: 3,
        results: request.mutations.map((m) =>
          m.id === 2
            ? {
                id: 2,
                status: 'rejected' as const,
                reason,
                current: {
                  fields: { ...server, status: 'closed', closingReason: 'moved' },
                  deleted: false,
                },
              }
            : { id: m.id, status: 'applied' as const },
        ),
      }),
      pull: () => Promise.reject(new SyncError('offline')),
    });

    await syncOnce(db, transport);

    expect(await db.rejections.toArray()).toEqual([
      expect.objectContaining({
        mutationId: 2,
        table: 'cases',
        recordId: id,
        reason,
        fields: { status: 'active' },
      }),
    ]);
    expect((await db.outbox.toArray()).map((entry) => entry.id)).toEqual([3]);
    expect(await db.cases.get(id)).toMatchObject({
      status: 'closed',
      closingReason: 'moved',
      givenName: 'Aminah',
    });
  });

  it('deletes a record the server does not have (a refused new record)', async () => {
    const db = device();
    const id = await writeCase(db, { givenName: 'Amina' });
    const transport = scriptedTransport({
      push: () => ({
        lastMutationId: 1,
        results: [{ id: 1, status: 'rejected', reason: 'Ungültig', current: null }],
      }),
    });

    await syncOnce(db, transport);

    expect(await db.cases.get(id)).toBeUndefined();
    expect(await db.rejections.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('deletes the record when the server has deleted it meanwhile', async () => {
    const db = device();
    const { id } = await syncedCase(db, { givenName: 'Amina', familyName: 'Haddad' });
    await putRecord(db, 'cases', id, { givenName: 'Aminah' });
    const transport = scriptedTransport({
      push: () => ({
        lastMutationId: 2,
        results: [
          {
            id: 2,
            status: 'rejected',
            reason: 'Der Eintrag wurde gelöscht.',
            current: { fields: {}, deleted: true },
          },
        ],
      }),
    });

    await syncOnce(db, transport);

    expect(await db.cases.get(id)).toBeUndefined();
    expect((await db.rejections.get(2))?.reason).toBe('Der Eintrag wurde gelöscht.');
  });

  it('keeps a pending delete when an earlier edit of the record is refused', async () => {
    const db = device();
    const { id, server } = await syncedCase(db, { givenName: 'Amina', familyName: 'Haddad' });
    await putRecord(db, 'cases', id, { givenName: 'Aminah' });
    await deleteRecord(db, 'cases', id);
    const transport = scriptedTransport({
      push: () => ({
        lastMutationId: 2,
        results: [
          {
            id: 2,
            status: 'rejected',
            reason: 'Nein',
            current: { fields: server, deleted: false },
          },
        ],
      }),
      pull: () => Promise.reject(new SyncError('offline')),
    });

    await syncOnce(db, transport);

    expect(await db.cases.get(id)).toBeUndefined();
    expect((await db.outbox.toArray()).map((entry) => entry.op)).toEqual(['delete']);
  });

  it('a repeated answer for the same rejection stores it once', async () => {
    const db = device();
    await writeCase(db);
    const reject = () => ({
      lastMutationId: 1,
      results: [{ id: 1, status: 'rejected' as const, reason: 'Nein', current: null }],
    });
    await syncOnce(db, scriptedTransport({ push: reject }));
    await syncOnce(db, scriptedTransport({ push: reject }));

    expect(await db.rejections.count()).toBe(1);
  });
});
