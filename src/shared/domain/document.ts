// Documents in the case file (issue 25): a paper of the person (residence document, a letter, a
// certificate, a signed consent) photographed or picked on the phone, one or more pages in one file.
// The record carries what describes it (kind, title, date: all sealed on the device, [K1]) and what
// opens its file: `fileId` names the encrypted file on the server (the tus upload's id, made on
// the phone so a document can be saved offline), `fileKey` is the file's own AES-GCM key. The
// file's bytes never travel in a record; see SPEC [D1]-[D6] and local/documents/.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import { choice, isoDate, optional, recordId, reference, requiredText, SHORT } from './common';
import { key, message, type Message } from '../i18n/message';

export const documentKinds = [
  'id_document',
  'letter',
  'certificate',
  'signed_consent',
  'other',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The records a document may belong to besides its case, each an optional id field of its own. */
export const documentLinks = {
  consentId: 'consents',
  statusId: 'statuses',
  referralId: 'referrals',
  contactId: 'contacts',
} as const;
export type DocumentLinkField = keyof typeof documentLinks;

/** A file id: 128 random bits in hex, made on the phone ([D2]); not guessable, not a record id. */
export const FILE_ID_PATTERN = /^[0-9a-f]{32}$/;
/** A 256-bit key in base64 (44 characters with padding). */
const FILE_KEY_PATTERN = /^[A-Za-z0-9+/]{43}=$/;

/** Pages of one document (a long letter photographed page by page). */
export const MAX_DOCUMENT_PAGES = 30;
/** A PDF is kept as it is up to this size (bytes); above it the phone refuses it with a message. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** The encrypted file of one document: all pages, their framing and the cipher's overhead. */
export const MAX_DOCUMENT_FILE_BYTES = 32 * 1024 * 1024;
/** The sealed thumbnail (base64) that syncs with the record. */
export const MAX_THUMB_CHARS = 48_000;

const fileId = v.pipe(
  v.string(key('rules.documents.file')),
  v.regex(FILE_ID_PATTERN, key('rules.documents.file')),
);

export const documentSchema = v.object({
  id: recordId,
  caseId: reference('rules.validation.chooseCase'),
  kind: choice(documentKinds, 'rules.documents.kind'),
  title: requiredText(SHORT, 'rules.documents.title'),
  date: isoDate('rules.documents.date'),
  fileId,
  fileKey: v.pipe(
    v.string(key('rules.documents.file')),
    v.regex(FILE_KEY_PATTERN, key('rules.documents.file')),
  ),
  /** Bytes of the encrypted file, what the upload announces. */
  size: v.pipe(
    v.number(key('rules.documents.file')),
    v.integer(key('rules.documents.file')),
    v.minValue(1, key('rules.documents.file')),
    v.maxValue(MAX_DOCUMENT_FILE_BYTES, key('rules.documents.tooLarge')),
  ),
  pages: v.pipe(
    v.number(key('rules.documents.pages')),
    v.integer(key('rules.documents.pages')),
    v.minValue(1, key('rules.documents.pages')),
    v.maxValue(MAX_DOCUMENT_PAGES, key('rules.documents.pages')),
  ),
  /** A small picture of the first page, sealed with `fileKey` (base64), absent for a PDF. */
  thumb: optional(
    v.pipe(
      v.string(key('rules.documents.file')),
      v.maxLength(MAX_THUMB_CHARS, key('rules.documents.file')),
      v.regex(/^[A-Za-z0-9+/]*={0,2}$/, key('rules.documents.file')),
    ),
  ),
  consentId: optional(reference('rules.documents.link')),
  statusId: optional(reference('rules.documents.link')),
  referralId: optional(reference('rules.documents.link')),
  contactId: optional(reference('rules.documents.link')),
});
export type CaseDocument = v.InferOutput<typeof documentSchema>;

/** A linked record must be of the document's case (when this side knows it). */
export async function checkDocumentChange(
  prev: CaseDocument | undefined,
  next: CaseDocument,
  get: (table: string, id: string) => Promise<Record<string, unknown> | undefined>,
): Promise<Message | null> {
  if (prev && prev.caseId !== next.caseId) return message('rules.documents.otherCase');
  for (const [field, table] of Object.entries(documentLinks)) {
    const id = next[field as DocumentLinkField];
    if (!id || id === prev?.[field as DocumentLinkField]) continue;
    const linked = await get(table, id);
    if (linked && linked.caseId !== next.caseId) return message('rules.documents.link');
  }
  return null;
}

export const documentTable = defineTable<CaseDocument>({
  schema: documentSchema,
  checkChange: (prev, next, ctx) => checkDocumentChange(prev, next, (t, id) => ctx.get(t, id)),
  // A file is written once: another file is another document.
  immutable: ['caseId', 'fileId', 'fileKey', 'size', 'pages'],
});

/** Newest first (by the document's date, then by when it was added). */
export function compareDocuments(
  a: Pick<CaseDocument, 'id' | 'date'>,
  b: Pick<CaseDocument, 'id' | 'date'>,
): number {
  return b.date.localeCompare(a.date) || b.id.localeCompare(a.id);
}
