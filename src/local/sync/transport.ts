// How the engine reaches the server. The app uses the fetch transport; tests pass a scripted one
// or the fake network. A transport turns every failure into a SyncError, never a raw HTTP status.
import type {
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  RestoreRequest,
  RestoreResponse,
} from '../../shared/sync/protocol';

export interface SyncTransport {
  /** Rejects with a SyncError. */
  push(request: PushRequest): Promise<PushResponse>;
  /**
   * Rejects with a SyncError. `onHead` may be called before the answer is read, with the page's
   * cursor and whether more follow, when the server sends them ahead in headers ([E5]); the
   * answer must then say the same, or the pull fails.
   */
  pull(request: PullRequest, onHead?: (head: PullHead) => void): Promise<PullResponse>;
  /**
   * [B2] Sends records again after the server was restored; rejects with a SyncError. Optional:
   * a transport without it cannot recover from a restore (the sync then fails with 'gap').
   */
  restore?(request: RestoreRequest): Promise<RestoreResponse>;
}

/** What a pull page says about the next request, known before its body is read ([E5]). */
export interface PullHead {
  cursor: number;
  hasMore: boolean;
}
