// The poke channel's wire constants ([N1] in SPEC.md). A module of its own without imports: the
// phone's channel runs from the first screen's chunk, which must not carry the protocol's schemas
// and catalogues (protocol.ts imports valibot and the messages).

/**
 * `GET` this path holds a Server-Sent Events stream. Its only event is `pull`, with `data` a JSON
 * object: `{"version": n}` when the team's records reached version n (a device whose cursor is n
 * or more has them), `{}` when the device must pull whatever its cursor (a revocation). Comment
 * lines (`:`) open the stream and keep it alive.
 */
export const POKE_PATH = '/api/sync/poke';
export const POKE_EVENT = 'pull';
/** The server writes at least this often (a comment when there is nothing to say). */
export const POKE_HEARTBEAT_MS = 25_000;
