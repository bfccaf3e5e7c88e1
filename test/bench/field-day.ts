// A field day of many phones against real server processes, for two benches:
//   server-load -- --instances n   (issue 28 item 5: 500 phones on two instances on PostgreSQL)
//   propagation                    (p95 over 200 edits with 50 connected phones)
//
// The servers are what a deployment runs, `node --import tsx src/server/main.ts`, one process per
// instance with its own Fastify app and pg pool against one PostgreSQL schema, so a push on one
// instance pokes the phones of another through LISTEN/NOTIFY (deploy.md). On PGlite there is one
// instance, and the notice stays in its process. The phones run in worker threads of this process
// (field-day-devices.ts), whole teams to a thread; each signs in at its instance before the timed
// window (teams of `teamSize`, the teams' phones spread over the instances, so most pokes cross).
//
// Figures: push and pull latency (p50/p95/p99), propagation (from a push's answer to a colleague's
// pull of all of it: p95 over every (push, colleague) pair, and over pushes until their LAST
// colleague had it), errors (failed or rejected requests, dropped channels, changes that never
// arrived), and what the load cost: each instance's process CPU, the PostgreSQL backends' CPU
// (read from /proc for the connections this bench named, local database only), the phones' own
// CPU, and the open connections (HTTP per instance from /proc/net/tcp; PostgreSQL per instance from
// pg_stat_activity), the most seen during the window.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { openPgStore } from '../../src/server/store/pg-store';
import { openPgliteStore } from '../../src/server/store/pglite-store';
import { migrate } from '../../src/server/store/migrate';
import { PRODUCTION_COST } from '../../src/server/auth/password';
import { createTeam } from '../../src/server/auth/accounts';
import type { Store } from '../../src/server/store/store';
import { finish, type BudgetCheck } from './budget';
import type {
  DeviceSpec,
  DeviceStats,
  DevicesJob,
  Schedule,
  WorkerMessage,
} from './field-day-devices';

export interface FieldDayOptions {
  bench: string;
  store: 'postgres' | 'pglite';
  devices: number;
  instances: number;
  teamSize: number;
  schedule: Schedule;
  deviceThreads: number;
  databaseUrl: string;
  /** Push and pull latency budgets are checked where given (server-load), not in propagation. */
  budgets: { pushP95Ms?: number; pullP95Ms?: number; propagationP95Ms: number };
}

const PASSWORD = 'bench-passwort-1';
/** USER_HZ of /proc/<pid>/stat: 100 on Linux for every common architecture. */
const CLOCK_TICKS_PER_SECOND = 100;
const DRAIN_MS = 10_000;
const SAMPLE_MS = 1_000;

/** `--name value` pairs of the command line (after scripts/bench.mjs's `--`). */
export function cliOptions(argv = process.argv.slice(2)): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') continue;
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) options.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) options.set(name, argv[++i]!);
    else options.set(name, 'true');
  }
  return options;
}

/** A positive number from the options, else the fallback; anything else ends the bench. */
export function numberOption(options: Map<string, string>, name: string, fallback: number): number {
  const text = options.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} ${text}: keine Zahl > 0`);
  return value;
}

interface Instance {
  name: string;
  base: string;
  port: number;
  process: ChildProcess;
  pid: number;
}

export async function runFieldDay(options: FieldDayOptions): Promise<void> {
  const { devices, instances, teamSize } = options;
  if (options.store === 'pglite' && instances !== 1) {
    throw new Error('PGlite hat genau eine Instanz (--instances 1).');
  }
  const teams = Math.ceil(devices / teamSize);
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const dataDir = options.store === 'pglite' ? mkdtempSync(join(tmpdir(), 'feldakte-bench-')) : '';
  let store: Store | undefined;
  const servers: Instance[] = [];
  const workers: Worker[] = [];
  try {
    // Accounts first, through the store the instances will open.
    store =
      options.store === 'postgres'
        ? await openPgStore({ connectionString: options.databaseUrl, schema, max: 2 })
        : await openPgliteStore(dataDir);
    await migrate(store);
    const emails = await createAccounts(store, devices, teams);
    if (options.store === 'pglite') {
      await store.close();
      store = undefined;
    }

    for (let k = 0; k < instances; k++) {
      servers.push(await startInstance(options, schema, dataDir, k));
    }
    const specs: DeviceSpec[] = emails.map((email, d) => ({
      email,
      team: Math.floor(d / teamSize),
      // The team's phones alternate between the instances.
      base: servers[d % instances]!.base,
    }));

    const schedule = options.schedule;
    console.log(
      `${devices} Geräte in ${teams} Teams zu ${teamSize}, ${instances} Instanz(en), ${options.store === 'postgres' ? `PostgreSQL (${schema})` : 'PGlite'}, ` +
        (schedule.kind === 'day'
          ? `Feldtag ${schedule.seconds} s, je Gerät alle ${schedule.minS}-${schedule.maxS} s ein Push${schedule.speed === 1 ? '' : ` (Uhr ${schedule.speed}-fach beschleunigt)`}`
          : `${schedule.edits} Änderungen nacheinander, ${schedule.gapMs} ms Abstand`) +
        ' ...',
    );

    // Whole teams to a thread.
    const threads = Math.max(1, Math.min(options.deviceThreads, teams));
    const jobs: DeviceSpec[][] = Array.from({ length: threads }, () => []);
    for (const spec of specs) jobs[spec.team % threads]!.push(spec);
    const results = jobs.map((job) => {
      const worker = startWorker({
        devices: job,
        password: PASSWORD,
        schedule,
        signInConcurrency: Math.max(1, Math.floor(8 / threads)),
        drainMs: DRAIN_MS,
      });
      workers.push(worker);
      return listen(worker);
    });
    const readiness = await Promise.all(results.map((r) => r.ready));
    console.log(
      `Angemeldet und verbunden (Anmeldung ${(Math.max(...readiness) / 1000).toFixed(1)} s, nicht gemessen).`,
    );

    const sampler = new Sampler(store, schema, servers);
    await sampler.sample();
    const cpuBefore = await sampler.cpu();
    const ownBefore = process.cpuUsage();
    const started = performance.now();
    const timer = setInterval(() => void sampler.sample(), SAMPLE_MS);
    for (const worker of workers) worker.postMessage({ kind: 'start' });
    await Promise.all(results.map((r) => r.windowEnd));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    await sampler.sample();
    const cpuAfter = await sampler.cpu();
    const own = process.cpuUsage(ownBefore);
    const stats = merge(await Promise.all(results.map((r) => r.stats)));

    report(options, {
      stats,
      seconds,
      teams,
      servers,
      cpuBefore,
      cpuAfter,
      devicesCpuMs: (own.user + own.system) / 1000,
      sampler,
    });
  } finally {
    for (const worker of workers) await worker.terminate();
    await Promise.all(servers.map(stopInstance));
    if (store) await store.close();
    if (options.store === 'postgres') {
      const admin = new pg.Client({ connectionString: options.databaseUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    } else {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

/**
 * Teams and one THM account per phone. Every account shares one password hash, made once at the
 * production cost (a hash at any other cost would be replaced at the first sign-in, password.ts):
 * signing 500 phones in before the window costs real scrypt time (about a minute or two on two
 * cores), as on a real morning; sign-in is never timed.
 */
async function createAccounts(store: Store, devices: number, teams: number): Promise<string[]> {
  const teamIds: string[] = [];
  for (let t = 0; t < teams; t++) teamIds.push((await createTeam(store, `Bench ${t}`)).id);
  const salt = randomBytes(16);
  const { N, r, p } = PRODUCTION_COST;
  const key = scryptSync(PASSWORD.normalize('NFC'), salt, 64, { N, r, p, maxmem: 256 * N * r });
  const hash = ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  const emails = Array.from({ length: devices }, (_, d) => `geraet${d}@bench.example`);
  const teamSize = Math.ceil(devices / teams);
  for (let from = 0; from < devices; from += 100) {
    const rows = emails.slice(from, from + 100);
    const values: unknown[] = [];
    const tuples = rows.map((email, i) => {
      const d = from + i;
      values.push(randomUUID(), teamIds[Math.floor(d / teamSize)], email, `Gerät ${d}`, hash);
      const p = i * 5;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, 'thm', $${p + 5}, now(), false)`;
    });
    // The columns createUser (auth/accounts.ts) writes.
    await store.query(
      `INSERT INTO users (id, team_id, email, name, role, password_hash, created_at,
         password_change_required) VALUES ${tuples.join(', ')}`,
      values,
    );
  }
  return emails;
}

async function startInstance(
  options: FieldDayOptions,
  schema: string,
  dataDir: string,
  k: number,
): Promise<Instance> {
  const name = `${schema}_i${k}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    STATIC_DIR: join(tmpdir(), 'feldakte-bench-no-static'),
  };
  if (options.store === 'postgres') {
    // Named per instance, so its PostgreSQL backends can be told apart (CPU, connections).
    const url = new URL(options.databaseUrl);
    url.searchParams.set('application_name', name);
    env.DATABASE_URL = url.href;
    env.DATABASE_SCHEMA = schema;
    delete env.DATA_DIR;
  } else {
    delete env.DATABASE_URL;
    env.DATA_DIR = dataDir;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /läuft auf (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
    child.once('exit', (code) => reject(new Error(`Instanz ${k} beendet (${code}): ${output}`)));
  });
  return { name, base, port: Number(new URL(base).port), process: child, pid: child.pid! };
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.process.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.process.once('exit', resolve));
  instance.process.kill('SIGTERM');
  const timeout = setTimeout(() => instance.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timeout);
}

function startWorker(job: DevicesJob): Worker {
  // Through tsx's API: tsx's loader does not reach worker threads (Node 20).
  const api = import.meta.resolve('tsx/esm/api');
  const file = new URL('./field-day-devices.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(file)}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true, workerData: job },
  );
}

function listen(worker: Worker): {
  ready: Promise<number>;
  windowEnd: Promise<void>;
  stats: Promise<DeviceStats>;
} {
  let ready!: (ms: number) => void;
  let windowEnd!: () => void;
  let stats!: (stats: DeviceStats) => void;
  let fail!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const race = <T>(promise: Promise<T>) => Promise.race([promise, failed]);
  const result = {
    ready: race(new Promise<number>((resolve) => (ready = resolve))),
    windowEnd: race(new Promise<void>((resolve) => (windowEnd = resolve))),
    stats: race(new Promise<DeviceStats>((resolve) => (stats = resolve))),
  };
  let done = false;
  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'ready') ready(message.signInMs);
    else if (message.kind === 'window-end') windowEnd();
    else {
      done = true;
      stats(message.stats);
    }
  });
  worker.once('error', fail);
  worker.once('exit', (code) => {
    if (!done) fail(new Error(`Geräte-Thread beendet mit ${code}`));
  });
  return result;
}

function merge(all: DeviceStats[]): DeviceStats {
  const [first, ...rest] = all;
  for (const more of rest) {
    for (const key of ['push', 'pull', 'pairs', 'pushes', 'errors'] as const) {
      (first![key] as unknown[]).push(...(more[key] as unknown[]));
    }
    for (const key of [
      'undelivered',
      'errorCount',
      'mutations',
      'pulledChanges',
      'pokes',
      'pokePulls',
      'channelDrops',
    ] as const) {
      first![key] += more[key];
    }
  }
  return first!;
}

/** CPU ms of a process (all its threads) or of one thread, from its /proc stat file. */
function ticksMs(statFile: string): number | undefined {
  try {
    const stat = readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS_PER_SECOND);
  } catch {
    return undefined;
  }
}

/**
 * Milliseconds the thread waited on a run queue for a free core (/proc/<pid>/schedstat, field 2,
 * in ns): how much the machine's other work held this one back.
 */
function runQueueMs(schedstatFile: string): number | undefined {
  try {
    return Number(readFileSync(schedstatFile, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return undefined;
  }
}

/** Resident memory of a process (MB), from /proc/<pid>/status. */
function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Established TCP connections whose local port is `port` (the server's side of each). */
function establishedTo(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  let count = 0;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hex}`) && fields[3] === '01') count++;
    }
  }
  return count;
}

interface CpuSnapshot {
  /** Per instance: its process's CPU ms. */
  servers: (number | undefined)[];
  /** Per instance: ms its event-loop thread waited for a core. */
  serverWaits: (number | undefined)[];
  /** Per instance: CPU ms of its PostgreSQL backends (undefined on PGlite or a remote database). */
  postgres: (number | undefined)[];
  /** Per instance: ms its PostgreSQL backends waited for a core (summed over the backends). */
  postgresWaits: (number | undefined)[];
}

/**
 * Samples what the window costs: connections (the most seen) and the PostgreSQL backends' CPU.
 * Backends come and go with the pools; each one's last reading is kept, and one first seen during
 * the window counts from zero.
 */
class Sampler {
  readonly maxHttp: number[];
  readonly maxPg: number[];
  /** Most resident memory seen per instance (MB). */
  readonly maxRssMb: number[];
  /** Per instance: the mean number of its PostgreSQL connections busy with a statement. */
  private readonly activeSum: number[];
  private samples = 0;
  private readonly backends = new Map<number, { instance: number; ms: number; waitMs: number }>();
  private pgReadable = true;

  constructor(
    private readonly store: Store | undefined,
    private readonly schema: string,
    private readonly servers: Instance[],
  ) {
    this.maxHttp = servers.map(() => 0);
    this.maxPg = servers.map(() => 0);
    this.maxRssMb = servers.map(() => 0);
    this.activeSum = servers.map(() => 0);
  }

  get meanActive(): number[] {
    return this.activeSum.map((sum) => (this.samples ? sum / this.samples : 0));
  }

  async sample(): Promise<void> {
    this.servers.forEach((server, k) => {
      this.maxHttp[k] = Math.max(this.maxHttp[k]!, establishedTo(server.port));
      this.maxRssMb[k] = Math.max(this.maxRssMb[k]!, rssMb(server.pid));
    });
    if (!this.store) return;
    const rows = await this.store.query<{ pid: number; application_name: string; state: string }>(
      'SELECT pid, application_name, state FROM pg_stat_activity WHERE application_name LIKE $1',
      [`${this.schema}\\_i%`],
    );
    const counts = this.servers.map(() => 0);
    this.samples++;
    for (const { pid, application_name, state } of rows) {
      const instance = this.servers.findIndex((server) => server.name === application_name);
      if (instance < 0) continue;
      counts[instance]!++;
      if (state === 'active') this.activeSum[instance]!++;
      const ms = ticksMs(`/proc/${pid}/stat`);
      const waitMs = runQueueMs(`/proc/${pid}/schedstat`);
      if (ms === undefined || waitMs === undefined) this.pgReadable = false;
      else this.backends.set(pid, { instance, ms, waitMs });
    }
    counts.forEach((count, k) => (this.maxPg[k] = Math.max(this.maxPg[k]!, count)));
  }

  async cpu(): Promise<CpuSnapshot> {
    const postgres = this.servers.map(() => 0);
    const postgresWaits = this.servers.map(() => 0);
    for (const { instance, ms, waitMs } of this.backends.values()) {
      postgres[instance]! += ms;
      postgresWaits[instance]! += waitMs;
    }
    const readable = (values: number[]) =>
      this.servers.map((_, k) => (this.store && this.pgReadable ? values[k] : undefined));
    return {
      servers: this.servers.map((server) => ticksMs(`/proc/${server.pid}/stat`)),
      serverWaits: this.servers.map((server) =>
        runQueueMs(`/proc/${server.pid}/task/${server.pid}/schedstat`),
      ),
      postgres: readable(postgres),
      postgresWaits: readable(postgresWaits),
    };
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function report(
  options: FieldDayOptions,
  run: {
    stats: DeviceStats;
    seconds: number;
    teams: number;
    servers: Instance[];
    cpuBefore: CpuSnapshot;
    cpuAfter: CpuSnapshot;
    devicesCpuMs: number;
    sampler: Sampler;
  },
): void {
  const { stats, seconds, servers, cpuBefore, cpuAfter, sampler } = run;
  const wallMs = seconds * 1000;
  const share = (ms: number | undefined) => (ms === undefined ? undefined : ms / wallMs);
  const pct = (value: number | undefined) =>
    value === undefined ? 'n/a' : `${(value * 100).toFixed(0)} %`;
  const diff = (after: number | undefined, before: number | undefined) =>
    after === undefined || before === undefined ? undefined : after - before;
  const serverShares = servers.map((_, k) =>
    share(diff(cpuAfter.servers[k], cpuBefore.servers[k])),
  );
  const pgShares = servers.map((_, k) => share(diff(cpuAfter.postgres[k], cpuBefore.postgres[k])));
  const serverWaitShares = servers.map((_, k) =>
    share(diff(cpuAfter.serverWaits[k], cpuBefore.serverWaits[k])),
  );
  const pgWaitShares = servers.map((_, k) =>
    share(diff(cpuAfter.postgresWaits[k], cpuBefore.postgresWaits[k])),
  );
  const sum = (values: (number | undefined)[]) =>
    values.some((v) => v === undefined)
      ? undefined
      : values.reduce<number>((a, b) => a + (b ?? 0), 0);
  const serverTotal = sum(serverShares);
  const pgTotal = sum(pgShares);
  const per100 = (value: number | undefined) =>
    value === undefined ? undefined : value / (options.devices / 100);
  const devicesShare = run.devicesCpuMs / wallMs;

  const line = (name: string, values: number[]) => {
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(values, p).toFixed(1));
    return `${name.padEnd(12)} ${String(values.length).padStart(7)} x   p50 ${p50} ms   p95 ${p95} ms   p99 ${p99} ms`;
  };
  console.log(line('push', stats.push));
  console.log(line('pull', stats.pull));
  console.log(line('Ausbreitung', stats.pairs) + '   (je Push und Kolleg*in)');
  console.log(line('  bis alle', stats.pushes) + '   (je Push, bis das letzte Teamgerät ihn hat)');
  console.log(
    `Durchsatz: ${(stats.push.length / seconds).toFixed(1)} Pushes/s, ${(stats.pull.length / seconds).toFixed(1)} Pulls/s, ` +
      `${stats.pokes} Pokes (${stats.pokePulls} lösten einen Pull aus)`,
  );
  servers.forEach((server, k) => {
    console.log(
      `Instanz ${k}: Server-CPU ${pct(serverShares[k])} eines Kerns, PostgreSQL ${pct(pgShares[k])}; ` +
        `offen höchstens ${sampler.maxHttp[k]} HTTP-Verbindungen, ${options.store === 'postgres' ? `${sampler.maxPg[k]} PostgreSQL-Verbindungen (im Mittel ${sampler.meanActive[k]!.toFixed(1)} mit einer Anfrage beschäftigt)` : 'n/a PostgreSQL-Verbindungen'}; ` +
        `höchstens ${sampler.maxRssMb[k]!.toFixed(0)} MB Speicher; ` +
        `auf einen freien Kern gewartet: Event-Loop ${pct(serverWaitShares[k])} der Zeit, PostgreSQL ${pct(pgWaitShares[k])}`,
    );
  });
  console.log(
    `Server-CPU je 100 Geräte: ${pct(per100(serverTotal))} eines Kerns (alle Instanzen ${pct(serverTotal)}); ` +
      `PostgreSQL ${pct(pgTotal)} (je 100 Geräte ${pct(per100(pgTotal))}); die simulierten Geräte ${pct(devicesShare)}`,
  );
  console.log(
    `Fehler: ${stats.errorCount}${stats.errorCount ? ` (z. B. ${stats.errors.slice(0, 3).join('; ')})` : ''}`,
  );

  const pushP95 = percentile(stats.push, 95);
  const pullP95 = percentile(stats.pull, 95);
  const propagationP95 = percentile(stats.pushes, 95);
  const round = (value: number | undefined, digits = 1) =>
    value === undefined ? null : Number(value.toFixed(digits));
  const schedule = options.schedule;
  const label =
    options.bench === 'server-load'
      ? `${options.devices} devices on ${servers.length} instance(s)`
      : `${stats.pushes.length} edits, ${options.devices} devices`;
  const checks: BudgetCheck[] = [];
  const { pushP95Ms, pullP95Ms, propagationP95Ms } = options.budgets;
  if (pushP95Ms !== undefined) {
    checks.push({
      figure: `${label}: push p95 ${pushP95.toFixed(0)} ms`,
      budget: `<= ${pushP95Ms} ms`,
      within: stats.push.length > 0 && pushP95 <= pushP95Ms,
    });
  }
  if (pullP95Ms !== undefined) {
    checks.push({
      figure: `pull p95 ${pullP95.toFixed(0)} ms`,
      budget: `<= ${pullP95Ms} ms`,
      within: stats.pull.length > 0 && pullP95 <= pullP95Ms,
    });
  }
  checks.push(
    {
      figure: `${checks.length ? '' : `${label}: `}propagation p95 ${(propagationP95 / 1000).toFixed(2)} s`,
      budget: `<= ${propagationP95Ms / 1000} s`,
      within: stats.pushes.length > 0 && propagationP95 <= propagationP95Ms,
    },
    { figure: `${stats.errorCount} errors`, budget: '0', within: stats.errorCount === 0 },
  );
  finish(
    options.bench,
    {
      mode: 'field-day',
      store: options.store,
      devices: options.devices,
      instances: servers.length,
      teams: run.teams,
      teamSize: options.teamSize,
      schedule,
      seconds: round(seconds),
      pushes: stats.push.length,
      pulls: stats.pull.length,
      pushesPerSecond: round(stats.push.length / seconds),
      pullsPerSecond: round(stats.pull.length / seconds),
      pushP50Ms: round(percentile(stats.push, 50)),
      pushP95Ms: round(pushP95),
      pullP50Ms: round(percentile(stats.pull, 50)),
      pullP95Ms: round(pullP95),
      propagationPairP50Ms: round(percentile(stats.pairs, 50)),
      propagationPairP95Ms: round(percentile(stats.pairs, 95)),
      propagationP95Ms: round(propagationP95),
      propagationMaxMs: round(stats.pushes.length ? Math.max(...stats.pushes) : undefined),
      pokes: stats.pokes,
      pokePulls: stats.pokePulls,
      serverCpuPerInstance: serverShares.map((v) => round(v, 3)),
      serverCpuPer100Devices: round(per100(serverTotal), 3),
      postgresCpuPerInstance: pgShares.map((v) => round(v, 3)),
      postgresCpu: round(pgTotal, 3),
      serverRunQueueWaitPerInstance: serverWaitShares.map((v) => round(v, 3)),
      postgresRunQueueWaitPerInstance: pgWaitShares.map((v) => round(v, 3)),
      devicesCpu: round(devicesShare, 3),
      httpConnectionsPerInstance: sampler.maxHttp,
      postgresConnectionsPerInstance: options.store === 'postgres' ? sampler.maxPg : null,
      postgresConnectionsBusyPerInstance:
        options.store === 'postgres' ? sampler.meanActive.map((v) => round(v)) : null,
      rssMbPerInstance: sampler.maxRssMb.map((v) => round(v, 0)),
      undelivered: stats.undelivered,
      channelDrops: stats.channelDrops,
      errors: stats.errorCount,
    },
    ...checks,
  );
}
