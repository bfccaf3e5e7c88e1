// Every way a sync can fail, as a value the THM can act on (German first). The outbox is never
// touched by a failure: each message says so, because that is what a worried user needs to know.
import { t } from '../../shared/i18n/t';

export type SyncErrorKind =
  | 'offline'
  | 'unauthorized'
  /** 401 device_revoked / user_disabled: the device deletes its data ([K6]). */
  | 'revoked'
  | 'forbidden'
  | 'outdated'
  | 'gap'
  | 'invalid'
  | 'server'
  | 'storage'
  | 'internal';

/** The German (or chosen language's) text of each kind lives in the sync catalogue. */
function messageOf(kind: SyncErrorKind): string {
  return t(`sync.status.errors.${kind}`);
}

/** Kinds the scheduler retries on its own with backoff; the others wait for the person to act. */
const retryableKinds: ReadonlySet<SyncErrorKind> = new Set([
  'offline',
  'server',
  'storage',
  'internal',
]);

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  /** The server's own message (German), when it sent one. */
  readonly serverMessage?: string;
  /** For 'gap': the last mutation id the server has from this client. */
  readonly lastMutationId?: number;
  /** The server's `error` code (e.g. `device_revoked`), when it sent one. */
  readonly code?: string;
  /** The HTTP status, when the server answered (413: the push splits its batch and retries). */
  readonly status?: number;
  /** On a 409: the server's data epoch ([B1]); another than the last one means a restore. */
  readonly epoch?: string;

  constructor(
    kind: SyncErrorKind,
    details: {
      serverMessage?: string;
      lastMutationId?: number;
      code?: string;
      status?: number;
      epoch?: string;
      message?: string;
      cause?: unknown;
    } = {},
  ) {
    super(details.message ?? messageOf(kind), { cause: details.cause });
    this.name = 'SyncError';
    this.kind = kind;
    if (details.serverMessage !== undefined) this.serverMessage = details.serverMessage;
    if (details.lastMutationId !== undefined) this.lastMutationId = details.lastMutationId;
    if (details.code !== undefined) this.code = details.code;
    if (details.status !== undefined) this.status = details.status;
    if (details.epoch !== undefined) this.epoch = details.epoch;
  }

  get retryable(): boolean {
    return retryableKinds.has(this.kind);
  }
}

export function syncErrorMessage(kind: SyncErrorKind): string {
  return messageOf(kind);
}

export function isRetryable(kind: SyncErrorKind): boolean {
  return retryableKinds.has(kind);
}

/** The 401 codes that delete the device's data ([K6]); session_expired never does. */
export const WIPE_CODES: ReadonlySet<string> = new Set(['device_revoked', 'user_disabled']);

/** The error kind an HTTP status (and the body's `error` code) means for sync. */
export function kindForStatus(status: number, code?: string): SyncErrorKind {
  if (status === 401) return code && WIPE_CODES.has(code) ? 'revoked' : 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 426) return 'outdated';
  if (status === 409) return 'gap';
  if (status === 400 || status === 413 || status === 422) return 'invalid';
  return 'server';
}

/** Whatever went wrong, as a SyncError (storage full and bugs included), for status and result. */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const name = (error as { name?: string } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new SyncError('storage', { cause: error });
  }
  return new SyncError('internal', { cause: error });
}
