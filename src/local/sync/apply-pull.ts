// Stores one pulled page ([A1]-[A3], [C2]). Everything happens in ONE Dexie transaction: if any
// write fails, the page, the outbox drop and the cursor all stay as they were, and the next sync
// pulls the same page again. Writes are batched per table (bulkPut/bulkDelete): a first sync of
// tens of thousands of records must not wait on one IndexedDB round trip per record. A page is
// prepared (deduplicated, sealed with WebCrypto) outside any transaction, so the engine prepares
// the next page while this one is written (pull-changes.ts).
import type { FeldakteDb } from '../db';
import { ensureClientId, getMeta, setMeta } from '../meta';
import { isTableName, type TableName } from '../../shared/domain/tables';
import type { AnyRecord } from '../../shared/domain/table-rules';
import type { Change, PullResponse } from '../../shared/sync/protocol';
import { parseHlc, receiveHlc } from '../../shared/sync/hlc';
import { overlayPending, pendingEntriesFor, recordKey } from './pending-overlay';
import { sealPulledRecords } from '../crypto/bulk-cipher';
import { deviceNow } from '../device-environment';
import { applyPurges } from './apply-purge';
import { SyncError } from './sync-error';

/** A pulled page made ready to store: deduplicated and, where the device is unlocked, sealed. */
export interface PreparedPage {
  page: PullResponse;
  changes: (Change & { table: TableName })[];
  sealed: Map<string, Record<string, unknown>>;
  newestHlc: string | null;
}

export async function applyPullPage(
  db: FeldakteDb,
  page: PullResponse,
  now = deviceNow(db),
): Promise<void> {
  await storePullPage(db, await preparePullPage(db, page), now);
}

/** Everything about a page that needs no transaction: the later of two versions, the sealing. */
export async function preparePullPage(db: FeldakteDb, page: PullResponse): Promise<PreparedPage> {
  // A record may change twice within one page; its later version is the one to keep.
  const latest = new Map<string, Change & { table: TableName }>();
  let newestHlc: string | null = null;
  for (const change of page.changes) {
    // A table this app version does not know yet comes with an update; skip it rather than fail.
    if (!isTableName(change.table)) continue;
    latest.set(recordKey(change.table, change.id), change as Change & { table: TableName });
    // Compared first, parsed only when newer: a page of 2,000 mostly shares a few clocks.
    if ((newestHlc === null || change.hlc > newestHlc) && parseHlc(change.hlc)) {
      newestHlc = change.hlc;
    }
  }
  const changes = [...latest.values()];
  // [K1] sealed with WebCrypto before the transaction opens: nothing may await inside it.
  const sealed = await sealPulledRecords(db, changes);
  return { page, changes, sealed, newestHlc };
}

/**
 * Stores a prepared page in ONE transaction ([A1]). The page's writes are issued first, before
 * anything in the transaction is awaited: IndexedDB copies each row when it is put, so a page can
 * be handed over while the page before it is still committing (pull-changes.ts), and IndexedDB
 * runs the two transactions in the order they were opened. `afterCursor` is the cursor this page
 * continues from; if the stored one differs (the page before did not commit), nothing of this page
 * is kept.
 */
export async function storePullPage(
  db: FeldakteDb,
  { page, changes, sealed, newestHlc }: PreparedPage,
  now = deviceNow(db),
  afterCursor?: number | null,
): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    // The server's versions, as sealed before the transaction ([K1]); pending local edits are
    // laid over them below, in this same transaction, so nobody sees them without.
    const puts = new Map<TableName, Record<string, unknown>[]>();
    const deletes = new Map<TableName, string[]>();
    for (const change of changes) {
      // [A3] a tombstone wins locally; pending edits of the record wait for their rejection ([P5]).
      if (change.deleted) append(deletes, change.table, change.id);
      else {
        const record = sealed.get(recordKey(change.table, change.id)) ?? {
          ...change.fields,
          id: change.id,
        };
        append(puts, change.table, record);
      }
    }
    const written = Promise.all([
      ...[...puts].map(([table, records]) => db.table(table).bulkPut(records)),
      ...[...deletes].map(([table, ids]) => db.table(table).bulkDelete(ids)),
    ]);

    if (afterCursor !== undefined && ((await getMeta(db, 'cursor')) ?? null) !== afterCursor) {
      throw new SyncError('internal');
    }
    // [A4] the server has these; whatever they wrote is in this or an earlier page.
    await db.outbox.where('id').belowOrEqual(page.lastMutationId).delete();
    await db.sealed.where('id').belowOrEqual(page.lastMutationId).delete();
    // [A2] the device's view: its pending edits laid over the server's record.
    const pending = await pendingEntriesFor(
      db,
      changes
        .filter((change) => !change.deleted)
        .map((change) => [change.table, change.id] as const),
    );
    if (pending.size > 0) {
      const overlaid = new Map<TableName, AnyRecord[]>();
      const gone = new Map<TableName, string[]>();
      for (const change of changes) {
        const mine = change.deleted ? undefined : pending.get(recordKey(change.table, change.id));
        if (!mine) continue;
        const record = overlayPending(change.id, { ...change.fields, id: change.id }, mine);
        if (record) append(overlaid, change.table, record);
        else append(gone, change.table, change.id);
      }
      await Promise.all([
        ...[...overlaid].map(([table, records]) => db.table(table).bulkPut(records)),
        ...[...gone].map(([table, ids]) => db.table(table).bulkDelete(ids)),
      ]);
    }
    await written;
    // [X4] an erased person: every trace goes, also from the outbox and the rejections.
    await applyPurges(
      db,
      changes.filter((change) => change.purged),
    );

    if (newestHlc) {
      const clientId = await ensureClientId(db);
      const last = (await getMeta(db, 'hlc')) ?? null;
      await setMeta(db, 'hlc', receiveHlc(last, newestHlc, now.getTime(), clientId));
    }
    await setMeta(db, 'cursor', page.cursor);
  });
}

function append<T>(map: Map<TableName, T[]>, table: TableName, value: T): void {
  const list = map.get(table);
  if (list) list.push(value);
  else map.set(table, [value]);
}
