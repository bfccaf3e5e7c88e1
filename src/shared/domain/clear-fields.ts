// Encryption at rest ([K1], issue 11): the ONE list of what the device may store in clear. Every
// field not named here is encrypted with the data key, so a new field is safe without anyone
// remembering it. Clear is only what IndexedDB indexes and the locked sync need: ids, foreign keys,
// status/mode enums, the dates indexes use, clocks and counters. Names, notes, phone numbers,
// places, birth dates, residence kinds and every free text are encrypted.
import type { TableName } from './tables';

/** Synced tables: the clear fields besides `id`. */
export const clearRecordFields = {
  cases: ['status', 'assignedTo'],
  statuses: ['caseId', 'validUntil'],
  needs: ['caseId', 'status', 'reviewOn'],
  // startsAt/status/reminderMinutes: reminders ("Termin in 30 Minuten", no name) also while locked.
  appointments: ['caseId', 'startsAt', 'status', 'mode', 'reminderMinutes'],
  contacts: ['caseId', 'at'],
  referrals: ['caseId', 'partnerId', 'status', 'followUpOn'],
  partners: ['kind'],
  offers: ['partnerId'],
  consents: ['caseId', 'partnerId'],
  tasks: ['caseId', 'dueOn'],
  gaps: ['date'],
  // Kind, title, date, key and thumbnail are sealed; the file id names ciphertext only ([D3]).
  documents: ['caseId', 'fileId'],
  settings: ['key'],
  conflicts: ['recordId', 'caseId', 'table'],
  // Which case went into which: ids only (the snapshot of the merged profile is encrypted).
  merges: ['caseId', 'mergedCaseId'],
} as const satisfies Record<TableName, readonly string[]>;

/** Device-only tables that hold record values or their traces (src/local/db.ts). */
export const clearDeviceFields = {
  // `fields` (the values) is encrypted; the envelope around it is what push and the locked sync read.
  outbox: ['table', 'recordId', 'op', 'hlc', 'baseCursor', 'createdAt'],
  rejections: ['table', 'recordId', 'op', 'at'],
  // [B3] the record's newest clock is clear like the outbox's; which field has which clock is not.
  stamps: ['hlc', 'deleted'],
  // A document file's upload state: ids, sizes, offsets; the locked worker uploads with it ([D4]).
  documentFiles: [
    'caseId',
    'documentId',
    'size',
    'state',
    'offset',
    'uploadUrl',
    'keep',
    'error',
    'at',
  ],
} as const;

/**
 * `meta` rows are encrypted per key: these keys hold counters, clocks and the sync status, which the
 * service worker writes while the device is locked. Any other key (a future one) is encrypted.
 */
export const clearMetaKeys = [
  'clientId',
  'nextMutationId',
  'hlc',
  'cursor',
  'lastSyncAt',
  'lastSyncError',
  'remindersShownUntil',
  'sealKey',
  'epoch',
] as const;

/** Device tables that are ciphertext or key material already, stored as they are. */
export const unencryptedDeviceTables = ['vault', 'sealed', 'fileChunks'] as const;
