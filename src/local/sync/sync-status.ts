// What the sync chip and the "not yet synced" badges show, read from the database only ([E4]):
// the page wraps these in liveQuery, and the service worker's syncs update them too.
import Dexie from 'dexie';
import type { FeldakteDb } from '../db';
import { getMeta, type MetaValues } from '../meta';
import type { TableName } from '../../shared/domain/tables';

export interface SyncStatus {
  /** Local changes not yet confirmed by the server. */
  pending: number;
  /** Changes the server refused, until the THM dismisses them. */
  rejections: number;
  /** Concurrent edits that lost and still wait for review ([M4]). */
  unresolvedConflicts: number;
  /** Time of the last successful round trip, null before the first. */
  lastSyncAt: string | null;
  lastError: MetaValues['lastSyncError'];
}

export async function readSyncStatus(db: FeldakteDb): Promise<SyncStatus> {
  return db.transaction('r', [db.outbox, db.rejections, db.conflicts, db.meta], async () => {
    const [pending, rejections, unresolvedConflicts, lastSyncAt, lastError] = await Promise.all([
      db.outbox.count(),
      db.rejections.count(),
      db.conflicts.filter((conflict) => !conflict.resolution).count(),
      getMeta(db, 'lastSyncAt'),
      getMeta(db, 'lastSyncError'),
    ]);
    return {
      pending,
      rejections,
      unresolvedConflicts,
      lastSyncAt: lastSyncAt ?? null,
      lastError: lastError ?? null,
    };
  });
}

/** Ids of the records of `table` with changes still in the outbox. */
export async function pendingRecordIds(db: FeldakteDb, table: TableName): Promise<Set<string>> {
  const keys = await db.outbox
    .where('[table+recordId]')
    .between([table, Dexie.minKey], [table, Dexie.maxKey])
    .keys();
  return new Set(keys.map((key) => (key as unknown as [string, string])[1]));
}
