// The store's notification bus: PostgreSQL's LISTEN/NOTIFY, the same on PGlite and PostgreSQL.
//
// One PostgreSQL channel per schema carries every logical channel of the app: its name is
// `feldakte_` + the first 16 hex digits of md5(schema), so two deployments (or two test files) in
// one database never hear each other, and the payload is `<channel>\n<payload>`. NOTIFY is
// transactional: a notification made inside a transaction is delivered when (and only if) it
// commits, so a listener never acts on a change it cannot yet read.
//
// - SQL may notify in any statement or transaction with `feldakte_notify(channel, payload)`
//   (migration 080), e.g. in a CTE of a write that must tell the other instances; database
//   triggers use the same function (080: the session checks' tables notify `sessions`).
// - PGlite (one process): delivered in process, during the commit of the write.
// - PostgreSQL: every pool connection LISTENs too, so a write made by THIS process is delivered
//   before its query resolves (PostgreSQL sends a session its own notifications before it reports
//   the command done); a dedicated, reconnecting connection hears the other processes. While it is
//   down, `listening()` is false and listeners hear `gap` (when it is lost and when it is back).
import { createHash } from 'node:crypto';
import type { BusEvent, BusHandler, Queryable } from './store';

/** The PostgreSQL channel of a schema (kept in step with feldakte_notify in migration 080). */
export function busChannelOf(schema: string): string {
  return `feldakte_${createHash('md5').update(schema).digest('hex').slice(0, 16)}`;
}

const CHANNEL = /^[a-z][a-z0-9_.-]{0,62}$/;
/** NOTIFY refuses payloads of 8000 bytes or more; the channel name and newline take the rest. */
export const MAX_PAYLOAD_BYTES = 7_900;

export function encodeNotification(channel: string, payload: string): string {
  if (!CHANNEL.test(channel)) throw new Error(`Ungültiger Kanalname: ${channel}`);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES)
    throw new Error(`Benachrichtigung zu groß (${Buffer.byteLength(payload)} Bytes)`);
  return `${channel}\n${payload}`;
}

/** Notifies inside the caller's statement or transaction: delivered on commit, never on rollback. */
export async function notifyIn(db: Queryable, channel: string, payload = ''): Promise<void> {
  encodeNotification(channel, payload);
  await db.query('SELECT feldakte_notify($1, $2)', [channel, payload]);
}

/** The handlers of one store, by logical channel. */
export class BusListeners {
  private readonly handlers = new Map<string, Set<BusHandler>>();

  add(channel: string, handler: BusHandler): () => void {
    encodeNotification(channel, '');
    let set = this.handlers.get(channel);
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(channel) === set) this.handlers.delete(channel);
    };
  }

  get size(): number {
    let n = 0;
    for (const set of this.handlers.values()) n += set.size;
    return n;
  }

  /** One raw payload of the PostgreSQL channel, to the handlers of its logical channel. */
  deliver(raw: string): void {
    const cut = raw.indexOf('\n');
    if (cut < 0) return;
    const set = this.handlers.get(raw.slice(0, cut));
    if (set)
      for (const handler of [...set])
        call(handler, { kind: 'message', payload: raw.slice(cut + 1) });
  }

  /** Notifications may have been missed: every handler of every channel hears it. */
  gap(): void {
    for (const set of this.handlers.values())
      for (const handler of [...set]) call(handler, { kind: 'gap' });
  }
}

function call(handler: BusHandler, event: BusEvent): void {
  try {
    handler(event);
  } catch (error) {
    // A failing listener must not stop the others, nor the connection that delivers.
    console.error(
      'Ein Empfänger einer Datenbank-Benachrichtigung ist fehlgeschlagen:',
      (error as Error)?.name,
    );
  }
}
