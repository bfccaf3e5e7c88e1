// The device's database: one per signed-in user (the name carries the user id), so another user on
// the same phone never opens the first user's records. The schema and its version history live here.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { RecordOf, TableName } from '../shared/domain/tables';
import type { Fields } from '../shared/sync/merge';

/** Local-only columns start with `_`; they are derived on the device and never synced ([R4]). */
export interface LocalColumns {
  /** Prefix-search keys (normalized name parts, other spellings). */
  _terms?: string[];
}

export type StoredRecord<T extends TableName> = RecordOf<T> & LocalColumns;

export interface OutboxEntry {
  /** Consecutive per client, from 1 ([L2]). */
  id: number;
  table: TableName;
  recordId: string;
  op: 'put' | 'delete';
  fields: Fields;
  hlc: string;
  baseCursor: number;
  createdAt: string;
}

/** A change the server refused ([P5]); shown to the THM until dismissed. */
export interface Rejection {
  mutationId: number;
  table: TableName;
  recordId: string;
  op: 'put' | 'delete';
  fields: Fields;
  reason: string;
  at: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

type RecordTables = { [T in TableName]: EntityTable<StoredRecord<T>, 'id'> };

export type FeldakteDb = Dexie &
  RecordTables & {
    outbox: EntityTable<OutboxEntry, 'id'>;
    rejections: EntityTable<Rejection, 'mutationId'>;
    meta: Table<MetaRow, string>;
  };

export function databaseName(userId: string): string {
  return `feldakte-${userId}`;
}

/** Whose database this is (the name carries the user id), for "mine" in page and worker alike. */
export function userIdOf(db: Pick<FeldakteDb, 'name'>): string {
  return db.name.startsWith('feldakte-') ? db.name.slice('feldakte-'.length) : db.name;
}

export function openDatabase(userId: string): FeldakteDb {
  const db = new Dexie(databaseName(userId)) as FeldakteDb;
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
  return db;
}
