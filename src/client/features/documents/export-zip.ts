// The Art. 15 export with the person's documents (issue 25): the export's JSON and every page of
// every document, decrypted on this phone (loaded from the server when not here), in one ZIP made
// by client-zip in memory and handed to the browser's download. The documents' keys and sealed
// thumbnails stay out of it: they are the app's, not the person's data.
import { downloadZip } from 'client-zip';
import type { FeldakteDb } from '../../../local/db';
import { hasFile, openDocumentPages } from '../../../local/documents/document-store';
import type { DocumentPage } from '../../../local/documents/file-cipher';
import type { CaseDocument } from '../../../shared/domain/document';

/** Record fields of the app, not of the person: left out of what the person receives. */
export const TECHNICAL_DOCUMENT_FIELDS = ['fileKey', 'thumb', 'fileId', 'size'] as const;

export function withoutTechnicalFields<
  T extends { records: Record<string, Record<string, unknown>[]> },
>(data: T): T {
  const documents = data.records.documents;
  if (!documents) return data;
  return {
    ...data,
    records: {
      ...data.records,
      documents: documents.map((row) =>
        Object.fromEntries(
          Object.entries(row).filter(
            ([key]) => !(TECHNICAL_DOCUMENT_FIELDS as readonly string[]).includes(key),
          ),
        ),
      ),
    },
  };
}

const extensions: Record<DocumentPage['type'], string> = {
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

function safeName(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are what it removes
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'Dokument'
  );
}

export interface DocumentsZip {
  blob: Blob;
  /** Titles of documents whose file could not be loaded (offline, not yet uploaded). */
  missing: string[];
}

export async function documentsZip(
  db: FeldakteDb,
  data: { records: Record<string, Record<string, unknown>[]> },
  jsonName: string,
): Promise<DocumentsZip> {
  const documents = (data.records.documents ?? []) as unknown as CaseDocument[];
  const files: { name: string; input: Uint8Array | string; lastModified?: Date }[] = [
    { name: jsonName, input: JSON.stringify(withoutTechnicalFields(data), null, 2) },
  ];
  const missing: string[] = [];
  for (const document of documents) {
    let pages: DocumentPage[] | null = null;
    try {
      if (await hasFile(db, document.fileId)) pages = await openDocumentPages(db, document);
      else {
        const { downloadFile } = await import('../../../local/documents/file-transfer');
        const loaded = await downloadFile(db, document);
        pages = loaded.ok ? loaded.pages : null;
      }
    } catch {
      pages = null;
    }
    if (!pages) {
      missing.push(document.title);
      continue;
    }
    const base = `dokumente/${document.date} ${safeName(document.title)} (${document.id.slice(-6)})`;
    pages.forEach((page, index) =>
      files.push({
        name: `${base}${pages!.length > 1 ? ` S${index + 1}` : ''}.${extensions[page.type]}`,
        input: page.bytes,
      }),
    );
  }
  return { blob: await downloadZip(files).blob(), missing };
}
