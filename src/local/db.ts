// The device's database: one per signed-in user (the name carries the user id), so another user on
// the same phone never opens the first user's records. The schema and its version history live here.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { RecordOf, TableName } from '../shared/domain/tables';
import type { Fields } from '../shared/sync/merge';
import type { SealedEnvelope } from '../shared/sync/sealed-envelope';
import type { HistoryEntry } from '../shared/sync/protocol';
import type { PinWrap, RecoveryWrap } from './crypto/data-key';
import { encryptionMiddleware } from './crypto/encryption-middleware';
import { dataKeyOf } from './crypto/keyring';

/**
 * Records as stored. Device-only derived columns (the old `_terms` search keys) are gone: they
 * were names in an index in clear; search terms are computed in memory after unlock ([K1]).
 */
export type StoredRecord<T extends TableName> = RecordOf<T>;

export interface OutboxEntry {
  /** Consecutive per client, from 1 ([L2]). */
  id: number;
  table: TableName;
  recordId: string;
  op: 'put' | 'delete';
  fields: Fields;
  hlc: string;
  baseCursor: number;
  /** [P9] entries written together by one `writeRecords` share it: applied all or none. */
  groupId?: string;
  createdAt: string;
}

/** A change the server refused ([P5]); shown to the THM until dismissed. */
export interface Rejection {
  mutationId: number;
  table: TableName;
  recordId: string;
  op: 'put' | 'delete';
  fields: Fields;
  /** The server's German reason; rows stored by an older app have only this. */
  reason: string;
  /** The reason as a message key with parameters (issue 13), rendered in the chosen language. */
  code?: string;
  params?: Record<string, string | number>;
  at: string;
}

/**
 * A case's change history from the server ("Verlauf"), kept for offline reading. Field names and
 * colleagues' names only, never values; removed with the case on an erasure ([X4]).
 */
export interface CaseHistoryRow {
  caseId: string;
  fetchedAt: string;
  entries: HistoryEntry[];
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The wrapped data key and the wrong-PIN counter ([K2]); nothing here opens without the PIN. The
 * PIN wrap is here only where the browser has no private file system ([K9], crypto/key-file.ts).
 * `at`: when the last wrong PIN was entered (ms since the epoch), for the waits of [K8].
 */
export type VaultRow =
  | ({ id: 'pin' } & PinWrap)
  | ({ id: 'recovery' } & RecoveryWrap)
  | { id: 'failures'; count: number; at?: number };

/**
 * [B3] The clocks of a pulled record as the server had them: `hlc` for every field, except those
 * `fields` names with their own. A tombstone is kept as `deleted`. After a restore the phone sends
 * each record again with these clocks ([B2]); `fields` (field names) is encrypted ([K1]).
 */
export interface StampRow {
  /** `<table>/<id>` (sync/resend-after-restore.ts stampKey). */
  key: string;
  hlc: string;
  deleted?: true;
  fields?: Record<string, string>;
}

/** An outbox entry sealed to the server ([K3]), pushed by the locked sync ([K5]). */
export interface SealedRow {
  id: number;
  envelope: SealedEnvelope;
  /** The outbox entry's group ([P9]): a random id, no personal data, so the locked push keeps groups whole. */
  groupId?: string;
}

/**
 * A document's encrypted file on this device ([D3]): everything the upload needs, also while locked
 * (no value in it: ids, sizes, the upload's state). No row: the file is only on the server.
 */
export interface DocumentFileRow {
  fileId: string;
  caseId: string;
  /** The document record that names the file (the server links the upload to it). */
  documentId: string;
  /** Bytes of the encrypted file. */
  size: number;
  /** `local`: not yet on the server; `uploading`: `offset` bytes are; `uploaded`: all are. */
  state: 'local' | 'uploading' | 'uploaded';
  offset: number;
  /** The tus upload's URL once created, so an interrupted upload resumes there. */
  uploadUrl?: string;
  /**
   * Kept on this device ("Offline verfügbar"): files made here are; a downloaded one is kept until
   * the THM takes the mark off, which removes the copy (the server keeps the file).
   */
  keep?: boolean;
  /** When the last upload attempt failed for good (server refusal), its message key. */
  error?: string;
  at: string;
}

/** One stored piece of an encrypted file: the file is the concatenation of its chunks in order. */
export interface FileChunkRow {
  fileId: string;
  index: number;
  caseId: string;
  data: Uint8Array;
}

type RecordTables = { [T in TableName]: EntityTable<StoredRecord<T>, 'id'> };

export type FeldakteDb = Dexie &
  RecordTables & {
    outbox: EntityTable<OutboxEntry, 'id'>;
    rejections: EntityTable<Rejection, 'mutationId'>;
    caseHistory: EntityTable<CaseHistoryRow, 'caseId'>;
    meta: Table<MetaRow, string>;
    vault: Table<VaultRow, string>;
    sealed: EntityTable<SealedRow, 'id'>;
    documentFiles: EntityTable<DocumentFileRow, 'fileId'>;
    fileChunks: Table<FileChunkRow, [string, number]>;
    stamps: EntityTable<StampRow, 'key'>;
  };

export function databaseName(userId: string): string {
  return `feldakte-${userId}`;
}

/** Whose database this is (the name carries the user id), for "mine" in page and worker alike. */
export function userIdOf(db: Pick<FeldakteDb, 'name'>): string {
  return db.name.startsWith('feldakte-') ? db.name.slice('feldakte-'.length) : db.name;
}

export function openDatabase(userId: string): FeldakteDb {
  const db = defineSchema(new Dexie(databaseName(userId)) as FeldakteDb);
  db.use(encryptionMiddleware(() => dataKeyOf(db.name)));
  return db;
}

/**
 * The same database WITHOUT decryption, for what a locked device may read: the clear fields
 * (clear-fields.ts) of appointments for reminders and the clear meta keys. Never write records
 * through it: it would store them in clear.
 */
export function openClearView(name: string): FeldakteDb {
  return defineSchema(new Dexie(name) as FeldakteDb);
}

function defineSchema(db: FeldakteDb): FeldakteDb {
  // Version history: never edit a released version; add a new one with an upgrade if needed.
  db.version(1).stores({
    cases: 'id, status, assignedTo, *_terms',
    statuses: 'id, caseId, validUntil',
    needs: 'id, caseId, status, reviewOn',
    appointments: 'id, caseId, startsAt, status',
    contacts: 'id, caseId, at',
    referrals: 'id, caseId, partnerId, status, followUpOn',
    partners: 'id, kind, *_terms',
    offers: 'id, partnerId',
    consents: 'id, caseId, partnerId',
    tasks: 'id, caseId, dueOn',
    gaps: 'id, date',
    settings: 'id, key',
    conflicts: 'id, recordId, caseId',
    outbox: 'id, [table+recordId]',
    rejections: 'mutationId, [table+recordId]',
    meta: 'key',
  });
  // Encryption at rest (issue 11): no name in an index, the key and the sealed outbox. A version-1
  // database (stored in clear) is moved over by legacy-database.ts before this one opens.
  db.version(2).stores({
    cases: 'id, status, assignedTo',
    partners: 'id, kind',
    vault: 'id',
    sealed: 'id',
  });
  // Issue 12: the case history kept for offline reading (encrypted like other case data).
  db.version(3).stores({ caseHistory: 'caseId' });
  // Issue 26: merges of two cases of one person ([G1]).
  db.version(4).stores({ merges: 'id, caseId, mergedCaseId' });
  // Issue 25: documents (a synced table) and their encrypted files, chunk by chunk ([D3]).
  db.version(5).stores({
    documents: 'id, caseId, fileId',
    documentFiles: 'fileId, caseId, state',
    fileChunks: '[fileId+index], fileId, caseId',
  });
  // Issue 24: the clocks of pulled records ([B3]). The records pulled before have none, so the
  // next sync pulls everything once more ([V3]; pending edits are laid over it, [A2]).
  db.version(6)
    .stores({ stamps: 'key' })
    .upgrade((tx) => tx.table('meta').delete('cursor'));
  return db;
}
