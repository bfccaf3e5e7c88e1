// A captured photo or a picked file, made into a page of a document before anything is stored
// ([D1]): the type is told by the first bytes (never by the name or the browser's guess), images
// are decoded and drawn again on a canvas (long side at most 2,000 px, WebP or JPEG at a quality
// that keeps print readable), which leaves every EXIF, GPS and device tag behind, and a PDF is kept
// as it is up to MAX_PDF_BYTES. The original File is never written anywhere by the app.
import { MAX_PDF_BYTES } from '../../../shared/domain/document';
import { isImageType, sniffMediaType, type PageMediaType } from '../../../shared/domain/file-type';
import { t } from '../../../shared/i18n/t';
import type { DocumentPage } from '../../../local/documents/file-cipher';

/** Long side of a stored page: print stays readable, a photo stays near 300 KB. */
export const PAGE_LONG_SIDE = 2000;
/**
 * Long side of the thumbnail that syncs with the record: a few KB, so a team's documents do not
 * weigh on a phone's first sync (the pages themselves load only when opened).
 */
export const THUMB_LONG_SIDE = 160;
export const THUMB_TARGET_BYTES = 8 * 1024;
/** A page image above this is encoded again at a lower quality (the upload budget per photo). */
export const PAGE_TARGET_BYTES = 400 * 1024;
const QUALITIES = [0.8, 0.68, 0.55] as const;

export type PreparedPage =
  { ok: true; page: DocumentPage; thumb: Uint8Array | null } | { ok: false; message: string };

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

export async function preparePage(file: File): Promise<PreparedPage> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const type = sniffMediaType(head);
  if (type === 'application/pdf') {
    if (file.size > MAX_PDF_BYTES) {
      return {
        ok: false,
        message: t('cases.documents.pdfTooLarge', {
          size: formatBytes(file.size),
          max: formatBytes(MAX_PDF_BYTES),
        }),
      };
    }
    return {
      ok: true,
      page: { type, bytes: new Uint8Array(await file.arrayBuffer()) },
      thumb: null,
    };
  }
  if (!isImageType(type)) {
    return { ok: false, message: t('cases.documents.wrongType', { name: file.name || '?' }) };
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, message: t('cases.documents.unreadable', { name: file.name || '?' }) };
  }
  try {
    const page = await encodeImage(bitmap, PAGE_LONG_SIDE, PAGE_TARGET_BYTES);
    const thumb = await encodeImage(bitmap, THUMB_LONG_SIDE, THUMB_TARGET_BYTES, 'image/jpeg');
    return { ok: true, page, thumb: thumb.bytes };
  } catch {
    return { ok: false, message: t('cases.documents.unreadable', { name: file.name || '?' }) };
  } finally {
    bitmap.close();
  }
}

/** Draws the bitmap at most `longSide` px long and encodes it, lowering the quality to fit. */
async function encodeImage(
  bitmap: ImageBitmap,
  longSide: number,
  targetBytes: number,
  only?: 'image/jpeg',
): Promise<DocumentPage> {
  const scale = Math.min(1, longSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  // White under transparent parts (a PNG scan), so JPEG does not turn them black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  let best: DocumentPage | undefined;
  for (const quality of QUALITIES) {
    for (const wanted of only ? [only] : (['image/webp', 'image/jpeg'] as const)) {
      const blob = await canvas.convertToBlob({ type: wanted, quality });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      // A browser without the encoder answers PNG: take what the bytes say it is.
      const type = sniffMediaType(bytes);
      if (type !== 'image/webp' && type !== 'image/jpeg') continue;
      const page = { type: type as PageMediaType, bytes };
      if (!best || bytes.length < best.bytes.length) best = page;
      break;
    }
    if (best && best.bytes.length <= targetBytes) break;
  }
  if (!best) throw new Error('no encoder');
  return best;
}
