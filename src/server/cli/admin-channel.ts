// How the admin CLI reaches a running server on the embedded database. PGlite is one process's
// database: a second process opening the same data directory would corrupt it, and the server
// would not see its writes. So the server, on PGlite, writes `admin-channel.json` into the data
// directory (its loopback URL, a random token, its pid; readable by the owner only) and accepts
// `POST /api/admin/run` from loopback with that token; the CLI sends its command there and opens
// the directory itself only when no server runs. On PostgreSQL both simply use the database.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { Store } from '../store/store';
import { HttpError } from '../http/api-error';

export const ADMIN_CHANNEL_FILE = 'admin-channel.json';
export const ADMIN_RUN_PATH = '/api/admin/run';

export interface AdminChannel {
  url: string;
  token: string;
  pid: number;
}

export type AdminRunner = (args: string[], store: Store) => Promise<string>;

export function newAdminToken(): string {
  return randomBytes(32).toString('base64url');
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const bodySchema = v.object({
  args: v.pipe(v.array(v.pipe(v.string(), v.maxLength(1_000))), v.maxLength(40)),
});

/**
 * The route the CLI talks to. Loopback only (the socket's address, never a forwarded header) and
 * only with the token; anything else looks like a route that does not exist.
 */
export function adminRoutes(
  app: FastifyInstance,
  store: Store,
  token: string,
  run: AdminRunner,
  isUsageError: (error: unknown) => boolean,
): void {
  const expected = Buffer.from(`Bearer ${token}`);
  app.post(ADMIN_RUN_PATH, async (request, reply) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    const fromLoopback = LOOPBACK.has(request.socket.remoteAddress ?? '');
    if (!fromLoopback || given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new HttpError(404, 'not_found', 'Nicht gefunden.');
    const parsed = v.safeParse(bodySchema, request.body);
    if (!parsed.success)
      throw new HttpError(
        400,
        'invalid_request',
        'Bitte einen Befehl als Liste von Wörtern senden.',
      );
    try {
      return { output: await run(parsed.output.args, store) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return reply.code(400).send({
        error: isUsageError(error) ? 'usage' : 'refused',
        message,
      });
    }
  });
}

export function writeAdminChannel(dataDir: string, channel: AdminChannel): void {
  writeFileSync(join(dataDir, ADMIN_CHANNEL_FILE), JSON.stringify(channel), { mode: 0o600 });
}

export function removeAdminChannel(dataDir: string): void {
  rmSync(join(dataDir, ADMIN_CHANNEL_FILE), { force: true });
}

/** The channel of a server that still runs, or null (no file, or its process is gone). */
export function readAdminChannel(dataDir: string): AdminChannel | null {
  const path = join(dataDir, ADMIN_CHANNEL_FILE);
  if (!existsSync(path)) return null;
  try {
    const channel = JSON.parse(readFileSync(path, 'utf8')) as AdminChannel;
    process.kill(channel.pid, 0);
    return channel;
  } catch {
    // A server that crashed left its file behind: nobody holds the directory now.
    return null;
  }
}

export type ChannelAnswer =
  { ok: true; output: string } | { ok: false; usage: boolean; message: string };

/** Sends one command to the running server. Throws when the server cannot be reached. */
export async function runThroughServer(
  channel: AdminChannel,
  args: string[],
): Promise<ChannelAnswer> {
  const response = await fetch(`${channel.url}${ADMIN_RUN_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${channel.token}` },
    body: JSON.stringify({ args }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    output?: string;
    error?: string;
    message?: string;
  };
  if (response.ok && typeof body.output === 'string') return { ok: true, output: body.output };
  return {
    ok: false,
    usage: body.error === 'usage',
    message: body.message ?? `Der Server antwortete mit ${response.status}.`,
  };
}
