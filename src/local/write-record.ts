// The one way records are written on the device ([L1]-[L5]): validate with the shared rules, then
// store the record and append its outbox entry in ONE transaction. Offline on two phones, each
// write stays on its phone until sync pushes it; the server merges field by field ([M1]).
import * as v from 'valibot';
import type { FeldakteDb, OutboxEntry, StoredRecord } from './db';
import { fieldErrors, type FieldErrors } from './record-errors';
import { ensureClientId, getMeta, setMeta } from './meta';
import { localRuleContext } from './rule-context';
import { sealMutation } from './crypto/outbox-seal';
import { tables, type RecordOf, type TableName } from '../shared/domain/tables';
import type { AnyRecord } from '../shared/domain/table-rules';
import { toLocalDate } from '../shared/domain/common';
import { sameValue, type Fields } from '../shared/sync/merge';
import { tickHlc } from '../shared/sync/hlc';
import { t } from '../shared/i18n/t';
import { renderMessage } from '../shared/i18n/message';
import { deviceNow, newDeviceId } from './device-environment';
import { isQuotaError } from './write-failure';

export type WriteResult =
  { ok: true; id: string; changed: string[] } | { ok: false; message: string; errors: FieldErrors };

type Patch<T extends TableName> = { [K in keyof RecordOf<T>]?: RecordOf<T>[K] | null };

/** Creates a record with a new UUIDv7 id. */
export function createRecord<T extends TableName>(
  db: FeldakteDb,
  table: T,
  fields: Patch<T>,
  now = deviceNow(db),
): Promise<WriteResult> {
  return putRecord(db, table, newDeviceId(db, now.getTime()), fields, now);
}

/**
 * Writes `fields` over the stored record (or creates it). Only fields that differ go into the
 * outbox; a write that changes nothing stores nothing ([L3]).
 */
export async function putRecord<T extends TableName>(
  db: FeldakteDb,
  table: T,
  id: string,
  fields: Patch<T>,
  now = deviceNow(db),
): Promise<WriteResult> {
  try {
    // The callback must be an async function: Dexie keeps its transaction zone across native
    // awaits only then (a plain arrow returning a promise loses it: PrematureCommitError).
    return await db.transaction('rw', db.tables, async () =>
      writeInTransaction(db, table, id, fields, now),
    );
  } catch (error) {
    return storageFailure(error);
  }
}

/** One write of a batch; `id` omitted for a new record (gets a new UUIDv7). */
export type RecordWrite = {
  [T in TableName]: { table: T; id?: string; fields: Patch<T> };
}[TableName];

export type BatchResult =
  { ok: true; ids: string[] } | { ok: false; message: string; errors: FieldErrors; index: number };

/**
 * Writes several records (each with its outbox entry) in ONE transaction: all are stored or none
 * (e.g. a residence status and the expiry task it makes). `index` names the write that failed.
 */
export async function writeRecords(
  db: FeldakteDb,
  writes: readonly RecordWrite[],
  now = deviceNow(db),
): Promise<BatchResult> {
  let failed: { index: number; result: Extract<WriteResult, { ok: false }> } | undefined;
  try {
    return await db.transaction('rw', db.tables, async () => {
      const ids: string[] = [];
      // [P9] what is written together is pushed together and applied by the server all or none.
      const groupId = writes.length > 1 ? newDeviceId(db, now.getTime()) : undefined;
      for (const [index, write] of writes.entries()) {
        const id = write.id ?? newDeviceId(db, now.getTime());
        const result = await writeInTransaction(
          db,
          write.table,
          id,
          write.fields as never,
          now,
          groupId,
        );
        if (!result.ok) {
          failed = { index, result };
          throw new BatchRefused();
        }
        ids.push(id);
      }
      return { ok: true as const, ids };
    });
  } catch (error) {
    if (error instanceof BatchRefused && failed) {
      return {
        ok: false,
        message: failed.result.message,
        errors: failed.result.errors,
        index: failed.index,
      };
    }
    const result = storageFailure(error) as Extract<WriteResult, { ok: false }>;
    return { ...result, index: -1 };
  }
}

/** Thrown to roll back a batch whose write was refused (the refusal itself is returned). */
class BatchRefused extends Error {}

/** Validates and stores one record with its outbox entry. Inside a rw transaction on all tables. */
async function writeInTransaction<T extends TableName>(
  db: FeldakteDb,
  table: T,
  id: string,
  fields: Patch<T>,
  now: Date,
  groupId?: string,
): Promise<WriteResult> {
  const rules = tables[table];
  const stored = (await db.table(table).get(id)) as AnyRecord | undefined;
  const prev = stored ? withoutLocalColumns(stored) : undefined;
  const patch: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'id' || key.startsWith('_') || value === undefined) continue;
    patch[key] = value;
  }

  const parsed = v.safeParse(rules.schema, { ...prev, ...patch, id });
  if (!parsed.success) return invalid(fieldErrors(parsed.issues));
  const next = parsed.output as AnyRecord;
  // [L3] diff what the schema produced (trimmed text) against what is stored: `'Amina '` over
  // `'Amina'` changes nothing, and an empty write would carry a newer clock that could beat a
  // real concurrent edit on the server.
  const changed = prev
    ? Object.keys(patch).filter((key) => !sameValue(prev[key], next[key]))
    : Object.keys(next).filter((key) => key !== 'id');
  if (prev && changed.length === 0) return { ok: true, id, changed: [] };
  const reason = await rules.checkChange?.(
    prev as never,
    next as never,
    localRuleContext(db, toLocalDate(now)),
  );
  if (reason) return invalid({ _record: renderMessage(reason) }, renderMessage(reason));

  // Store what the schema produced (trimmed text), and send exactly that.
  const outboxFields: Fields = {};
  for (const key of changed) outboxFields[key] = next[key] ?? null;
  await db.table(table).put(next);
  const entry = { table, recordId: id, op: 'put' as const, fields: outboxFields };
  await appendOutbox(db, groupId ? { ...entry, groupId } : entry, now);
  return { ok: true, id, changed: Object.keys(outboxFields) };
}

/** Deletes a record; the server keeps a tombstone so every phone deletes it too ([M5]). */
export async function deleteRecord(
  db: FeldakteDb,
  table: TableName,
  id: string,
  now = deviceNow(db),
): Promise<WriteResult> {
  try {
    return await db.transaction('rw', db.tables, async () => {
      if (!(await db.table(table).get(id))) return invalid({}, t('common.errors.notFound'));
      await db.table(table).delete(id);
      await appendOutbox(db, { table, recordId: id, op: 'delete', fields: {} }, now);
      return { ok: true, id, changed: [] };
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/** Appends one outbox entry with the next consecutive id and a fresh clock. Inside a rw transaction. */
async function appendOutbox(
  db: FeldakteDb,
  entry: Pick<OutboxEntry, 'table' | 'recordId' | 'op' | 'fields' | 'groupId'>,
  now: Date,
): Promise<void> {
  const clientId = await ensureClientId(db);
  const id = (await getMeta(db, 'nextMutationId')) ?? 1;
  const hlc = tickHlc((await getMeta(db, 'hlc')) ?? null, now.getTime(), clientId);
  const baseCursor = (await getMeta(db, 'cursor')) ?? 0;
  await db.outbox.add({ ...entry, id, hlc, baseCursor, createdAt: now.toISOString() });
  // [K3] the same mutation sealed to the server, for the locked sync ([K5]).
  const envelope = sealMutation(db.name, { ...entry, id, hlc, baseCursor });
  if (envelope)
    await db.sealed.put({ id, envelope, ...(entry.groupId ? { groupId: entry.groupId } : {}) });
  await setMeta(db, 'nextMutationId', id + 1);
  await setMeta(db, 'hlc', hlc);
}

export function withoutLocalColumns<R extends AnyRecord>(stored: R): R {
  const record: AnyRecord = { id: stored.id };
  for (const [key, value] of Object.entries(stored)) if (!key.startsWith('_')) record[key] = value;
  return record as R;
}

function invalid(errors: FieldErrors, message = t('common.form.fixErrors')): WriteResult {
  return { ok: false, message, errors };
}

/** Storage full: nothing of this write is stored (the transaction aborted); earlier data stays. */
function storageFailure(error: unknown): WriteResult {
  if (isQuotaError(error)) return invalid({}, t('common.errors.quota'));
  throw error;
}

export type { StoredRecord };
// Where it has always been imported from; it lives beside the failure messages (first screen).
export { isQuotaError };
