// Documents on the device (issue 25, [D1], [D3], [D6]): the record is sealed like every record, the
// file's bytes are sealed with the document's own key before they reach IndexedDB, both are written
// in one transaction, and a deleted or erased document leaves no piece behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openClearView, openDatabase, type FeldakteDb } from '../../../src/local/db';
import { createRecord } from '../../../src/local/write-record';
import {
  deleteDocument,
  openDocumentPages,
  openDocumentThumb,
  readPieces,
  removeOrphanFiles,
  saveDocument,
  storeDownloadedFile,
} from '../../../src/local/documents/document-store';
import {
  CHUNK_PLAIN,
  DocumentFileError,
  decryptDocument,
  keyFromText,
} from '../../../src/local/documents/file-cipher';
import { eraseCaseLocally } from '../../../src/local/erase-locally';

let db: FeldakteDb;
let raw: FeldakteDb;
const now = new Date(2026, 5, 3, 10, 0);
const PAGE_TEXT = 'Duldung nach 60a AufenthG, gueltig bis 2026-12-31, Amina Haidari';

function page(text: string, repeat = 1): Uint8Array {
  const body = new TextEncoder().encode(text.repeat(repeat));
  const bytes = new Uint8Array(3 + body.length);
  bytes.set([0xff, 0xd8, 0xff]);
  bytes.set(body, 3);
  return bytes;
}

async function newCase(): Promise<string> {
  const result = await createRecord(db, 'cases', {
    givenName: 'Amina',
    familyName: 'Haidari',
    status: 'active',
  });
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

beforeEach(async () => {
  db = openDatabase(`documents-${Math.random().toString(36).slice(2)}`);
  await db.open();
  raw = openClearView(db.name);
});
afterEach(() => {
  db.close();
  raw.close();
});

/** Everything IndexedDB holds for the database, as text (bytes as Latin-1). */
async function everythingStored(): Promise<string> {
  let text = '';
  for (const table of raw.tables) {
    for (const row of await raw.table(table.name).toArray()) {
      text += JSON.stringify(row, (_key, value: unknown) =>
        ArrayBuffer.isView(value)
          ? String.fromCharCode(...new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
          : value,
      );
    }
  }
  return text;
}

describe('[D3] a document on the phone', () => {
  it('stores record, file and upload state in one write, and nothing of it in clear', async () => {
    const caseId = await newCase();
    const result = await saveDocument(
      db,
      {
        caseId,
        kind: 'id_document',
        title: 'Duldung Verlängerung',
        date: '2026-06-01',
        pages: [
          { type: 'image/jpeg', bytes: page(PAGE_TEXT) },
          { type: 'image/jpeg', bytes: page('Rueckseite') },
        ],
        thumb: page('Vorschau-Bild'),
      },
      now,
    );
    expect(result.ok).toBe(true);
    const document = await db.documents.get(result.ok ? result.id : '');
    expect(document).toMatchObject({ caseId, kind: 'id_document', pages: 2, date: '2026-06-01' });
    expect(await db.documentFiles.get(document!.fileId)).toMatchObject({
      caseId,
      state: 'local',
      offset: 0,
      size: document!.size,
    });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((entry) => entry.table)).toEqual(['cases', 'documents']);

    const stored = await everythingStored();
    for (const secret of [
      'Duldung',
      'Haidari',
      'Rueckseite',
      'Vorschau',
      'id_document',
      '2026-06-01',
    ]) {
      expect(stored).not.toContain(secret);
    }
    // The key never sits in clear either.
    expect(stored).not.toContain(document!.fileKey);

    const pages = await openDocumentPages(db, document!);
    expect(pages.map((p) => new TextDecoder().decode(p.bytes.subarray(3)))).toEqual([
      PAGE_TEXT,
      'Rueckseite',
    ]);
    expect(new TextDecoder().decode((await openDocumentThumb(document!))!.subarray(3))).toBe(
      'Vorschau-Bild',
    );
  });

  it('splits a large file into sealed pieces that open only whole and in order', async () => {
    const caseId = await newCase();
    const big = page('Zeugnis der Berufsschule ', 40_000); // about 1 MB
    const result = await saveDocument(db, {
      caseId,
      kind: 'certificate',
      title: 'Zeugnis',
      date: '2026-05-01',
      pages: [{ type: 'application/pdf', bytes: big }],
    });
    expect(result.ok).toBe(true);
    const document = (await db.documents.toArray())[0]!;
    const pieces = await readPieces(db, document.fileId);
    expect(pieces.length).toBe(Math.ceil((big.length + 60) / CHUNK_PLAIN));
    expect(pieces.reduce((sum, piece) => sum + piece.length, 0)).toBe(document.size);
    const key = keyFromText(document.fileKey);
    const opened = (await decryptDocument(document.fileId, key, pieces))[0]!.bytes;
    expect(Buffer.from(opened).equals(Buffer.from(big))).toBe(true);
    // Cut off, reordered, flipped, moved to another file: refused.
    await expect(decryptDocument(document.fileId, key, pieces.slice(0, -1))).rejects.toThrow(
      DocumentFileError,
    );
    const reordered = [pieces[0]!, pieces[2]!, pieces[1]!, ...pieces.slice(3)];
    await expect(decryptDocument(document.fileId, key, reordered)).rejects.toThrow(
      DocumentFileError,
    );
    const flipped = pieces.map((piece) => piece.slice());
    flipped[1]![100]! ^= 1;
    await expect(decryptDocument(document.fileId, key, flipped)).rejects.toThrow(DocumentFileError);
    await expect(decryptDocument('0'.repeat(32), key, pieces)).rejects.toThrow(DocumentFileError);
  });

  it('refuses an invalid document and stores no piece of it', async () => {
    const caseId = await newCase();
    const result = await saveDocument(db, {
      caseId,
      kind: 'letter',
      title: '   ',
      date: '2026-06-01',
      pages: [{ type: 'image/jpeg', bytes: page('Brief') }],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.errors).toHaveProperty('title');
    expect(await db.documents.count()).toBe(0);
    expect(await db.fileChunks.count()).toBe(0);
    expect(await db.documentFiles.count()).toBe(0);
    const none = await saveDocument(db, {
      caseId,
      kind: 'letter',
      title: 'Brief',
      date: '2026-06-01',
      pages: [],
    });
    expect(none.ok).toBe(false);
  });
});

describe('[D6] deleted and erased documents leave nothing on the phone', () => {
  async function saved(caseId: string): Promise<string> {
    const result = await saveDocument(db, {
      caseId,
      kind: 'letter',
      title: 'Bescheid',
      date: '2026-06-01',
      pages: [{ type: 'image/jpeg', bytes: page(PAGE_TEXT) }],
    });
    if (!result.ok) throw new Error(result.message);
    return result.id;
  }

  it('deleting a document removes its file and sends a delete', async () => {
    const caseId = await newCase();
    const id = await saved(caseId);
    expect((await deleteDocument(db, id)).ok).toBe(true);
    expect(await db.documents.count()).toBe(0);
    expect(await db.fileChunks.count()).toBe(0);
    expect(await db.documentFiles.count()).toBe(0);
    expect((await db.outbox.toArray()).at(-1)).toMatchObject({ table: 'documents', op: 'delete' });
  });

  it('erasing the case removes its documents and their files', async () => {
    const caseId = await newCase();
    const other = await newCase();
    await saved(caseId);
    const kept = await saved(other);
    await eraseCaseLocally(db, caseId);
    expect((await db.documents.toArray()).map((d) => d.id)).toEqual([kept]);
    expect(new Set((await db.fileChunks.toArray()).map((c) => c.caseId))).toEqual(new Set([other]));
    expect((await db.documentFiles.toArray()).map((f) => f.caseId)).toEqual([other]);
    expect(await everythingStored()).not.toContain('Bescheid');
  });

  it('a file whose document is gone (a pulled tombstone) is removed by the sweep', async () => {
    const caseId = await newCase();
    const id = await saved(caseId);
    await db.documents.delete(id); // as a pulled tombstone does
    expect(await removeOrphanFiles(db)).toBe(1);
    expect(await db.fileChunks.count()).toBe(0);
  });

  it('a downloaded file is checked with the key and kept only while its document exists', async () => {
    const caseId = await newCase();
    const id = await saved(caseId);
    const document = (await db.documents.get(id))!;
    const file = new Uint8Array((await readPieces(db, document.fileId)).flatMap((p) => [...p]));
    await db.fileChunks.clear();
    await db.documentFiles.clear();
    const pages = await storeDownloadedFile(db, document, file);
    expect(new TextDecoder().decode(pages[0]!.bytes.subarray(3))).toBe(PAGE_TEXT);
    expect(await db.documentFiles.get(document.fileId)).toMatchObject({ state: 'uploaded' });
    const changed = file.slice();
    changed[changed.length - 1]! ^= 1;
    await db.fileChunks.clear();
    await expect(storeDownloadedFile(db, document, changed)).rejects.toThrow(DocumentFileError);
    expect(await db.fileChunks.count()).toBe(0);
  });
});
