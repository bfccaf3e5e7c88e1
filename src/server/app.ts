// buildApp: the whole HTTP server without listening, so tests drive it with inject(). main.ts
// chooses the store and the port.
import '../shared/i18n/messages-console';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { MAX_BODY_BYTES } from '../shared/sync/protocol';
import type { Store } from './store/store';
import { apiError, HttpError, messages } from './http/api-error';
import { registerCompression } from './http/compression';
import { registerSecurityHeaders } from './http/security-headers';
import { registerStaticFiles } from './http/static-files';
import { sessionRoutes } from './routes/session-routes';
import { syncRoutes } from './routes/sync-routes';
import { reportRoutes } from './routes/report-routes';
import { teamRoutes } from './routes/team-routes';
import { adminRoutes, type AdminRunner } from './cli/admin-channel';
import { adminConsoleRoutes } from './routes/admin-routes';
import { privacyRoutes } from './privacy/privacy-routes';
import { importRoutes } from './import/import-routes';
import { watchSessions } from './auth/recent-sessions';
import { startPokeHub } from './sync/poke';
import { registerObservability, type ObservabilityOptions } from './ops/observability';
import type { FileStorage } from './files/file-storage';
import { createFileService, type FileService } from './files/file-service';
import { fileRoutes } from './files/file-routes';

export interface AppOptions {
  store: Store;
  /** The built PWA (dist/); without it only /api is served. */
  staticDir?: string;
  now?: () => Date;
  /** Fastify's logger; it logs method, URL and status, never bodies (they hold case data). */
  logger?: FastifyServerOptions['logger'];
  /**
   * Behind reverse proxies: how many hops to trust. The client address is taken that many hops
   * from the right of X-Forwarded-For (never the first hop, which the client can forge), and
   * https from X-Forwarded-Proto. 0 or false: no proxy.
   */
  trustProxy?: boolean | number;
  /** The admin CLI's loopback channel (embedded database only; see cli/admin-channel.ts). */
  adminChannel?: { token: string; run: AdminRunner; isUsageError(error: unknown): boolean };
  /** /metrics access and the backups whose age it reports (ops/observability.ts). */
  observability?: ObservabilityOptions;
  /** Largest request body read (bytes); tests lower it to act as a stricter proxy would. */
  bodyLimit?: number;
  /** Where documents' files live (files/file-storage.ts); without it /api/files does not exist. */
  files?: FileStorage;
}

/** How often removed files' bytes are swept from the store ([D6]); an erasure sweeps at once. */
export const FILE_SWEEP_INTERVAL_MS = 60_000;

/** The app's file service, for the retention job and tests (undefined without file storage). */
export function fileServiceOf(app: FastifyInstance): FileService | undefined {
  return (app as FastifyInstance & { feldakteFiles?: FileService }).feldakteFiles;
}

export async function buildApp({
  store,
  staticDir,
  now = () => new Date(),
  logger = false,
  trustProxy = false,
  adminChannel,
  bodyLimit = MAX_BODY_BYTES,
  files,
  observability = {},
}: AppOptions): Promise<FastifyInstance> {
  // `true` would trust every hop (the client's forged first one included): it means one hop here.
  const hops = trustProxy === true ? 1 : trustProxy || 0;
  const app = Fastify({
    logger,
    // Trust the `hops` nearest addresses (the proxies); the next one to the left is the client.
    trustProxy: hops > 0 ? (_address: string, hop: number) => hop < hops : false,
    bodyLimit,
    // [issue 24] no line per request at info: registerObservability logs them at debug, by route
    // template. Request ids are made here (a client's header is not trusted) and sent back.
    disableRequestLogging: true,
    requestIdHeader: false,
    genReqId: () => randomUUID(),
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(fastifyCookie);
  await registerCompression(app);
  await registerSecurityHeaders(app);

  app.setErrorHandler(
    async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
      if (error instanceof HttpError) return reply.code(error.statusCode).send(error.body);
      // Read the rest of an oversize body (up to a bound) before answering: answering mid-upload
      // closes the socket, and a client still sending sees a broken connection, never the 413.
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') await drainBody(request.raw);
      const known = clientError(error);
      if (known) return reply.code(known.statusCode).send(known.body);
      // Name, code and the stack's frames only: a database error's message, `detail` and `where`
      // may quote a value (`invalid input syntax …: "<value>"`), and so would the stack's first line.
      const { name, code, stack } = error;
      const frames = stack?.split('\n').slice(1).join('\n');
      const route = request.routeOptions.url ?? 'unknown';
      request.log.error({ err: { name, code, frames }, route }, 'request failed');
      return reply.code(500).send(apiError('internal', messages.internal));
    },
  );

  // Sync requests reuse a session checked moments ago, forgotten on every change the database
  // announces (auth/recent-sessions.ts).
  const stopWatching = await watchSessions(store);
  app.addHook('onClose', async () => stopWatching());
  // [N1] Before the server stops listening: an open poke stream would keep close() waiting.
  const pokes = await startPokeHub(store);
  app.addHook('preClose', async () => pokes.close());

  const syncMetrics = registerObservability(app, store, { now, ...observability });
  sessionRoutes(app, store, now);
  syncRoutes(app, store, now, pokes, syncMetrics);
  reportRoutes(app, store, now);
  teamRoutes(app, store, now);
  if (adminChannel)
    adminRoutes(app, store, adminChannel.token, adminChannel.run, adminChannel.isUsageError);
  adminConsoleRoutes(app, store, now);
  const fileService = files ? createFileService(store, files) : undefined;
  if (fileService) {
    app.decorate('feldakteFiles', fileService);
    fileRoutes(app, store, now, fileService);
    const timer = setInterval(() => fileService.sweepSoon(), FILE_SWEEP_INTERVAL_MS);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await fileService.settled();
    });
  }
  privacyRoutes(app, store, now, fileService);
  importRoutes(app, store, now);
  await registerStaticFiles(app, staticDir);
  return app;
}

/** Fastify's own refusals (body parsing) as German ApiErrors. */
function clientError(error: { statusCode?: number; code?: string }): HttpError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'too_large', messages.tooLarge);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported_media_type', messages.unsupportedMedia);
    case 'FST_CP_ERR_INVALID_CONTENT_ENCODING':
      return new HttpError(415, 'unsupported_encoding', messages.unsupportedEncoding);
    case 'FST_CP_ERR_INVALID_CONTENT':
      return new HttpError(400, 'invalid_encoding', messages.invalidEncoding);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'invalid_json', messages.badJson);
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && error.code === undefined)) {
    return new HttpError(400, 'invalid_json', messages.badJson);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new HttpError(error.statusCode, 'bad_request', messages.badRequest);
  }
  return undefined;
}

/** An oversize body is read and dropped up to this many bytes; beyond, the socket is closed. */
export const MAX_DRAIN_BYTES = 32 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 60_000;

function drainBody(raw: IncomingMessage): Promise<void> {
  if (raw.complete || raw.readableEnded || raw.destroyed) return Promise.resolve();
  const declared = Number(raw.headers['content-length']);
  if (declared > MAX_DRAIN_BYTES) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const done = () => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', done).off('error', done).off('close', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > MAX_DRAIN_BYTES) done();
    };
    const timer = setTimeout(done, DRAIN_TIMEOUT_MS);
    raw.on('data', onData).on('end', done).on('error', done).on('close', done);
    raw.resume();
  });
}
