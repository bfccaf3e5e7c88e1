// The Art. 15 export with documents (issue 25 item 6): the ZIP holds the export's JSON without the
// documents' keys and thumbnails, and every page of every document, decrypted.
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type FeldakteDb } from '../../../src/local/db';
import { createRecord } from '../../../src/local/write-record';
import { saveDocument } from '../../../src/local/documents/document-store';
import { documentsZip } from '../../../src/client/features/documents/export-zip';
import { localCaseExport } from '../../../src/client/features/privacy/local-export';

let db: FeldakteDb;
beforeEach(async () => {
  db = openDatabase(`zip-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(() => db.close());

describe('the access export as a ZIP', () => {
  it('holds the JSON without keys and each document page in clear, named by date and title', async () => {
    const created = await createRecord(db, 'cases', {
      givenName: 'Amina',
      familyName: 'Haidari',
      status: 'active',
    });
    if (!created.ok) throw new Error(created.message);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const pdf = new TextEncoder().encode('%PDF-1.7 Zeugnis');
    const saved = await saveDocument(db, {
      caseId: created.id,
      kind: 'certificate',
      title: 'Zeugnis / Berufskolleg',
      date: '2026-05-01',
      pages: [
        { type: 'image/jpeg', bytes: jpeg },
        { type: 'application/pdf', bytes: pdf },
      ],
      thumb: jpeg,
    });
    if (!saved.ok) throw new Error(saved.message);
    const data = (await localCaseExport(db, created.id, { name: 'Lena', team: 'Nord' }))!;
    const { blob, missing } = await documentsZip(db, data, 'auskunft.json');
    expect(missing).toEqual([]);
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    const names = Object.keys(zip.files).sort();
    const base = `dokumente/2026-05-01 Zeugnis Berufskolleg (${saved.id.slice(-6)})`;
    expect(names).toEqual(['auskunft.json', `${base} S1.jpg`, `${base} S2.pdf`].sort());
    expect(new Uint8Array(await zip.file(`${base} S1.jpg`)!.async('uint8array'))).toEqual(jpeg);
    expect(new Uint8Array(await zip.file(`${base} S2.pdf`)!.async('uint8array'))).toEqual(pdf);
    const json = JSON.parse(await zip.file('auskunft.json')!.async('string'));
    expect(json.records.documents).toEqual([
      expect.objectContaining({ title: 'Zeugnis / Berufskolleg', kind: 'certificate' }),
    ]);
    for (const field of ['fileKey', 'thumb', 'fileId', 'size'])
      expect(json.records.documents[0]).not.toHaveProperty(field);
  });
});
