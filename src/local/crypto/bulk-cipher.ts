// Bulk paths through WebCrypto's native AES-GCM, for the two places that touch thousands of rows:
// storing a pulled page (sealed BEFORE its transaction opens, so nothing awaits inside it) and
// reading all cases to build the search index after unlock (outside any transaction). Same format,
// same additional data, same checks as row-cipher.ts; the middleware stores a row that is already
// sealed as it is. Per row, noble's synchronous AES-GCM costs a key schedule and a GHASH table;
// WebCrypto does the same work natively, many rows at once.
import { openClearView, type FeldakteDb } from '../db';
import { rowPolicy } from './encryption-middleware';
import { dataKeyOf } from './keyring';
import { CIPHER_FIELD, LockedError, StorageIntegrityError, type RowPolicy } from './row-cipher';

const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const imported = new WeakMap<Uint8Array, Promise<CryptoKey>>();

function cryptoKey(dbName: string): Promise<CryptoKey> {
  const raw = dataKeyOf(dbName);
  if (!raw) throw new LockedError();
  let key = imported.get(raw);
  if (!key) {
    key = crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ]);
    imported.set(raw, key);
  }
  return key;
}

const aad = (policy: RowPolicy, id: unknown) =>
  encoder.encode(`${policy.table}|${String(id)}`) as Uint8Array<ArrayBuffer>;

/**
 * A buffer to encode encrypt()'s inputs into. WebCrypto takes a copy of its arguments when it is
 * called (before its promise), so one buffer serves every row of a batch instead of two fresh
 * arrays per row.
 */
function scratch(): (text: string) => Uint8Array<ArrayBuffer> {
  let buffer = new Uint8Array(1_024);
  return (text) => {
    if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 6);
    return buffer.subarray(0, encoder.encodeInto(text, buffer).written);
  };
}

/** The stored form of each row (clear fields + `_c`), as the middleware would write it. */
export async function sealRows(
  db: FeldakteDb,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const policy = rowPolicy(table, 'id');
  if (!policy || policy.clearRowKeys) return [...rows];
  const key = await cryptoKey(db.name);
  // A few draws from the random source for all IVs of the batch instead of one per row (each row
  // its own 12 bytes of a buffer that is never reused; getRandomValues gives 64 KB at most).
  let ivs = new Uint8Array(0);
  let next = 0;
  let left = rows.length;
  const freshIv = () => {
    if (next === ivs.length) {
      ivs = crypto.getRandomValues(new Uint8Array(IV_BYTES * Math.min(left, 5_000)));
      next = 0;
    }
    left -= 1;
    next += IV_BYTES;
    return ivs.subarray(next - IV_BYTES, next);
  };
  const plainOf = scratch();
  const aadOf = scratch();
  const seal = async (row: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const stored: Record<string, unknown> = {};
    const secret: Record<string, unknown> = {};
    let hasSecret = false;
    for (const field in row) {
      const value = row[field];
      if (field === 'id' || policy.clear.has(field)) stored[field] = value;
      else if (value !== undefined) {
        secret[field] = value;
        hasSecret = true;
      }
    }
    if (!hasSecret) return stored;
    const iv = freshIv();
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: aadOf(`${policy.table}|${String(row.id)}`) },
        key,
        plainOf(JSON.stringify(secret)),
      ),
    );
    const blob = new Uint8Array(IV_BYTES + sealed.length);
    blob.set(iv);
    blob.set(sealed, IV_BYTES);
    stored[CIPHER_FIELD] = blob;
    return stored;
  };
  // In slices, with the event loop let in between: a page's 2,000 rows in one go held this thread
  // for 100-300 ms, and the page being stored meanwhile waited that long for the answers to its
  // reads (its cursor check, its clock) before it could commit (apply-pull.ts).
  const sealing: Promise<Record<string, unknown>>[] = [];
  for (let start = 0; start < rows.length; start += SEAL_SLICE) {
    if (start > 0) await yieldToEventLoop();
    for (const row of rows.slice(start, start + SEAL_SLICE)) sealing.push(seal(row));
  }
  return Promise.all(sealing);
}

/** Rows sealed in one task before the event loop gets its turn (~10 ms on a slow phone). */
const SEAL_SLICE = 200;

/** A new task: the page's scheduler.yield() where there is one, else a message to ourselves. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Every row of a record table, decrypted, read outside any transaction (a snapshot). */
export function readAllRows(db: FeldakteDb, table: string): Promise<Record<string, unknown>[]> {
  return readRows(db, table, (view) => view.table(table).toArray());
}

/** The rows with these ids, in their order (missing ones left out), decrypted. */
export async function readRowsById(
  db: FeldakteDb,
  table: string,
  ids: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (ids.length === 0) return [];
  return readRows(db, table, async (view) =>
    ((await view.table(table).bulkGet([...ids])) as (Record<string, unknown> | undefined)[]).filter(
      (row): row is Record<string, unknown> => row !== undefined,
    ),
  );
}

const views = new Map<string, FeldakteDb>();

/** One clear view per database, kept open while the database is: reads are frequent. */
function clearView(db: FeldakteDb): FeldakteDb {
  let view = views.get(db.name);
  if (!view) {
    view = openClearView(db.name);
    views.set(db.name, view);
    db.on('close', () => {
      view!.close();
      views.delete(db.name);
    });
  }
  return view;
}

async function readRows(
  db: FeldakteDb,
  table: string,
  read: (view: FeldakteDb) => Promise<Record<string, unknown>[]>,
): Promise<Record<string, unknown>[]> {
  const policy = rowPolicy(table, 'id');
  if (!policy || policy.clearRowKeys) return read(db);
  const key = await cryptoKey(db.name);
  const stored = await read(clearView(db));
  return Promise.all(
    stored.map(async (row) => {
      const out: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(row)) {
        if (field === CIPHER_FIELD) continue;
        if (field !== 'id' && !policy.clear.has(field)) throw new StorageIntegrityError(table);
        out[field] = value;
      }
      const raw = row[CIPHER_FIELD];
      if (raw === undefined) return out;
      if (!ArrayBuffer.isView(raw) || raw.byteLength <= IV_BYTES + 16) {
        throw new StorageIntegrityError(table);
      }
      const blob = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      let plain: ArrayBuffer;
      try {
        plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: blob.slice(0, IV_BYTES), additionalData: aad(policy, row.id) },
          key,
          blob.slice(IV_BYTES),
        );
      } catch {
        throw new StorageIntegrityError(table);
      }
      return Object.assign(out, JSON.parse(decoder.decode(plain)) as Record<string, unknown>);
    }),
  );
}

/**
 * The pulled records of a page, sealed ahead of the page's transaction, by `table\0id`. Records
 * with pending local edits are overlaid inside the transaction and sealed by the middleware then.
 */
export async function sealPulledRecords(
  db: FeldakteDb,
  changes: readonly {
    table: string;
    id: string;
    deleted: boolean;
    fields: Record<string, unknown>;
  }[],
): Promise<Map<string, Record<string, unknown>>> {
  const sealed = new Map<string, Record<string, unknown>>();
  if (!dataKeyOf(db.name)) return sealed;
  const byTable = new Map<string, Record<string, unknown>[]>();
  for (const change of changes) {
    if (change.deleted) continue;
    const rows = byTable.get(change.table) ?? [];
    rows.push({ ...change.fields, id: change.id });
    byTable.set(change.table, rows);
  }
  for (const [table, rows] of byTable) {
    const stored = await sealRows(db, table, rows);
    stored.forEach((row, i) => sealed.set(`${table}\u0000${String(rows[i]!.id)}`, row));
  }
  return sealed;
}
