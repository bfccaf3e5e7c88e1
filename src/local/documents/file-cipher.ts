// A document's file, encrypted ([D3]): all its pages in one stream, sealed in chunks with AES-GCM
// under the document's own key (`fileKey`, in the record, which the data key seals on the device).
// The same bytes are stored on the phone, uploaded, kept by the server and downloaded by the team's
// other phones, so neither the server's disk nor its object store ever holds a page in clear.
//
// Layout: "FDOC" 0x01 0x00 0x00 0x00 (8 bytes), then chunks of 12-byte IV || ciphertext || 16-byte
// tag, each sealing CHUNK_PLAIN bytes of the plaintext (the last one fewer). The additional data of
// chunk i is `fileId|i|last`, so chunks cannot be reordered, moved to another file or cut off.
// The plaintext: 4-byte big-endian length of the manifest JSON, the manifest, the pages' bytes.
// AES-GCM is WebCrypto here (native and off the main thread's critical path, unlike the row
// cipher): files are sealed before and opened after their IndexedDB transaction, never inside one.
import type { PageMediaType } from '../../shared/domain/file-type';
import { fromBase64url } from '../../shared/sync/sealed-envelope';

export const FILE_MAGIC = [0x46, 0x44, 0x4f, 0x43, 0x01, 0x00, 0x00, 0x00] as const;
export const HEADER_BYTES = FILE_MAGIC.length;
/** Plaintext per chunk: big enough to be cheap, small enough to seal while the page stays fluid. */
export const CHUNK_PLAIN = 256 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const CHUNK_SEALED = IV_BYTES + CHUNK_PLAIN + TAG_BYTES;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface DocumentPage {
  type: PageMediaType;
  bytes: Uint8Array;
}

interface Manifest {
  pages: { type: PageMediaType; bytes: number }[];
}

/** The file could not be opened: wrong key, a changed or cut-off byte, not a document file. */
export class DocumentFileError extends Error {
  constructor() {
    super('Die Datei des Dokuments ist beschädigt oder gehört nicht zu diesem Dokument.');
    this.name = 'DocumentFileError';
  }
}

export function newFileKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** 128 random bits in hex: the file's id, made on the phone, not guessable ([D2]). */
export function newFileId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function keyToText(key: Uint8Array): string {
  let binary = '';
  for (const byte of key) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function keyFromText(text: string): Uint8Array {
  return fromBase64url(text.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''));
}

async function aesKey(key: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

async function seal(key: CryptoKey, iv: Uint8Array, data: Uint8Array, plain: Uint8Array) {
  return new Uint8Array(
    await crypto.subtle.encrypt(
      {
        name: 'AES-GCM',
        iv: iv as Uint8Array<ArrayBuffer>,
        additionalData: data as Uint8Array<ArrayBuffer>,
      },
      key,
      plain as Uint8Array<ArrayBuffer>,
    ),
  );
}

async function open(key: CryptoKey, iv: Uint8Array, data: Uint8Array, sealed: Uint8Array) {
  return new Uint8Array(
    await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: iv as Uint8Array<ArrayBuffer>,
        additionalData: data as Uint8Array<ArrayBuffer>,
      },
      key,
      sealed as Uint8Array<ArrayBuffer>,
    ),
  );
}

function chunkData(fileId: string, index: number, last: boolean): Uint8Array {
  return encoder.encode(`${fileId}|${index}|${last ? 1 : 0}`);
}

/** The plaintext stream of pages (manifest first). */
function bundle(pages: readonly DocumentPage[]): Uint8Array {
  const manifest: Manifest = {
    pages: pages.map((page) => ({ type: page.type, bytes: page.bytes.length })),
  };
  const head = encoder.encode(JSON.stringify(manifest));
  const total = 4 + head.length + pages.reduce((sum, page) => sum + page.bytes.length, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, head.length);
  out.set(head, 4);
  let at = 4 + head.length;
  for (const page of pages) {
    out.set(page.bytes, at);
    at += page.bytes.length;
  }
  return out;
}

function unbundle(plain: Uint8Array): DocumentPage[] {
  if (plain.length < 4) throw new DocumentFileError();
  const headLength = new DataView(plain.buffer, plain.byteOffset, plain.byteLength).getUint32(0);
  if (4 + headLength > plain.length) throw new DocumentFileError();
  let manifest: Manifest;
  try {
    manifest = JSON.parse(decoder.decode(plain.subarray(4, 4 + headLength))) as Manifest;
  } catch {
    throw new DocumentFileError();
  }
  let at = 4 + headLength;
  const pages: DocumentPage[] = [];
  for (const page of manifest.pages ?? []) {
    if (!Number.isInteger(page.bytes) || page.bytes < 0 || at + page.bytes > plain.length) {
      throw new DocumentFileError();
    }
    pages.push({ type: page.type, bytes: plain.slice(at, at + page.bytes) });
    at += page.bytes;
  }
  if (at !== plain.length || pages.length === 0) throw new DocumentFileError();
  return pages;
}

/**
 * The encrypted file of `pages`, as the pieces it is stored in on the phone: piece 0 starts with
 * the header; their concatenation is the file that is uploaded.
 */
export async function encryptDocument(
  fileId: string,
  rawKey: Uint8Array,
  pages: readonly DocumentPage[],
): Promise<Uint8Array[]> {
  const key = await aesKey(rawKey);
  const plain = bundle(pages);
  const count = Math.max(1, Math.ceil(plain.length / CHUNK_PLAIN));
  const pieces: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const part = plain.subarray(index * CHUNK_PLAIN, (index + 1) * CHUNK_PLAIN);
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = await seal(key, iv, chunkData(fileId, index, index === count - 1), part);
    const prefix = index === 0 ? HEADER_BYTES : 0;
    const piece = new Uint8Array(prefix + IV_BYTES + sealed.length);
    if (index === 0) piece.set(FILE_MAGIC);
    piece.set(iv, prefix);
    piece.set(sealed, prefix + IV_BYTES);
    pieces.push(piece);
  }
  return pieces;
}

/** True when `bytes` start like a document file (what the server can check of a ciphertext). */
export function hasFileMagic(bytes: Uint8Array): boolean {
  return FILE_MAGIC.every((byte, index) => bytes[index] === byte);
}

/** Splits a whole file (downloaded) into the pieces `encryptDocument` makes. */
export function splitDocumentFile(file: Uint8Array): Uint8Array[] {
  if (file.length < HEADER_BYTES + IV_BYTES + TAG_BYTES || !hasFileMagic(file)) {
    throw new DocumentFileError();
  }
  const pieces: Uint8Array[] = [];
  let at = 0;
  while (at < file.length) {
    const end = Math.min(file.length, at + (at === 0 ? HEADER_BYTES : 0) + CHUNK_SEALED);
    pieces.push(file.slice(at, end));
    at = end;
  }
  return pieces;
}

/** The pages of an encrypted file (its pieces in order); throws DocumentFileError if it is not whole. */
export async function decryptDocument(
  fileId: string,
  rawKey: Uint8Array,
  pieces: readonly Uint8Array[],
): Promise<DocumentPage[]> {
  if (pieces.length === 0 || !hasFileMagic(pieces[0]!)) throw new DocumentFileError();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    const key = await aesKey(rawKey);
    for (const [index, piece] of pieces.entries()) {
      const body = index === 0 ? piece.subarray(HEADER_BYTES) : piece;
      const last = index === pieces.length - 1;
      if (body.length < IV_BYTES + TAG_BYTES || (!last && body.length !== CHUNK_SEALED)) {
        throw new DocumentFileError();
      }
      const part = await open(
        key,
        body.subarray(0, IV_BYTES),
        chunkData(fileId, index, last),
        body.subarray(IV_BYTES),
      );
      parts.push(part);
      total += part.length;
    }
  } catch {
    throw new DocumentFileError();
  }
  const plain = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    plain.set(part, at);
    at += part.length;
  }
  return unbundle(plain);
}

/** The thumbnail sealed with the file's key, as base64 for the record. */
export async function sealThumb(
  fileId: string,
  rawKey: Uint8Array,
  jpeg: Uint8Array,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await seal(await aesKey(rawKey), iv, encoder.encode(`${fileId}|thumb`), jpeg);
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return keyToText(out);
}

export async function openThumb(
  fileId: string,
  rawKey: Uint8Array,
  text: string,
): Promise<Uint8Array> {
  try {
    const blob = keyFromText(text);
    return await open(
      await aesKey(rawKey),
      blob.subarray(0, IV_BYTES),
      encoder.encode(`${fileId}|thumb`),
      blob.subarray(IV_BYTES),
    );
  } catch {
    throw new DocumentFileError();
  }
}
