// What a file is, told by its first bytes (its "magic"), never by its name or the browser's guess:
// a renamed file or a wrong `type` cannot slip a different format into a case file ([D1]).

export type DocumentMediaType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
/** What the phone keeps as a page after preparing it: images re-encoded, PDFs as they are. */
export type PageMediaType = 'image/jpeg' | 'image/webp' | 'application/pdf';

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((byte, index) => bytes[at + index] === byte);
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * The media type of `bytes` (the first 16 are enough), or null for anything else (HEIC, GIF, an
 * office file, a script). Images of other formats the browser decodes are taken by the picker's
 * own check (see `isDecodableImage`), this list is what the app keeps and shows.
 */
export function sniffMediaType(bytes: Uint8Array): DocumentMediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

export function isImageType(
  type: string | null,
): type is 'image/jpeg' | 'image/png' | 'image/webp' {
  return type === 'image/jpeg' || type === 'image/png' || type === 'image/webp';
}
