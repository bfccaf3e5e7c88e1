// A transport whose answers the test writes: by default every push is applied and every pull is
// an empty last page. It records each request so a test can assert what the device sent.
import type {
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../../src/shared/sync/protocol';
import type { SyncTransport } from '../../src/local/sync/transport';

export interface ScriptedTransport extends SyncTransport {
  pushes: PushRequest[];
  pulls: PullRequest[];
  /** The highest mutation id any push carried (what a server would have applied). */
  lastMutationId: number;
}

export interface Script {
  push?: (
    request: PushRequest,
    transport: ScriptedTransport,
  ) => PushResponse | Promise<PushResponse>;
  pull?: (
    request: PullRequest,
    transport: ScriptedTransport,
  ) => PullResponse | Promise<PullResponse>;
}

export function scriptedTransport(script: Script = {}): ScriptedTransport {
  const transport: ScriptedTransport = {
    pushes: [],
    pulls: [],
    lastMutationId: 0,
    async push(request) {
      transport.pushes.push(structuredClone(request));
      if (script.push) return script.push(request, transport);
      return applyAll(request, transport);
    },
    async pull(request) {
      transport.pulls.push(structuredClone(request));
      if (script.pull) return script.pull(request, transport);
      return emptyPage(request, transport);
    },
  };
  return transport;
}

/** Every mutation applied, as a server without conflicts would answer. */
export function applyAll(request: PushRequest, transport: ScriptedTransport): PushResponse {
  for (const mutation of request.mutations) {
    transport.lastMutationId = Math.max(transport.lastMutationId, mutation.id);
  }
  return {
    lastMutationId: transport.lastMutationId,
    results: request.mutations.map((mutation) => ({ id: mutation.id, status: 'applied' })),
  };
}

export function emptyPage(request: PullRequest, transport: ScriptedTransport): PullResponse {
  return {
    changes: [],
    cursor: request.cursor ?? 0,
    hasMore: false,
    lastMutationId: transport.lastMutationId,
  };
}
