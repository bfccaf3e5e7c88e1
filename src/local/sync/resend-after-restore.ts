// [B2] The server went back to a backup: it lacks what it acknowledged since, and this phone may
// hold it (its own writes and its colleagues', pulled). The phone sends every record it holds again,
// each field with the clock the server had given it ([B3]); the server keeps the newer of each
// field ([M1]). Fields the outbox still changes are left out: the outbox follows and brings them
// with their own clocks. Then the cursor starts over, so the phone pulls everything the restored
// server has, with the erasures replayed there ([X4]).
import type { FeldakteDb } from '../db';
import { getMeta } from '../meta';
import { isTableName } from '../../shared/domain/tables';
import {
  MAX_RESTORE_RECORDS,
  SCHEMA_VERSION,
  type RestoredRecord,
} from '../../shared/sync/protocol';
import { SyncError } from './sync-error';
import type { SyncTransport } from './transport';
import { splitStampKey, stampKey } from './stamp-rows';

/** A sync answer came with another data epoch than the one this phone last synced with. */
export class ServerRestored extends Error {
  constructor(readonly epoch: string) {
    super('The server was restored from a backup.');
    this.name = 'ServerRestored';
  }
}

/**
 * The new epoch when `error` says the server was restored ([B1]): a ServerRestored, or a refused
 * push (gap, [P4]) with another epoch than `known`, or with one where this phone knew none yet.
 */
export function restoredEpoch(error: unknown, known: string | undefined): string | undefined {
  if (error instanceof ServerRestored) return error.epoch;
  if (error instanceof SyncError && error.kind === 'gap' && error.epoch && error.epoch !== known)
    return error.epoch;
  return undefined;
}

export interface ResendOutcome {
  records: number;
  requests: number;
}

export async function resendAfterRestore(
  db: FeldakteDb,
  transport: SyncTransport,
  options: { clientId: string; epoch: string; batchSize?: number },
): Promise<ResendOutcome> {
  const restore = transport.restore?.bind(transport);
  if (!restore) throw new SyncError('gap');
  const batchSize = Math.min(options.batchSize ?? MAX_RESTORE_RECORDS, MAX_RESTORE_RECORDS);
  const outbox = await db.outbox.orderBy('id').toArray();
  // What the outbox still changes: its entries follow with their own clocks.
  const pending = new Map<string, Set<string> | 'deleted'>();
  for (const entry of outbox) {
    const key = stampKey(entry.table, entry.recordId);
    const known = pending.get(key);
    if (entry.op === 'delete') pending.set(key, 'deleted');
    else if (known !== 'deleted') {
      const fields = known ?? new Set<string>();
      for (const field of Object.keys(entry.fields)) fields.add(field);
      pending.set(key, fields);
    }
  }
  // The old server had every entry before the first one still here ([A4]).
  const acknowledged =
    outbox.length > 0 ? outbox[0]!.id - 1 : ((await getMeta(db, 'nextMutationId')) ?? 1) - 1;

  const outcome: ResendOutcome = { records: 0, requests: 0 };
  let version: number | undefined;
  const send = async (records: RestoredRecord[]) => {
    const answer = await restore({
      clientId: options.clientId,
      schemaVersion: SCHEMA_VERSION,
      epoch: options.epoch,
      acknowledged,
      records,
    });
    if (answer.epoch !== options.epoch) throw new ServerRestored(answer.epoch);
    version = answer.version;
    outcome.records += records.length;
    outcome.requests += 1;
  };

  let after = '';
  for (;;) {
    const rows = await db.stamps.where('key').above(after).limit(batchSize).toArray();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.key;
    const wanted = new Map<string, string[]>();
    for (const row of rows) {
      const { table, id } = splitStampKey(row.key);
      if (row.deleted || pending.get(row.key) === 'deleted' || !isTableName(table)) continue;
      wanted.set(table, [...(wanted.get(table) ?? []), id]);
    }
    const held = new Map<string, Record<string, unknown>>();
    for (const [table, ids] of wanted) {
      const found = await db.table(table).bulkGet(ids);
      found.forEach((record, i) => {
        if (record) held.set(stampKey(table, ids[i]!), record as Record<string, unknown>);
      });
    }
    const records: RestoredRecord[] = [];
    for (const row of rows) {
      const { table, id } = splitStampKey(row.key);
      const mine = pending.get(row.key);
      if (mine === 'deleted' || !isTableName(table)) continue;
      if (row.deleted) {
        records.push({ table, id, deleted: true, fields: {}, hlc: row.hlc });
        continue;
      }
      const record = held.get(row.key);
      if (!record) continue;
      const fields: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(record)) {
        if (field !== 'id' && value !== undefined && !mine?.has(field)) fields[field] = value;
      }
      const stamps = Object.fromEntries(
        Object.entries(row.fields ?? {}).filter(([field]) => field in fields),
      );
      records.push({
        table,
        id,
        fields,
        hlc: row.hlc,
        ...(Object.keys(stamps).length > 0 ? { stamps } : {}),
      });
    }
    if (records.length > 0) await send(records);
  }
  // One request at least: it also moves the acknowledged outbox id on the server.
  if (outcome.requests === 0) await send([]);

  // The new epoch, a pull from the start, and the outbox's entries made after this phone's copy.
  await db.transaction('rw', db.meta, db.outbox, async () => {
    await db.meta.put({ key: 'epoch', value: options.epoch });
    await db.meta.put({ key: 'cursor', value: null });
    await db.outbox.toCollection().modify({ baseCursor: version ?? 0 });
  });
  return outcome;
}
