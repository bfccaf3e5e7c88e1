// A document's encrypted file between phone and server ([D4], [D5]). Uploads are tus 1.0.0
// (tus-js-client) to /api/files: resumable, in chunks, so a weak network, a reload or the lock only
// pause them and the next run goes on at the offset the server reports (HEAD). The file is read
// from IndexedDB piece by piece (never a whole copy in memory) and sent through fetch, which the
// page, the service worker and Node all have. What travels is ciphertext only (file-cipher.ts).
// Downloads are lazy: a file is loaded when its document is opened, checked with the document's
// key, and kept on the device.
import { Upload, type HttpRequest, type HttpResponse, type HttpStack } from 'tus-js-client';
import type { FeldakteDb, DocumentFileRow } from '../db';
import { CHUNK_SEALED, HEADER_BYTES } from './file-cipher';
import { readPieces, storeDownloadedFile } from './document-store';
import type { CaseDocument } from '../../shared/domain/document';
import type { DocumentPage } from './file-cipher';

export const FILES_PATH = '/api/files';
/** Bytes per PATCH: a lost connection repeats at most this much. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
/** How long one request may take before it counts as lost. */
const REQUEST_TIMEOUT_MS = 60_000;

export interface FileTransferOptions {
  /** Origin of the API, '' for the page's own. */
  baseUrl?: string;
  /** Extra request headers (tests send the session cookie this way). */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** Stops the running upload; it resumes from the server's offset next time. */
  signal?: AbortSignal;
  /** Retry delays within one run (ms); the sync schedule retries across runs. */
  retryDelays?: number[];
}

export type UploadOutcome =
  { fileId: string; ok: true } | { fileId: string; ok: false; retryable: boolean; status?: number };

/** tus-js-client's HTTP stack on fetch: works in the page, the service worker and Node. */
class FetchHttpStack implements HttpStack {
  constructor(
    private readonly doFetch: typeof fetch,
    private readonly signal?: AbortSignal,
  ) {}
  createRequest(method: string, url: string): HttpRequest {
    return new FetchRequest(this.doFetch, method, url, this.signal);
  }
  getName(): string {
    return 'FeldakteFetchStack';
  }
}

class FetchRequest implements HttpRequest {
  private readonly headers: Record<string, string> = {};
  private readonly controller = new AbortController();
  private progress: (bytes: number) => void = () => undefined;
  constructor(
    private readonly doFetch: typeof fetch,
    private readonly method: string,
    private readonly url: string,
    signal?: AbortSignal,
  ) {
    signal?.addEventListener('abort', () => this.controller.abort(), { once: true });
  }
  getMethod() {
    return this.method;
  }
  getURL() {
    return this.url;
  }
  setHeader(header: string, value: string) {
    this.headers[header] = value;
  }
  getHeader(header: string) {
    return this.headers[header];
  }
  setProgressHandler(handler: (bytes: number) => void) {
    this.progress = handler;
  }
  async send(body?: Blob | null): Promise<HttpResponse> {
    const timer = setTimeout(() => this.controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await this.doFetch(this.url, {
        method: this.method,
        headers: this.headers,
        body: (body ?? null) as BodyInit | null,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: this.controller.signal,
      });
      const text = await response.text();
      if (body) this.progress(body.size);
      return {
        getStatus: () => response.status,
        getHeader: (name: string) => response.headers.get(name) ?? undefined,
        getBody: () => text,
        getUnderlyingObject: () => response,
      };
    } finally {
      clearTimeout(timer);
    }
  }
  abort() {
    this.controller.abort();
    return Promise.resolve();
  }
  getUnderlyingObject() {
    return this.controller;
  }
}

/** Where byte `offset` of the file lies: piece 0 carries the header before its sealed chunk. */
function pieceOf(offset: number): number {
  return offset < HEADER_BYTES + CHUNK_SEALED
    ? 0
    : Math.floor((offset - HEADER_BYTES) / CHUNK_SEALED);
}
function pieceStart(index: number): number {
  return index === 0 ? 0 : HEADER_BYTES + index * CHUNK_SEALED;
}

/** Reads byte ranges of a stored file from IndexedDB, a few pieces at a time. */
function pieceReader(db: FeldakteDb, row: DocumentFileRow) {
  return {
    openFile: async () => ({
      size: row.size,
      async slice(start: number, end: number) {
        const last = Math.min(end, row.size);
        const first = pieceOf(start);
        const lastPiece = pieceOf(Math.max(start, last - 1));
        const pieces = await db.fileChunks
          .where('[fileId+index]')
          .between([row.fileId, first], [row.fileId, lastPiece], true, true)
          .toArray();
        if (pieces.length !== lastPiece - first + 1) throw new Error('file pieces missing');
        const out = new Uint8Array(last - start);
        for (const piece of pieces) {
          const at = pieceStart(piece.index);
          const from = Math.max(start, at);
          const to = Math.min(last, at + piece.data.length);
          if (to > from) out.set(piece.data.subarray(from - at, to - at), from - start);
        }
        // tus-js-client measures a slice by its `size`: a Blob (of ciphertext only).
        return { value: new Blob([out]), done: last >= row.size };
      },
      close: () => undefined,
    }),
  };
}

/** Uploads one stored file (or resumes it); its state row follows the server's offset. */
export function uploadFile(
  db: FeldakteDb,
  row: DocumentFileRow,
  options: FileTransferOptions = {},
): Promise<UploadOutcome> {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return new Promise((resolve) => {
    let lastSaved = Promise.resolve();
    const save = (patch: Partial<DocumentFileRow>) => {
      lastSaved = lastSaved.then(async () => {
        await db.documentFiles.update(row.fileId, patch);
      });
      return lastSaved;
    };
    const upload = new Upload(row as unknown as Blob, {
      endpoint: `${baseUrl}${FILES_PATH}`,
      ...(row.uploadUrl ? { uploadUrl: `${baseUrl}${row.uploadUrl}` } : {}),
      metadata: { fileId: row.fileId, caseId: row.caseId, documentId: row.documentId },
      fingerprint: () => Promise.resolve(`feldakte-${row.fileId}`),
      uploadSize: row.size,
      chunkSize: UPLOAD_CHUNK_BYTES,
      retryDelays: options.retryDelays ?? [0, 1000, 3000],
      storeFingerprintForResuming: false,
      headers: options.headers ?? {},
      httpStack: new FetchHttpStack(doFetch, options.signal),
      fileReader: pieceReader(db, row),
      onUploadUrlAvailable: () => {
        const url = upload.url ? new URL(upload.url, 'http://x').pathname : undefined;
        void save({ ...(url ? { uploadUrl: url } : {}), state: 'uploading' });
      },
      onChunkComplete: (_size, accepted) => {
        void save({ state: 'uploading', offset: accepted });
      },
      onSuccess: () => {
        void save({ state: 'uploaded', offset: row.size, error: undefined }).then(() =>
          resolve({ fileId: row.fileId, ok: true }),
        );
      },
      onError: (error) => {
        const status = (
          error as { originalResponse?: { getStatus(): number } | null }
        ).originalResponse?.getStatus();
        // A refusal (4xx other than a lost upload or a session to renew) will not change by
        // retrying: the row says so; a lost upload (404/410) starts over on the next run.
        const gone = status === 404 || status === 410;
        const refused = status !== undefined && status >= 400 && status < 500 && !gone;
        const retryable = !refused || status === 401 || status === 403 || status === 423;
        const patch: Partial<DocumentFileRow> = gone
          ? { uploadUrl: undefined, offset: 0, state: 'local' }
          : refused && !retryable
            ? { error: `http_${status}` }
            : {};
        void save(patch).then(() =>
          resolve({
            fileId: row.fileId,
            ok: false,
            retryable: retryable || gone,
            ...(status ? { status } : {}),
          }),
        );
      },
    });
    options.signal?.addEventListener('abort', () => void upload.abort(), { once: true });
    upload.start();
  });
}

/** Uploads every file of this device that the server does not have whole yet, one at a time. */
export async function uploadPendingFiles(
  db: FeldakteDb,
  options: FileTransferOptions = {},
): Promise<UploadOutcome[]> {
  const rows = await db.documentFiles.where('state').anyOf('local', 'uploading').sortBy('at');
  const outcomes: UploadOutcome[] = [];
  for (const row of rows) {
    if (row.error || options.signal?.aborted) continue;
    const outcome = await uploadFile(db, row, options);
    outcomes.push(outcome);
    // Offline or the server down: the others would fail the same way.
    if (!outcome.ok && outcome.retryable && outcome.status === undefined) break;
  }
  return outcomes;
}

export type DownloadOutcome =
  | { ok: true; pages: DocumentPage[] }
  | { ok: false; reason: 'offline' | 'not_found' | 'incomplete' | 'session' | 'broken' };

/** Loads a document's file from the server, checks it and keeps it on the device ([D5]). */
export async function downloadFile(
  db: FeldakteDb,
  document: Pick<CaseDocument, 'id' | 'fileId' | 'fileKey' | 'caseId'>,
  options: FileTransferOptions & { keep?: boolean } = {},
): Promise<DownloadOutcome> {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl ?? ''}${FILES_PATH}/${document.fileId}`, {
      headers: options.headers ?? {},
      credentials: 'same-origin',
      cache: 'no-store',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (response.status === 404) return { ok: false, reason: 'not_found' };
  if (response.status === 409) return { ok: false, reason: 'incomplete' };
  if (response.status === 401 || response.status === 403) return { ok: false, reason: 'session' };
  if (!response.ok) return { ok: false, reason: 'offline' };
  let file: Uint8Array;
  try {
    file = new Uint8Array(await response.arrayBuffer());
  } catch {
    return { ok: false, reason: 'offline' };
  }
  try {
    const pages = await storeDownloadedFile(db, document, file, { keep: options.keep ?? false });
    return { ok: true, pages };
  } catch {
    return { ok: false, reason: 'broken' };
  }
}

export { readPieces };

const runningUploads = new Set<string>();

/**
 * One upload run per database across tabs and the service worker (Web Locks, `ifAvailable`: a run
 * under way elsewhere carries the files, this one returns at once).
 */
export async function uploadPendingFilesOnce(
  db: FeldakteDb,
  options: FileTransferOptions = {},
): Promise<UploadOutcome[]> {
  if (runningUploads.has(db.name)) return [];
  runningUploads.add(db.name);
  try {
    const locks = (
      globalThis as {
        navigator?: {
          locks?: {
            request<T>(
              name: string,
              options: { ifAvailable: boolean },
              run: (lock: unknown) => Promise<T>,
            ): Promise<T>;
          };
        };
      }
    ).navigator?.locks;
    if (!locks) return await uploadPendingFiles(db, options);
    return await locks.request(`feldakte-uploads-${db.name}`, { ifAvailable: true }, (lock) =>
      lock ? uploadPendingFiles(db, options) : Promise.resolve([]),
    );
  } finally {
    runningUploads.delete(db.name);
  }
}
