// The poke channel ([N1]-[N5]): an open phone holds one Server-Sent Events stream, and when its
// team's records change, or the device is revoked or its account disabled, the server writes
// "pull now" into it. The stream never carries record data: a version number at most.
//
// Where the pokes come from: the database sends a NOTIFY when a write transaction commits
// (migration 140: a trigger on the team's version, which every writer bumps ([V1]), and on
// revocation and disabling). Every instance LISTENs, so a push on one instance pokes a phone
// connected to another, and the admin CLI (its own process) pokes too. PGlite has one process and
// one connection: the notice reaches the listener in process when the transaction commits.
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store';
import type { Session } from '../auth/sessions';
import { POKE_EVENT, POKE_HEARTBEAT_MS } from '../../shared/sync/poke-protocol';

/** A channel is closed after this long; the phone opens a new one, whose session is checked again. */
export const MAX_CHANNEL_AGE_MS = 30 * 60_000;
/** Channels one account may hold at once (tabs, phones); a further one closes the oldest. */
export const MAX_CHANNELS_PER_USER = 8;
/** A phone that does not read its stream (a dead connection) is dropped beyond this backlog. */
const MAX_BACKLOG_BYTES = 16 * 1024;
/** The reconnect delay a browser's EventSource would use ([N4]: the phone backs off itself). */
const RETRY_MS = 10_000;

interface Channel {
  teamId: string;
  userId: string;
  deviceId: string | null;
  response: ServerResponse;
  openedAt: number;
}

/** What the database sends (migration 140), parsed. */
export type PokeNotice =
  | { kind: 'team'; teamId: string; version: number }
  | { kind: 'user'; userId: string; deviceId: string | null };

export interface PokeHub {
  /** Open channels of this instance. */
  readonly size: number;
  /** Takes over the request's connection as a channel of the session's device. */
  open(request: FastifyRequest, reply: FastifyReply, session: Session): void;
  /** Pokes this instance's channels as a notice says (the database's notices call it). */
  deliver(notice: PokeNotice): void;
  /** Ends every channel and stops listening. */
  close(): Promise<void>;
}

export async function startPokeHub(store: Store, now: () => number = Date.now): Promise<PokeHub> {
  const channels = new Set<Channel>();
  const byTeam = new Map<string, Set<Channel>>();

  const remove = (channel: Channel) => {
    if (!channels.delete(channel)) return;
    const team = byTeam.get(channel.teamId);
    team?.delete(channel);
    if (team?.size === 0) byTeam.delete(channel.teamId);
  };
  const end = (channel: Channel) => {
    remove(channel);
    channel.response.end();
  };
  const write = (channel: Channel, text: string) => {
    if (channel.response.writableLength > MAX_BACKLOG_BYTES) {
      remove(channel);
      channel.response.destroy();
      return;
    }
    channel.response.write(text);
  };
  const poke = (channel: Channel, data: object) =>
    write(channel, `event: ${POKE_EVENT}\ndata: ${JSON.stringify(data)}\n\n`);

  const deliver = (notice: PokeNotice) => {
    if (notice.kind === 'team') {
      for (const channel of byTeam.get(notice.teamId) ?? []) {
        poke(channel, { version: notice.version });
      }
      return;
    }
    // [N3] A revoked device or a disabled account: the poked phone's next pull is refused, also
    // on this instance's reused sessions (recent-sessions.ts: the sessions notice and the epoch).
    for (const channel of [...channels]) {
      if (channel.userId !== notice.userId) continue;
      if (notice.deviceId && channel.deviceId !== notice.deviceId) continue;
      poke(channel, {});
      end(channel);
    }
  };

  // One timer for all channels: a comment keeps proxies and the phone's watchdog from taking a
  // quiet channel for a dead one; old channels close so their sessions are checked again.
  const heartbeat = setInterval(() => {
    const at = now();
    for (const channel of [...channels]) {
      if (at - channel.openedAt >= MAX_CHANNEL_AGE_MS) end(channel);
      else write(channel, ':\n\n');
    }
  }, POKE_HEARTBEAT_MS);
  heartbeat.unref();

  // Notices that came while the database connection was lost are gone: every phone pulls once.
  const resume = () => {
    for (const channel of [...channels]) poke(channel, {});
  };
  const channel = await pokeChannelName(store);
  const unlisten = await store.listen(
    channel,
    (payload) => {
      const notice = parseNotice(payload);
      if (notice) deliver(notice);
    },
    resume,
  );

  return {
    get size() {
      return channels.size;
    },
    open(request, reply, session) {
      const { user, deviceId } = session;
      const own = [...channels].filter((each) => each.userId === user.id);
      for (const oldest of own.slice(0, Math.max(0, own.length - MAX_CHANNELS_PER_USER + 1))) {
        end(oldest);
      }
      reply.hijack();
      const response = reply.raw;
      // The security headers (onRequest hook) go out as set; the stream itself is neither cached,
      // compressed nor buffered by a proxy that honours X-Accel-Buffering.
      const headers: Record<string, unknown> = {
        ...reply.getHeaders(),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
      };
      delete headers['content-length'];
      delete headers['content-encoding'];
      response.writeHead(200, headers as Record<string, string | string[]>);
      request.raw.socket.setNoDelay(true);
      const opened: Channel = {
        teamId: user.team.id,
        userId: user.id,
        deviceId,
        response,
        openedAt: now(),
      };
      channels.add(opened);
      let team = byTeam.get(opened.teamId);
      if (!team) byTeam.set(opened.teamId, (team = new Set()));
      team.add(opened);
      response.on('close', () => remove(opened));
      // The first bytes at once: a phone that does not see them soon is behind a buffering proxy.
      response.write(`retry: ${RETRY_MS}\n:ok\n\n`);
    },
    deliver,
    async close() {
      clearInterval(heartbeat);
      for (const open of [...channels]) end(open);
      await unlisten().catch(() => undefined);
    },
  };
}

/** The channel the database's notices use for this schema (migration 140, `poke_channel()`). */
async function pokeChannelName(store: Store): Promise<string> {
  const [row] = await store.query<{ channel: string }>('SELECT poke_channel() AS channel');
  return row!.channel;
}

export function parseNotice(payload: string): PokeNotice | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const notice = value as { team?: unknown; version?: unknown; user?: unknown; device?: unknown };
  if (typeof notice.team === 'string' && typeof notice.version === 'number') {
    return { kind: 'team', teamId: notice.team, version: notice.version };
  }
  if (typeof notice.user === 'string') {
    return {
      kind: 'user',
      userId: notice.user,
      deviceId: typeof notice.device === 'string' ? notice.device : null,
    };
  }
  return undefined;
}
