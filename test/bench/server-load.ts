// Server load, two modes.
//
// Without --instances (the default): 50 devices (users in 5 teams) push and pull over real HTTP
// against one in-process server on PostgreSQL for 30 s, as fast as they can (a pause of ~250 ms
// between syncs): the server's throughput under pressure. Loopback only, fresh schema, dropped
// afterwards. Budget (ARCHITECTURE.md): no error, p95 <= 200 ms over the sync requests.
//   npm run bench -- server-load [-- --devices 50 --seconds 30]
// Env (older spelling of the same): BENCH_SECONDS, BENCH_DEVICES (50), BENCH_TEAMS (5),
// BENCH_THINK_MS (250), BENCH_DATABASE_URL / TEST_DATABASE_URL.
//
// With --instances n: a field day on n server processes (issue 28 item 5; field-day.ts): every
// device holds its poke channel, pushes a small batch every 30-120 s and pulls on every poke, for
// --seconds (75). That interval is already a field day compressed (a THM saves every few minutes
// at most); --speed k runs the devices' clock k times faster still, the push load of k times as
// many devices on the same connections, to see the headroom. Budgets: push and pull p95 <= 200 ms,
// propagation p95 <= 2 s, 0 errors. Prints the CPU of each instance, per 100 devices and of
// PostgreSQL, the time each waited for a free core, memory, and the open HTTP and PostgreSQL
// connections.
//   npm run bench -- server-load -- --devices 500 --instances 2 [--seconds 75 --speed 1
//                                    --team-size 10 --device-threads 1]
//
// What is timed: only push and pull. Each device signs in once BEFORE the timed window (sign-in
// hashes the password with scrypt on purpose, ~100 ms of CPU each; it is not a sync request).
// The devices run in a worker thread, not in the server's thread: phones are other machines, and
// their fetch, JSON and decompression work in the server's event loop delayed its answers. The
// two threads still share the machine's cores (as they did before), so the server's CPU per
// request still shows in the latencies. Printed beside the latencies: how busy the server's event
// loop was, and the PostgreSQL backends' CPU per request (read from /proc, local database only).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import { openPgStore } from '../../src/server/store/pg-store';
import type { Store } from '../../src/server/store/store';
import { migrate } from '../../src/server/store/migrate';
import { createTeam, createUser } from '../../src/server/auth/accounts';
import { formatHlc } from '../../src/shared/sync/hlc';
import { newRecordId } from '../../src/shared/domain/record-id';
import {
  SCHEMA_VERSION,
  type PullResponse,
  type PushResponse,
} from '../../src/shared/sync/protocol';
import { finish } from './budget';
import { cliOptions, numberOption, runFieldDay } from './field-day';

const options = cliOptions();
const SECONDS = numberOption(options, 'seconds', Number(process.env.BENCH_SECONDS ?? 30));
const DEVICES = numberOption(options, 'devices', Number(process.env.BENCH_DEVICES ?? 50));
const TEAMS = Number(process.env.BENCH_TEAMS ?? 5);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 250);
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/test';
const PASSWORD = 'bench-passwort-1';
const MAX_ROUNDS_PER_DEVICE = 100_000;
const BUDGET_P95_MS = 200;
/** USER_HZ of /proc/<pid>/stat: 100 on Linux for every common architecture. */
const CLOCK_TICKS_PER_SECOND = 100;

interface Stats {
  latencies: Record<'push' | 'pull', number[]>;
  errors: string[];
  mutations: number;
  pulledChanges: number;
}

/** What the main thread hands the devices' worker. */
interface DevicesJob {
  base: string;
  cookies: string[];
  /** Wall clock (ms since the epoch), the same in both threads. */
  deadline: number;
}

/** Busy share of the server's event loop, and PostgreSQL CPU, over the timed window. */
interface ServerCpu {
  eventLoopBusy: number;
  /** CPU ms of the server's thread (this process's main thread) per request; from /proc. */
  serverCpuMsPerRequest: number | undefined;
  /** CPU ms of the bench's PostgreSQL backends per request; undefined when not readable. */
  pgCpuMsPerRequest: number | undefined;
}

async function main(): Promise<void> {
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const url = new URL(DATABASE_URL);
  // Names the bench's connections, so their backends' CPU can be read (serverCpu).
  url.searchParams.set('application_name', schema);
  const store = await openPgStore({ connectionString: url.href, schema, max: 20 });
  await migrate(store);
  const app = await buildApp({ store });
  try {
    const emails: string[] = [];
    for (let t = 0; t < TEAMS; t++) await createTeam(store, `Bench ${t}`);
    for (let d = 0; d < DEVICES; d++) {
      const email = `geraet${d}@bench.example`;
      await createUser(store, {
        teamName: `Bench ${d % TEAMS}`,
        email,
        name: `Gerät ${d}`,
        role: 'thm',
        password: PASSWORD,
      });
      emails.push(email);
    }
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    // A few at a time: the login limit counts the attempts of one address while they run.
    const cookies: string[] = [];
    for (let from = 0; from < emails.length; from += 8) {
      cookies.push(
        ...(await Promise.all(emails.slice(from, from + 8).map((e) => signIn(base, e)))),
      );
    }

    console.log(
      `${DEVICES} Geräte in ${TEAMS} Teams, ${SECONDS} s, Pause ${THINK_MS} ms, PostgreSQL (${schema}) ...`,
    );
    const started = performance.now();
    const loop = performance.eventLoopUtilization();
    const pgBefore = await backendCpuMs(store, schema);
    const serverBefore = ticksMs(`/proc/${process.pid}/task/${process.pid}/stat`);
    const job: DevicesJob = { base, cookies, deadline: Date.now() + SECONDS * 1000 };
    const stats = await runDevicesInWorker(job);
    const elapsed = (performance.now() - started) / 1000;
    const eventLoopBusy = performance.eventLoopUtilization(loop).utilization;
    const serverAfter = ticksMs(`/proc/${process.pid}/task/${process.pid}/stat`);
    const pgAfter = await backendCpuMs(store, schema);
    const requests = stats.latencies.push.length + stats.latencies.pull.length;
    const perRequest = (before: number | undefined, after: number | undefined) =>
      before === undefined || after === undefined || requests === 0
        ? undefined
        : (after - before) / requests;
    const pgCpuMsPerRequest = perRequest(pgBefore, pgAfter);
    const serverCpuMsPerRequest = perRequest(serverBefore, serverAfter);
    report(stats, elapsed, { eventLoopBusy, serverCpuMsPerRequest, pgCpuMsPerRequest });
  } finally {
    await app.close();
    await store.close();
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

/** The devices run in a worker thread (this file again); it answers with their stats. */
function runDevicesInWorker(job: DevicesJob): Promise<Stats> {
  return new Promise((resolve, reject) => {
    // This file again, through tsx's API: tsx's loader does not reach worker threads (Node 20).
    const api = import.meta.resolve('tsx/esm/api');
    const worker = new Worker(
      `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`,
      { eval: true, workerData: job },
    );
    worker.once('message', (stats: Stats) => resolve(stats));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`Geräte-Thread beendet mit ${code}`)));
  });
}

async function devicesWorker({ base, cookies, deadline }: DevicesJob): Promise<void> {
  const stats: Stats = {
    latencies: { push: [], pull: [] },
    errors: [],
    mutations: 0,
    pulledChanges: 0,
  };
  await Promise.all(cookies.map((cookie) => runDevice(base, cookie, deadline, stats)));
  parentPort!.postMessage(stats);
}

/**
 * Sum of user and system CPU (ms) of the PostgreSQL backends serving this bench's connections,
 * from /proc: undefined when the database is not on this machine (or /proc is not readable).
 */
async function backendCpuMs(store: Store, schema: string): Promise<number | undefined> {
  const rows = await store.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
    [schema],
  );
  let sum = 0;
  for (const { pid } of rows) {
    const ms = ticksMs(`/proc/${pid}/stat`);
    if (ms === undefined) return undefined;
    sum += ms;
  }
  return sum;
}

/** User plus system CPU (ms) of the process or thread whose /proc stat file this is. */
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

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // As the phone signs in: with its device id, so every request checks and touches the device.
    body: JSON.stringify({
      email,
      password: PASSWORD,
      deviceId: randomUUID(),
      deviceName: 'Bench',
    }),
  });
  if (!response.ok) throw new Error(`Anmeldung ${email}: ${response.status}`);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** One phone: push a few edits (new cases and changes to its earlier ones), then pull to the end. */
async function runDevice(
  base: string,
  cookie: string,
  deadline: number,
  stats: Stats,
): Promise<void> {
  const clientId = randomUUID();
  const mine: string[] = [];
  let mutationId = 0;
  let cursor: number | null = null;
  let counter = 0;
  const call = async <T>(kind: 'push' | 'pull', body: object): Promise<T | undefined> => {
    const t0 = performance.now();
    try {
      const response = await fetch(`${base}/api/sync/${kind}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, ...body }),
      });
      const json = (await response.json()) as T;
      stats.latencies[kind].push(performance.now() - t0);
      if (!response.ok) stats.errors.push(`${kind} ${response.status}`);
      return response.ok ? json : undefined;
    } catch (error) {
      stats.errors.push(`${kind} ${(error as Error).message}`);
      return undefined;
    }
  };

  for (let round = 0; round < MAX_ROUNDS_PER_DEVICE && Date.now() < deadline; round++) {
    const hlc = () => formatHlc({ ms: Date.now(), counter: counter++ % 0xffff, node: clientId });
    const mutations = [];
    for (let i = 0; i < 3; i++) {
      const id = newRecordId();
      mine.push(id);
      mutations.push({
        id: ++mutationId,
        table: 'cases',
        recordId: id,
        op: 'put',
        hlc: hlc(),
        baseCursor: cursor ?? 0,
        fields: { givenName: `Person ${round}-${i}`, familyName: 'Bench', status: 'inquiry' },
      });
    }
    for (const id of mine.slice(-5, -3)) {
      mutations.push({
        id: ++mutationId,
        table: 'cases',
        recordId: id,
        op: 'put',
        hlc: hlc(),
        baseCursor: cursor ?? 0,
        fields: { languages: `Runde ${round}` },
      });
    }
    const pushed = await call<PushResponse>('push', { mutations });
    if (pushed) {
      stats.mutations += mutations.length;
      const rejected = pushed.results.filter((r) => r.status !== 'applied');
      if (rejected.length) stats.errors.push(`push rejected: ${rejected[0]!.reason}`);
    } else {
      mutationId -= mutations.length;
    }
    for (let page = 0; page < 50; page++) {
      const pulled: PullResponse | undefined = await call<PullResponse>('pull', {
        cursor,
        limit: 500,
      });
      if (!pulled) break;
      stats.pulledChanges += pulled.changes.length;
      cursor = pulled.cursor;
      if (!pulled.hasMore) break;
    }
    if (THINK_MS > 0)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * THINK_MS));
  }
}

function sortedCopy(values: number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function report(stats: Stats, seconds: number, cpu: ServerCpu): void {
  const ms = (value: number | undefined) =>
    value === undefined ? 'n/a' : `${value.toFixed(2)} ms`;
  const all = [...stats.latencies.push, ...stats.latencies.pull].sort((a, b) => a - b);
  const line = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p).toFixed(1));
    return `${name.padEnd(6)} ${String(values.length).padStart(7)} Anfragen   p50 ${p50} ms   p95 ${p95} ms   p99 ${p99} ms`;
  };
  console.log(line('push', stats.latencies.push));
  console.log(line('pull', stats.latencies.pull));
  console.log(line('alle', all));
  console.log(
    `Durchsatz: ${(all.length / seconds).toFixed(0)} Anfragen/s, ${(stats.mutations / seconds).toFixed(0)} Änderungen/s, ${(stats.pulledChanges / seconds).toFixed(0)} gezogene Einträge/s`,
  );
  console.log(
    `CPU je Anfrage: Server-Thread ${ms(cpu.serverCpuMsPerRequest)}, PostgreSQL ${ms(cpu.pgCpuMsPerRequest)}; Event-Loop ${(cpu.eventLoopBusy * 100).toFixed(0)} % belegt`,
  );
  console.log(
    `Fehler: ${stats.errors.length}${stats.errors.length ? ` (z. B. ${stats.errors[0]})` : ''}`,
  );
  const p95 = percentile(all, 95);
  finish(
    'server-load',
    {
      devices: DEVICES,
      teams: TEAMS,
      seconds: Number(seconds.toFixed(1)),
      thinkMs: THINK_MS,
      requests: all.length,
      requestsPerSecond: Number((all.length / seconds).toFixed(1)),
      mutationsPerSecond: Number((stats.mutations / seconds).toFixed(1)),
      p50Ms: Number(percentile(all, 50).toFixed(1)),
      p95Ms: Number(p95.toFixed(1)),
      p99Ms: Number(percentile(all, 99).toFixed(1)),
      pushP95Ms: Number(percentile(sortedCopy(stats.latencies.push), 95).toFixed(1)),
      pullP95Ms: Number(percentile(sortedCopy(stats.latencies.pull), 95).toFixed(1)),
      eventLoopBusy: Number(cpu.eventLoopBusy.toFixed(3)),
      serverCpuMsPerRequest:
        cpu.serverCpuMsPerRequest === undefined
          ? null
          : Number(cpu.serverCpuMsPerRequest.toFixed(2)),
      pgCpuMsPerRequest:
        cpu.pgCpuMsPerRequest === undefined ? null : Number(cpu.pgCpuMsPerRequest.toFixed(2)),
      errors: stats.errors.length,
    },
    {
      figure: `${DEVICES} devices p95 ${p95.toFixed(1)} ms`,
      budget: `<= ${BUDGET_P95_MS} ms`,
      within: p95 <= BUDGET_P95_MS,
    },
    {
      figure: `${stats.errors.length} errors`,
      budget: '0',
      within: stats.errors.length === 0,
    },
  );
}

const FIELD_DAY_BUDGET_MS = { pushP95Ms: 200, pullP95Ms: 200, propagationP95Ms: 2_000 };

if (isMainThread && options.has('instances')) {
  runFieldDay({
    bench: 'server-load',
    store: 'postgres',
    devices: DEVICES,
    instances: numberOption(options, 'instances', 1),
    teamSize: numberOption(options, 'team-size', 10),
    schedule: {
      kind: 'day',
      seconds: numberOption(options, 'seconds', 75),
      speed: numberOption(options, 'speed', 1),
      minS: 30,
      maxS: 120,
    },
    deviceThreads: numberOption(options, 'device-threads', 1),
    databaseUrl: DATABASE_URL,
    budgets: FIELD_DAY_BUDGET_MS,
  }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  devicesWorker(workerData as DevicesJob).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
