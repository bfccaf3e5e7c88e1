// One stored row <-> its record ([K1]): the fields the registry keeps clear stay as they are, all
// others go into `_c` = 12-byte IV || AES-GCM-256 ciphertext || 16-byte tag of their JSON, with the
// table and primary key as additional data (a ciphertext moved to another row does not open).
// AES-GCM here is @noble/ciphers, synchronous: an IndexedDB transaction commits as soon as no
// request is pending, so an asynchronous WebCrypto call inside a Dexie transaction would end it
// (docs/decisions.md). Same algorithm and format as WebCrypto's AES-GCM (tested against it).
import { gcm } from '@noble/ciphers/aes.js';

export const CIPHER_FIELD = '_c';
const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** How a table's rows are stored: its primary key and the fields that stay clear. */
export interface RowPolicy {
  table: string;
  primaryKey: string;
  /** Fields stored clear, for every row (the primary key is always clear). */
  clear: ReadonlySet<string>;
  /** For `meta`: rows whose key is listed here are stored wholly clear. */
  clearRowKeys?: ReadonlySet<string>;
}

/** The device is locked: nothing may be read or written that needs the data key. */
export class LockedError extends Error {
  constructor() {
    super('Die App ist gesperrt.');
    this.name = 'LockedError';
  }
}

/** A stored row failed its check (flipped byte, wrong key, clear data where none may be). */
export class StorageIntegrityError extends Error {
  constructor(table: string) {
    super(`Gespeicherte Daten in „${table}“ sind beschädigt oder wurden verändert.`);
    this.name = 'StorageIntegrityError';
  }
}

function additionalData(policy: RowPolicy, primaryKey: unknown): Uint8Array {
  return encoder.encode(`${policy.table}|${String(primaryKey)}`);
}

function rowIsClear(policy: RowPolicy, row: Record<string, unknown>): boolean {
  return policy.clearRowKeys?.has(row[policy.primaryKey] as string) ?? false;
}

export function sealRow(
  key: Uint8Array | undefined,
  policy: RowPolicy,
  row: Record<string, unknown>,
): Record<string, unknown> {
  if (rowIsClear(policy, row)) return row;
  if (isSealed(policy, row)) return row;
  const stored: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  let hasSecret = false;
  for (const [field, value] of Object.entries(row)) {
    if (field === policy.primaryKey || policy.clear.has(field)) stored[field] = value;
    else if (value !== undefined) {
      secret[field] = value;
      hasSecret = true;
    }
  }
  if (!hasSecret) return stored;
  if (!key) throw new LockedError();
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = gcm(key, iv, additionalData(policy, row[policy.primaryKey])).encrypt(
    encoder.encode(JSON.stringify(secret)),
  );
  const blob = new Uint8Array(IV_BYTES + sealed.length);
  blob.set(iv);
  blob.set(sealed, IV_BYTES);
  stored[CIPHER_FIELD] = blob;
  return stored;
}

/** A row sealed already (bulk-cipher.ts): only clear fields besides its ciphertext. */
function isSealed(policy: RowPolicy, row: Record<string, unknown>): boolean {
  if (!ArrayBuffer.isView(row[CIPHER_FIELD])) return false;
  for (const field of Object.keys(row)) {
    if (field !== CIPHER_FIELD && field !== policy.primaryKey && !policy.clear.has(field)) {
      return false;
    }
  }
  return true;
}

export function openRow(
  key: Uint8Array | undefined,
  policy: RowPolicy,
  stored: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (stored === undefined || stored === null) return stored;
  if (rowIsClear(policy, stored)) return stored;
  const raw = stored[CIPHER_FIELD];
  const row: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(stored)) {
    if (field === CIPHER_FIELD) continue;
    // A value in clear that the registry does not allow was put there by someone else.
    if (field !== policy.primaryKey && !policy.clear.has(field)) {
      throw new StorageIntegrityError(policy.table);
    }
    row[field] = value;
  }
  if (raw === undefined) return row;
  // ArrayBuffer.isView: the array may come from another realm (test DOMs, structured clone).
  if (!ArrayBuffer.isView(raw) || raw.byteLength <= IV_BYTES + 16) {
    throw new StorageIntegrityError(policy.table);
  }
  const blob = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  if (!key) throw new LockedError();
  let plain: Uint8Array;
  try {
    plain = gcm(
      key,
      blob.subarray(0, IV_BYTES),
      additionalData(policy, stored[policy.primaryKey]),
    ).decrypt(blob.subarray(IV_BYTES));
  } catch {
    throw new StorageIntegrityError(policy.table);
  }
  return Object.assign(row, JSON.parse(decoder.decode(plain)) as Record<string, unknown>);
}
