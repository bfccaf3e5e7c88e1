// Stores one pulled page ([A1]-[A3], [C2]). Everything happens in ONE Dexie transaction: if any
// write fails, the page, the outbox drop and the cursor all stay as they were, and the next sync
// pulls the same page again. A first sync of tens of thousands of records must not wait on one
// IndexedDB round trip per record: the page's sealed rows are put in one loop straight into the
// transaction (putStoredRows), the rest batched per table through Dexie (bulkPut/bulkDelete). A page is
// prepared (deduplicated, sealed with WebCrypto) outside any transaction, so the engine prepares
// the next page while this one is written (pull-changes.ts).
import Dexie, { mergeRanges, RangeSet } from 'dexie';
import type { FeldakteDb } from '../db';
import { ensureClientId } from '../meta';
import { isTableName, type TableName } from '../../shared/domain/tables';
import type { AnyRecord } from '../../shared/domain/table-rules';
import type { Change, PullResponse } from '../../shared/sync/protocol';
import { parseHlc, receiveHlc } from '../../shared/sync/hlc';
import { overlayPending, pendingEntriesFor, recordKey } from './pending-overlay';
import { sealPulledRecords } from '../crypto/bulk-cipher';
import { deviceNow } from '../device-environment';
import { applyPurges } from './apply-purge';
import { SyncError } from './sync-error';
import { stampRowOf } from './stamp-rows';

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
    // Every request of the page is issued before the first await: IndexedDB runs a transaction's
    // requests in order, and each await in the middle would leave the database idle for a round
    // trip to this thread, which meanwhile prepares the next page. The reads go first, so their
    // answers come back before the page's rows are written, and the transaction commits as soon
    // as its last write is done.
    // Dexie's own promises (not getMeta's): awaited later, they keep the transaction's zone.
    const storedCursor = afterCursor === undefined ? undefined : db.meta.get('cursor');
    const lastHlc = newestHlc ? db.meta.get('hlc') : undefined;
    const clientId = newestHlc ? db.meta.get('clientId') : undefined;
    const hadPending = db.outbox.count();

    // The server's versions, as sealed before the transaction ([K1]); pending local edits are
    // laid over them below, in this same transaction, so nobody sees them without.
    const stored = new Map<TableName, Record<string, unknown>[]>();
    const puts = new Map<TableName, Record<string, unknown>[]>();
    const deletes = new Map<TableName, string[]>();
    for (const change of changes) {
      // [A3] a tombstone wins locally; pending edits of the record wait for their rejection ([P5]).
      if (change.deleted) append(deletes, change.table, change.id);
      else {
        const row = sealed.get(recordKey(change.table, change.id));
        if (row) append(stored, change.table, row);
        else append(puts, change.table, { ...change.fields, id: change.id });
      }
    }
    for (const [table, rows] of stored) putStoredRows(db, table, rows);
    const written = Dexie.Promise.all<unknown>([
      ...[...puts].map(([table, records]) => db.table(table).bulkPut(records)),
      ...[...deletes].map(([table, ids]) => db.table(table).bulkDelete(ids)),
      // [A4] the server has these; whatever they wrote is in this or an earlier page.
      // [B3] the clocks of what the server has, for a re-send after a restore ([B2]).
      db.stamps.bulkPut(changes.map(stampRowOf)),
      db.outbox.where('id').belowOrEqual(page.lastMutationId).delete(),
      db.sealed.where('id').belowOrEqual(page.lastMutationId).delete(),
    ]);

    if (storedCursor && ((await storedCursor)?.value ?? null) !== afterCursor) {
      throw new SyncError('internal');
    }
    // [A2] the device's view: its pending edits laid over the server's record. The outbox was
    // counted before the acknowledged entries went; an empty one has nothing to lay over.
    if ((await hadPending) > 0) {
      const pending = await pendingEntriesFor(
        db,
        changes
          .filter((change) => !change.deleted)
          .map((change) => [change.table, change.id] as const),
      );
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
    // [X4] an erased person: every trace goes, also from the outbox and the rejections.
    const purged = changes.filter((change) => change.purged);
    if (purged.length > 0) await applyPurges(db, purged);

    const meta = [db.meta.put({ key: 'cursor', value: page.cursor })];
    if (page.epoch) meta.push(db.meta.put({ key: 'epoch', value: page.epoch }));
    if (clientId && lastHlc && newestHlc) {
      const device = ((await clientId)?.value as string | undefined) ?? (await ensureClientId(db));
      const last = ((await lastHlc)?.value as string | undefined) ?? null;
      const hlc = receiveHlc(last, newestHlc, now.getTime(), device);
      meta.push(db.meta.put({ key: 'hlc', value: hlc }));
    }
    await Dexie.Promise.all<unknown>([written, ...meta]);
  });
}

/**
 * Puts rows already in their stored form (sealed, [K1]) straight into the page's IndexedDB
 * transaction, in one loop, as the raw IndexedDB baseline does. Through Dexie, each table's bulkPut
 * passed the middleware stack (encryption, which leaves a sealed row as it is; observation; cache)
 * in steps of its own, so a page's rows reached IndexedDB spread over many tasks while this thread
 * also prepared the next page, and the database waited between them. A failed put aborts the
 * transaction (nothing of the page is kept). Live queries learn of the change as from a Dexie
 * bulk write of 50 rows or more: the whole table and its indexes count as changed when the
 * transaction commits.
 */
function putStoredRows(db: FeldakteDb, table: TableName, rows: readonly Record<string, unknown>[]) {
  const idbtrans = Dexie.currentTransaction.idbtrans as IDBTransaction & {
    mutatedParts?: Record<string, RangeSet>;
  };
  const objectStore = idbtrans.objectStore(table);
  for (const row of rows) objectStore.put(row);
  const parts = (idbtrans.mutatedParts ??= {});
  const part = `idb://${db.name}/${table}/`;
  const names = ['', ':dels', ...db.table(table).schema.indexes.map((index) => index.name)];
  for (const name of names) {
    const everything = new RangeSet(-Infinity, [[[]]]);
    if (parts[part + name]) mergeRanges(parts[part + name]!, everything);
    else parts[part + name] = everything;
  }
}

function append<T>(map: Map<TableName, T[]>, table: TableName, value: T): void {
  const list = map.get(table);
  if (list) list.push(value);
  else map.set(table, [value]);
}
