// Health, metrics and request logs (issue 24).
//   GET /healthz  200 while the process runs.
//   GET /readyz   200 when the database answers and every migration is applied, else 503.
//   GET /metrics  Prometheus text, only with `Authorization: Bearer $METRICS_TOKEN` or from an
//                 address in METRICS_ALLOW; 401/403 otherwise.
// Labels are route templates (`/api/cases/:caseId/erase`), methods, status codes and message keys:
// never an id, a name, an e-mail or any value. Requests are logged at debug only (the production
// default `info` logs lifecycle, warnings and errors), by route template, never by URL or body.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/store';
import type { MutationResult } from '../../shared/sync/protocol';
import { readMigrations } from '../store/migrate';
import { backupDir, listBackups, type BackupEnv } from './backup-files';

export interface ObservabilityOptions {
  /** The bearer token /metrics asks for (METRICS_TOKEN). */
  metricsToken?: string;
  /** Client addresses that may read /metrics without the token (METRICS_ALLOW). */
  metricsAllow?: readonly string[];
  /** Where backups are, for their age. */
  backupEnv?: BackupEnv;
  now?: () => Date;
}

/** What the sync routes report (sync-routes.ts). */
export interface SyncMetrics {
  pushed(results: readonly MutationResult[]): void;
  /** A pull page's changes, in characters of JSON (not parsed again to count them). */
  pulled(size: number): void;
}

const READY_TIMEOUT_MS = 2_000;

export function registerObservability(
  app: FastifyInstance,
  store: Store,
  options: ObservabilityOptions = {},
): SyncMetrics {
  const now = options.now ?? (() => new Date());
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'feldakte_' });

  const requests = new Counter({
    name: 'feldakte_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'feldakte_http_request_duration_seconds',
    help: 'HTTP request latency by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pushSize = new Histogram({
    name: 'feldakte_sync_push_mutations',
    help: 'Mutations per push',
    buckets: [1, 5, 20, 50, 100, 250, 500],
    registers: [registry],
  });
  const pullSize = new Histogram({
    name: 'feldakte_sync_pull_bytes',
    help: 'Size of a pull page (its changes as JSON, characters)',
    buckets: [2, 1_000, 10_000, 100_000, 500_000, 1_000_000, 4_000_000],
    registers: [registry],
  });
  const mutations = new Counter({
    name: 'feldakte_sync_mutations_total',
    help: 'Pushed mutations by outcome and, when rejected, the reason key',
    labelNames: ['status', 'reason'] as const,
    registers: [registry],
  });
  const conflicts = new Counter({
    name: 'feldakte_sync_conflicts_total',
    help: 'Field conflicts kept by the merge ([M4])',
    registers: [registry],
  });
  const loginFailures = new Counter({
    name: 'feldakte_login_failures_total',
    help: 'Refused sign-ins (wrong password, too many tries)',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'feldakte_active_devices',
    help: 'Devices that synced in the last 24 hours',
    registers: [registry],
    async collect() {
      const [row] = await store.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM clients WHERE last_seen_at > now() - interval '24 hours'`,
      );
      this.set(Number(row?.n ?? 0));
    },
  });
  new Gauge({
    name: 'feldakte_sync_lag_seconds',
    help: 'Longest time since a device seen in the last 30 days synced (a phone left offline)',
    registers: [registry],
    async collect() {
      const [row] = await store.query<{ s: string | null }>(
        `SELECT extract(epoch FROM now() - min(last_seen_at))::text AS s FROM clients
          WHERE last_seen_at > now() - interval '30 days'`,
      );
      this.set(Number(row?.s ?? 0));
    },
  });
  if (store.poolStats) {
    const stats = store.poolStats.bind(store);
    new Gauge({
      name: 'feldakte_db_pool_connections',
      help: 'PostgreSQL pool connections by state',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const { total, idle, waiting } = stats();
        this.set({ state: 'total' }, total);
        this.set({ state: 'idle' }, idle);
        this.set({ state: 'waiting' }, waiting);
      },
    });
  }
  const backupEnv = options.backupEnv;
  if (backupEnv) {
    new Gauge({
      name: 'feldakte_backup_age_seconds',
      help: 'Age of the newest backup file in BACKUP_DIR (absent: none yet)',
      registers: [registry],
      collect() {
        const newest = listBackups(backupDir(backupEnv))[0];
        this.reset();
        if (newest) this.set((now().getTime() - newest.takenAt.getTime()) / 1000);
      },
    });
  }

  app.addHook('onResponse', async (request, reply) => {
    // The template, never the URL: a URL holds ids.
    const route = request.routeOptions.url ?? 'unknown';
    const status = reply.statusCode;
    requests.inc({ method: request.method, route, status: String(status) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    if (route === '/api/session' && request.method === 'POST' && status >= 400)
      loginFailures.inc({ status: String(status) });
    // [issue 24] production (info) logs no request; a failing one was logged by the error handler.
    request.log.debug(
      { method: request.method, route, status, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  const expected = Math.max(...readMigrations().map((migration) => migration.id));
  app.get('/readyz', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      const [row] = await withTimeout(
        store.query<{ id: number | string | null }>('SELECT max(id) AS id FROM schema_migrations'),
        READY_TIMEOUT_MS,
      );
      if (Number(row?.id ?? 0) < expected)
        return reply.code(503).send({ status: 'migrations pending' });
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: { name: (error as Error)?.name } }, 'database not ready');
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });

  app.get('/metrics', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const denied = metricsRefusal(request, options);
    if (denied) return refuse(reply, denied);
    reply.type(registry.contentType);
    return registry.metrics();
  });

  return {
    pushed(results) {
      pushSize.observe(results.length);
      for (const result of results) {
        mutations.inc({
          status: result.status,
          reason: result.status === 'rejected' ? (result.code ?? 'unknown') : '',
        });
        if (result.conflicts) conflicts.inc(result.conflicts.length);
      }
    },
    pulled(size) {
      pullSize.observe(size);
    },
  };
}

function metricsRefusal(
  request: FastifyRequest,
  options: ObservabilityOptions,
): 401 | 403 | undefined {
  if (options.metricsAllow?.includes(request.ip)) return undefined;
  const header = request.headers.authorization ?? '';
  const given = /^Bearer (.+)$/.exec(header)?.[1];
  if (!options.metricsToken) return 403;
  if (!given) return 401;
  // Hashes of equal length, so the comparison says nothing about the token's length.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(options.metricsToken)) ? undefined : 403;
}

function refuse(reply: FastifyReply, status: 401 | 403) {
  return reply.code(status).send(
    status === 401
      ? {
          error: 'metrics_token_required',
          message: 'Authorization: Bearer <METRICS_TOKEN> fehlt.',
        }
      : { error: 'metrics_forbidden', message: 'Kein Zugriff auf /metrics.' },
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error('database error'));
      },
    );
  });
}
