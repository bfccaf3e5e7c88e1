// The real transport: JSON over same-origin fetch with the session cookie. Case data travel only in
// request bodies, never in URLs, so nothing sensitive lands in logs or the HTTP cache.
import type {
  ApiError,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  RestoreRequest,
  RestoreResponse,
} from '../../shared/sync/protocol';
import { kindForStatus, SyncError } from './sync-error';
import type { PullHead, SyncTransport } from './transport';
import { PULL_CURSOR_HEADER, PULL_HAS_MORE_HEADER } from '../../shared/sync/protocol';

export interface FetchTransportOptions {
  /** Origin and path prefix of the API, '' for the page's own origin. */
  baseUrl?: string;
  /** A request that takes longer counts as offline (weak mobile networks hang rather than fail). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Request bodies from this size on are sent gzip-compressed (the server unpacks them,
 * src/server/http/compression.ts). A push of a few hundred offline edits is JSON that shrinks to a
 * fifth; small pushes and pulls are not worth the work. Answers are compressed by the server and
 * unpacked by the browser itself (Accept-Encoding).
 */
export const COMPRESS_BODY_FROM_BYTES = 8 * 1024;

export function createFetchTransport(options: FetchTransportOptions = {}): SyncTransport {
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function post<T>(
    path: string,
    body: unknown,
    isValid: (value: unknown) => boolean,
    onResponse?: (response: Response) => void,
  ): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let response: Response;
      try {
        const encoded = await encodeBody(JSON.stringify(body));
        response = await doFetch(`${baseUrl}${path}`, {
          method: 'POST',
          credentials: 'same-origin',
          cache: 'no-store',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(encoded.encoding ? { 'content-encoding': encoded.encoding } : {}),
          },
          body: encoded.body,
          signal: controller.signal,
        });
      } catch (error) {
        throw new SyncError('offline', { cause: error });
      }
      if (response.ok) onResponse?.(response);
      const payload = await readJson(response);
      if (!response.ok) {
        const apiError = isApiError(payload) ? payload : undefined;
        throw new SyncError(kindForStatus(response.status, apiError?.error), {
          status: response.status,
          ...(apiError?.message ? { serverMessage: apiError.message } : {}),
          ...(apiError?.error ? { code: apiError.error } : {}),
          ...(typeof apiError?.lastMutationId === 'number'
            ? { lastMutationId: apiError.lastMutationId }
            : {}),
          ...(typeof apiError?.epoch === 'string' ? { epoch: apiError.epoch } : {}),
        });
      }
      // A 200 that is not our JSON comes from a captive portal (shelter Wi-Fi) or a proxy: for the
      // person that is "no connection", and retrying later is right.
      if (!isValid(payload)) throw new SyncError('offline');
      return payload as T;
    } catch (error) {
      if (error instanceof SyncError) throw error;
      throw new SyncError('offline', { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    push: (request: PushRequest) => post<PushResponse>('/api/sync/push', request, isPushResponse),
    restore: (request: RestoreRequest) =>
      post<RestoreResponse>('/api/sync/restore', request, isRestoreResponse),
    pull: (request: PullRequest, onHead?: (head: PullHead) => void) =>
      post<PullResponse>(
        '/api/sync/pull',
        request,
        isPullResponse,
        onHead &&
          ((response) => {
            const head = pullHead(response.headers);
            if (head) onHead(head);
          }),
      ),
  };
}

/** The page's cursor and "more" flag from its headers, when the server sent both ([E5]). */
function pullHead(headers: Headers): PullHead | null {
  const cursor = headers.get(PULL_CURSOR_HEADER);
  const hasMore = headers.get(PULL_HAS_MORE_HEADER);
  if (cursor === null || !/^\d{1,15}$/.test(cursor) || (hasMore !== '0' && hasMore !== '1')) {
    return null;
  }
  return { cursor: Number(cursor), hasMore: hasMore === '1' };
}

async function encodeBody(json: string): Promise<{ body: BodyInit; encoding?: 'gzip' }> {
  // Browsers without CompressionStream (Safari before 16.4) send the plain JSON.
  if (json.length < COMPRESS_BODY_FROM_BYTES || typeof CompressionStream === 'undefined') {
    return { body: json };
  }
  const gzipped = new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'));
  return { body: await new Response(gzipped).arrayBuffer(), encoding: 'gzip' };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' && value !== null && typeof (value as ApiError).error === 'string'
  );
}

function isPushResponse(value: unknown): boolean {
  const body = value as PushResponse | null;
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof body.lastMutationId === 'number' &&
    Array.isArray(body.results)
  );
}

function isRestoreResponse(value: unknown): boolean {
  const body = value as RestoreResponse | null;
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof body.epoch === 'string' &&
    typeof body.version === 'number'
  );
}

function isPullResponse(value: unknown): boolean {
  const body = value as PullResponse | null;
  return (
    typeof body === 'object' &&
    body !== null &&
    Array.isArray(body.changes) &&
    typeof body.cursor === 'number' &&
    typeof body.hasMore === 'boolean' &&
    typeof body.lastMutationId === 'number'
  );
}
