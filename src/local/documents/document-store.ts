// Documents on the device ([D1], [D3]): the record goes through the one write path (sealed by the
// data key like every record, with its outbox entry); the file's encrypted pieces and its upload
// state are written in the SAME transaction, so a document is stored whole or not at all. The
// bytes are sealed with the document's own key before they reach IndexedDB: no page is ever
// stored in clear, and the same ciphertext is what the upload sends.
import type { FeldakteDb, DocumentFileRow } from '../db';
import { putRecord, deleteRecord, type WriteResult } from '../write-record';
import { deviceNow, newDeviceId } from '../device-environment';
import { isQuotaError } from '../write-failure';
import { t } from '../../shared/i18n/t';
import type { CaseDocument, DocumentLinkField } from '../../shared/domain/document';
import {
  decryptDocument,
  encryptDocument,
  keyFromText,
  keyToText,
  newFileId,
  newFileKey,
  openThumb,
  sealThumb,
  splitDocumentFile,
  type DocumentPage,
} from './file-cipher';

export interface NewDocument {
  caseId: string;
  kind: CaseDocument['kind'];
  title: string;
  date: string;
  pages: readonly DocumentPage[];
  /** A small JPEG of the first page (images only). */
  thumb?: Uint8Array | null;
  links?: Partial<Record<DocumentLinkField, string | null>>;
}

/** Thrown inside the transaction to roll back the pieces when the record was refused. */
class Refused extends Error {
  constructor(readonly result: WriteResult) {
    super('refused');
  }
}

/** Seals the pages and stores the document with its file; the upload follows with the sync ([D4]). */
export async function saveDocument(
  db: FeldakteDb,
  input: NewDocument,
  now = deviceNow(db),
): Promise<WriteResult> {
  if (input.pages.length === 0) {
    return { ok: false, message: t('cases.documents.noPages'), errors: {} };
  }
  const fileId = newFileId();
  const key = newFileKey();
  const pieces = await encryptDocument(fileId, key, input.pages);
  const size = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const id = newDeviceId(db, now.getTime());
  const fields = {
    caseId: input.caseId,
    kind: input.kind,
    title: input.title,
    date: input.date,
    fileId,
    fileKey: keyToText(key),
    size,
    pages: input.pages.length,
    thumb: input.thumb ? await sealThumb(fileId, key, input.thumb) : null,
    ...input.links,
  };
  key.fill(0);
  try {
    return await db.transaction('rw', db.tables, async () => {
      const result = await putRecord(db, 'documents', id, fields, now);
      if (!result.ok) throw new Refused(result);
      await storePieces(db, fileId, input.caseId, pieces);
      await db.documentFiles.put({
        fileId,
        caseId: input.caseId,
        documentId: id,
        size,
        state: 'local',
        offset: 0,
        keep: true,
        at: now.toISOString(),
      });
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    if (isQuotaError(error)) return { ok: false, message: t('common.errors.quota'), errors: {} };
    throw error;
  }
}

async function storePieces(
  db: FeldakteDb,
  fileId: string,
  caseId: string,
  pieces: readonly Uint8Array[],
): Promise<void> {
  await db.fileChunks.bulkPut(pieces.map((data, index) => ({ fileId, index, caseId, data })));
}

/** Deletes the document (a tombstone every phone applies) and its file on this device. */
export async function deleteDocument(db: FeldakteDb, id: string): Promise<WriteResult> {
  try {
    return await db.transaction('rw', db.tables, async () => {
      const document = await db.documents.get(id);
      const result = await deleteRecord(db, 'documents', id);
      if (result.ok && document) await removeFile(db, document.fileId);
      return result;
    });
  } catch (error) {
    if (isQuotaError(error)) return { ok: false, message: t('common.errors.quota'), errors: {} };
    throw error;
  }
}

/** Removes a file's pieces and state from this device (inside or outside a transaction). */
export async function removeFile(db: FeldakteDb, fileId: string): Promise<void> {
  await db.fileChunks.where('fileId').equals(fileId).delete();
  await db.documentFiles.delete(fileId);
}

/**
 * [D6] Files whose document this device no longer holds (deleted, erased, or never synced to it)
 * go: their pieces and their upload state. Runs after every pull and after an erasure.
 */
export async function removeOrphanFiles(db: FeldakteDb): Promise<number> {
  return db.transaction('rw', [db.documents, db.documentFiles, db.fileChunks], async () => {
    const kept = new Set((await db.documents.orderBy('fileId').keys()) as string[]);
    const held = new Set([
      ...((await db.documentFiles.toCollection().primaryKeys()) as string[]),
      ...((await db.fileChunks.orderBy('fileId').uniqueKeys()) as string[]),
    ]);
    let removed = 0;
    for (const fileId of held) {
      if (kept.has(fileId)) continue;
      await removeFile(db, fileId);
      removed += 1;
    }
    return removed;
  });
}

/** Whether this device holds the file's bytes (else it is loaded when the document is opened). */
export async function hasFile(db: FeldakteDb, fileId: string): Promise<boolean> {
  return (await db.fileChunks.where('[fileId+index]').equals([fileId, 0]).count()) > 0;
}

/** The pieces of a file in order (ciphertext). */
export async function readPieces(db: FeldakteDb, fileId: string): Promise<Uint8Array[]> {
  const rows = await db.fileChunks
    .where('[fileId+index]')
    .between([fileId, 0], [fileId, Infinity])
    .toArray();
  return rows.map((row) => row.data);
}

/** The decrypted pages, in memory only. Throws DocumentFileError if the file is not whole. */
export async function openDocumentPages(
  db: FeldakteDb,
  document: Pick<CaseDocument, 'fileId' | 'fileKey'>,
): Promise<DocumentPage[]> {
  const key = keyFromText(document.fileKey);
  try {
    return await decryptDocument(document.fileId, key, await readPieces(db, document.fileId));
  } finally {
    key.fill(0);
  }
}

/** The decrypted thumbnail (JPEG bytes), or null when the document has none. */
export async function openDocumentThumb(
  document: Pick<CaseDocument, 'fileId' | 'fileKey' | 'thumb'>,
): Promise<Uint8Array | null> {
  if (!document.thumb) return null;
  const key = keyFromText(document.fileKey);
  try {
    return await openThumb(document.fileId, key, document.thumb);
  } finally {
    key.fill(0);
  }
}

/**
 * Stores a downloaded file after checking that it opens with the document's key ([D5]): a file
 * the server changed or cut short is refused and nothing is stored.
 */
export async function storeDownloadedFile(
  db: FeldakteDb,
  document: Pick<CaseDocument, 'id' | 'fileId' | 'fileKey' | 'caseId'>,
  file: Uint8Array,
  { keep = false }: { keep?: boolean } = {},
): Promise<DocumentPage[]> {
  const pieces = splitDocumentFile(file);
  const key = keyFromText(document.fileKey);
  let pages: DocumentPage[];
  try {
    pages = await decryptDocument(document.fileId, key, pieces);
  } finally {
    key.fill(0);
  }
  const row: DocumentFileRow = {
    fileId: document.fileId,
    caseId: document.caseId,
    documentId: document.id,
    size: file.length,
    state: 'uploaded',
    offset: file.length,
    keep,
    at: new Date().toISOString(),
  };
  await db.transaction('rw', db.documents, db.documentFiles, db.fileChunks, async () => {
    // Erased or deleted while it was loading: keep nothing.
    if ((await db.documents.where('fileId').equals(document.fileId).count()) === 0) return;
    await storePieces(db, document.fileId, document.caseId, pieces);
    await db.documentFiles.put(row);
  });
  return pages;
}

/**
 * "Offline verfügbar" off: a file the server has whole leaves this device (it loads again when
 * opened); one not yet uploaded stays, it is the only copy.
 */
export async function dropLocalCopy(db: FeldakteDb, fileId: string): Promise<boolean> {
  return db.transaction('rw', db.documentFiles, db.fileChunks, async () => {
    const row = await db.documentFiles.get(fileId);
    if (!row || row.state !== 'uploaded') return false;
    await removeFile(db, fileId);
    return true;
  });
}
