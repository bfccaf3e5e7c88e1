// How the engine reaches the server. The app uses the fetch transport; tests pass a scripted one
// or the fake network. A transport turns every failure into a SyncError, never a raw HTTP status.
import type {
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../../shared/sync/protocol';

export interface SyncTransport {
  /** Rejects with a SyncError. */
  push(request: PushRequest): Promise<PushResponse>;
  /** Rejects with a SyncError. */
  pull(request: PullRequest): Promise<PullResponse>;
}
