import { describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/local/db';
import { putRecord } from '../../../src/local/write-record';
import { applyPullPage } from '../../../src/local/sync/apply-pull';
import { syncOnce } from '../../../src/local/sync/sync-engine';
import { SyncError } from '../../../src/local/sync/sync-error';
import { pendingRecordIds, readSyncStatus } from '../../../src/local/sync/sync-status';
import { dismissRejection } from '../../../src/local/sync/dismiss-rejection';
import { dismissConflict, reapplyConflict } from '../../../src/local/sync/resolve-conflict';
import type { Conflict } from '../../../src/shared/domain/conflict';
import { newRecordId } from '../../../src/shared/domain/record-id';
import { scriptedTransport } from '../../support/scripted-transport';
import {
  caseChange,
  deviceDatabases,
  otherClock,
  page,
  writeCase,
} from '../../support/sync-fixtures';

const device = deviceDatabases();

/** A case known to the server, plus a conflict about its given name as the server sends it. */
async function caseWithConflict(db: FeldakteDb) {
  const caseId = newRecordId();
  const conflict: Conflict = {
    id: newRecordId(),
    table: 'cases',
    recordId: caseId,
    caseId,
    field: 'givenName',
    losingValue: 'Aminah',
    losingHlc: otherClock(-1_000),
    keptValue: 'Amina',
    keptHlc: otherClock(),
    createdAt: '2025-03-14T09:30:00.000Z',
  };
  await applyPullPage(
    db,
    page([
      caseChange(caseId, { givenName: 'Amina', familyName: 'Haddad' }, 1),
      {
        table: 'conflicts',
        id: conflict.id,
        deleted: false,
        fields: conflict,
        version: 1,
        hlc: otherClock(),
      },
    ]),
  );
  return { caseId, conflict };
}

describe('[E4] the sync status comes from the database', () => {
  it('counts pending changes, rejections and open conflicts, with the last sync and error', async () => {
    const db = device();
    await caseWithConflict(db);
    await writeCase(db);
    await writeCase(db, { givenName: 'Yonas' });
    await syncOnce(db, scriptedTransport({ push: () => Promise.reject(new SyncError('offline')) }));

    expect(await readSyncStatus(db)).toEqual({
      pending: 2,
      rejections: 0,
      unresolvedConflicts: 1,
      lastSyncAt: null,
      lastError: {
        kind: 'offline',
        message: 'Keine Verbindung. Änderungen bleiben auf dem Gerät gespeichert.',
        at: expect.any(String),
      },
    });
  });

  it('lists the records of a table that are not synced yet', async () => {
    const db = device();
    const unsynced = await writeCase(db);
    const { caseId: synced } = await caseWithConflict(db);
    expect(await pendingRecordIds(db, 'cases')).toEqual(new Set([unsynced]));

    await putRecord(db, 'cases', synced, { familyName: 'Haddad-Khalil' });

    expect(await pendingRecordIds(db, 'cases')).toEqual(new Set([unsynced, synced]));
    expect(await pendingRecordIds(db, 'contacts')).toEqual(new Set());
  });

  it('a dismissed rejection no longer counts', async () => {
    const db = device();
    await writeCase(db);
    await syncOnce(
      db,
      scriptedTransport({
        push: () => ({
          lastMutationId: 1,
          results: [{ id: 1, status: 'rejected', reason: 'Nein', current: null }],
        }),
      }),
    );
    expect((await readSyncStatus(db)).rejections).toBe(1);

    await dismissRejection(db, 1);

    expect((await readSyncStatus(db)).rejections).toBe(0);
  });
});

describe('[M4] reviewing a conflict', () => {
  it('re-applying writes the losing value back as a new edit and resolves the conflict', async () => {
    const db = device();
    const { caseId, conflict } = await caseWithConflict(db);
    const now = new Date('2025-03-15T08:00:00.000Z');

    const result = await reapplyConflict(db, conflict, { resolvedBy: 'user-1', now });

    expect(result.ok).toBe(true);
    expect((await db.cases.get(caseId))?.givenName).toBe('Aminah');
    expect(await db.conflicts.get(conflict.id)).toMatchObject({
      resolution: 'reapplied',
      resolvedAt: now.toISOString(),
      resolvedBy: 'user-1',
    });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((entry) => [entry.table, entry.fields])).toEqual([
      ['cases', { givenName: 'Aminah' }],
      [
        'conflicts',
        { resolution: 'reapplied', resolvedAt: now.toISOString(), resolvedBy: 'user-1' },
      ],
    ]);
    expect(outbox[0]!.hlc > conflict.keptHlc).toBe(true);
    expect((await readSyncStatus(db)).unresolvedConflicts).toBe(0);
  });

  it('a losing value that no longer fits is not written and the conflict stays open', async () => {
    const db = device();
    const { caseId, conflict } = await caseWithConflict(db);
    const stale = { ...conflict, field: 'status', losingValue: 'paused', keptValue: 'inquiry' };

    const result = await reapplyConflict(db, stale, { resolvedBy: 'user-1' });

    expect(result).toMatchObject({ ok: false, message: 'Dieser Statuswechsel ist nicht möglich.' });
    expect((await db.cases.get(caseId))?.status).toBe('inquiry');
    expect((await db.conflicts.get(conflict.id))?.resolution).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('dismissing keeps the current value and resolves the conflict', async () => {
    const db = device();
    const { caseId, conflict } = await caseWithConflict(db);

    const result = await dismissConflict(db, conflict, { resolvedBy: 'user-1' });

    expect(result.ok).toBe(true);
    expect((await db.cases.get(caseId))?.givenName).toBe('Amina');
    expect((await db.conflicts.get(conflict.id))?.resolution).toBe('dismissed');
  });
});
