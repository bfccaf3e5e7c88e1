// The device's view of a record = the server's record with this device's unsynced changes laid over
// it, in outbox order ([A2]). Used after a pull and after a rejection rollback ([P5]).
import type { FeldakteDb, OutboxEntry } from '../db';
import type { AnyRecord } from '../../shared/domain/table-rules';
import type { TableName } from '../../shared/domain/tables';

/** `base` null = no record; the result null = the record is deleted on the device. */
export function overlayPending(
  id: string,
  base: AnyRecord | null,
  entries: readonly OutboxEntry[],
): AnyRecord | null {
  let record = base;
  for (const entry of entries) {
    record = entry.op === 'delete' ? null : { ...record, ...entry.fields, id };
  }
  return record;
}

export function recordKey(table: string, id: string): string {
  return `${table}\u0000${id}`;
}

/**
 * The pending outbox entries of the given records, grouped by `recordKey`, each list in outbox
 * order. Inside a transaction that includes `outbox`.
 */
export async function pendingEntriesFor(
  db: FeldakteDb,
  records: readonly (readonly [TableName, string])[],
): Promise<Map<string, OutboxEntry[]>> {
  const grouped = new Map<string, OutboxEntry[]>();
  if (records.length === 0 || (await db.outbox.count()) === 0) return grouped;
  const entries = await db.outbox
    .where('[table+recordId]')
    .anyOf(records.map(([table, id]) => [table, id]))
    .toArray();
  entries.sort((a, b) => a.id - b.id);
  for (const entry of entries) {
    const key = recordKey(entry.table, entry.recordId);
    const list = grouped.get(key);
    if (list) list.push(entry);
    else grouped.set(key, [entry]);
  }
  return grouped;
}
