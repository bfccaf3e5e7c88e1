// The simulated phones of the field-day benches (field-day.ts: `server-load -- --instances n` and
// `propagation`), run in a worker thread of the bench's process, never in a server's: each phone
// signs in at its instance, holds its poke channel (the app's own client code, poke-channel.ts),
// pushes small batches on its schedule, and pulls after its push and on every poke that names a
// version beyond its cursor, as the app's sync does. Whole teams share a thread, so the time from
// a push's answer to each colleague's pull of it is measured on one clock.
//
// Messages: the main thread posts a DevicesJob as workerData; the worker answers
// { kind: 'ready' } once every phone is signed in, connected and has pulled once, waits for
// { kind: 'start' }, answers { kind: 'window-end' } when its schedule is done (pushes stop), and
// { kind: 'stats', stats } once the last pokes were pulled (or a drain timeout passed).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { openPokeChannel, type PokeChannel } from '../../src/client/features/sync/poke-channel';
import { formatHlc } from '../../src/shared/sync/hlc';
import { newRecordId } from '../../src/shared/domain/record-id';
import {
  SCHEMA_VERSION,
  type PullResponse,
  type PushResponse,
} from '../../src/shared/sync/protocol';

export interface DeviceSpec {
  email: string;
  /** The instance this phone talks to, e.g. http://127.0.0.1:40123 */
  base: string;
  team: number;
}

export type Schedule =
  /** Every phone pushes every `minS`..`maxS` seconds of simulated time, `speed` times faster. */
  | { kind: 'day'; seconds: number; speed: number; minS: number; maxS: number }
  /** `edits` pushes one after another by random phones, `gapMs` apart. */
  | { kind: 'edits'; edits: number; gapMs: number };

export interface DevicesJob {
  devices: DeviceSpec[];
  password: string;
  schedule: Schedule;
  /** Sign-ins at once (the login limit counts attempts per address while they run). */
  signInConcurrency: number;
  /** After the schedule: wait this long at most for the last pokes to be pulled. */
  drainMs: number;
}

export interface DeviceStats {
  push: number[];
  pull: number[];
  /** Per push and colleague: ms from the push's answer to that colleague's pull of all of it. */
  pairs: number[];
  /** Per push: ms from its answer until the last colleague had pulled all of it. */
  pushes: number[];
  /** (push, colleague) pairs never delivered within the drain. */
  undelivered: number;
  errors: string[];
  errorCount: number;
  mutations: number;
  pulledChanges: number;
  pokes: number;
  /** Pokes that made the phone pull (its cursor was behind the version named). */
  pokePulls: number;
  channelDrops: number;
}

export type WorkerMessage =
  | { kind: 'ready'; signInMs: number }
  | { kind: 'window-end' }
  | { kind: 'stats'; stats: DeviceStats };

/** A push whose arrival at the colleagues' phones is being watched. */
interface WatchedPush {
  pusher: number;
  team: number;
  /** recordId -> the hlc pushed. */
  records: Map<string, string>;
  answeredAt?: number;
  /** colleague -> records of this push pulled so far; `at` once it has them all. */
  got: Map<number, { ids: Set<string>; at?: number }>;
}

const MAX_ERRORS_KEPT = 20;

class Recorder {
  readonly stats: DeviceStats = {
    push: [],
    pull: [],
    pairs: [],
    pushes: [],
    undelivered: 0,
    errors: [],
    errorCount: 0,
    mutations: 0,
    pulledChanges: 0,
    pokes: 0,
    pokePulls: 0,
    channelDrops: 0,
  };
  /** Timing starts with the window: sign-in and the first pulls are not counted. */
  timing = false;
  private readonly byRecord = new Map<string, { push: WatchedPush; hlc: string }[]>();
  private readonly watched: WatchedPush[] = [];

  error(text: string): void {
    this.stats.errorCount++;
    if (this.stats.errors.length < MAX_ERRORS_KEPT) this.stats.errors.push(text);
  }

  watch(push: WatchedPush): void {
    this.watched.push(push);
    for (const [id, hlc] of push.records) {
      let list = this.byRecord.get(id);
      if (!list) this.byRecord.set(id, (list = []));
      list.push({ push, hlc });
    }
  }

  forget(push: WatchedPush): void {
    this.watched.splice(this.watched.indexOf(push), 1);
    for (const id of push.records.keys()) {
      const list = this.byRecord.get(id)?.filter((entry) => entry.push !== push);
      if (list?.length) this.byRecord.set(id, list);
      else this.byRecord.delete(id);
    }
  }

  /** A phone pulled record `id` at `hlc`: it now holds every watched edit of it up to that hlc. */
  received(device: number, id: string, hlc: string, at: number): void {
    for (const { push, hlc: pushed } of this.byRecord.get(id) ?? []) {
      if (push.pusher === device || pushed > hlc) continue;
      let got = push.got.get(device);
      if (!got) push.got.set(device, (got = { ids: new Set() }));
      if (got.at !== undefined) continue;
      got.ids.add(id);
      if (got.ids.size === push.records.size) got.at = at;
    }
  }

  /** Pushes whose colleagues do not all have them yet. */
  pending(colleagues: (push: WatchedPush) => number[]): number {
    let open = 0;
    for (const push of this.watched) {
      if (push.answeredAt === undefined) continue;
      for (const colleague of colleagues(push)) {
        if (push.got.get(colleague)?.at === undefined) open++;
      }
    }
    return open;
  }

  /** Turns the watched pushes into the propagation figures. */
  settle(colleagues: (push: WatchedPush) => number[]): void {
    for (const push of this.watched) {
      if (push.answeredAt === undefined) continue;
      let last = 0;
      let complete = true;
      for (const colleague of colleagues(push)) {
        const at = push.got.get(colleague)?.at;
        if (at === undefined) {
          this.stats.undelivered++;
          complete = false;
          continue;
        }
        // The poke can outrun the push's own answer: a colleague that had it first counts as 0.
        const ms = Math.max(0, at - push.answeredAt);
        this.stats.pairs.push(ms);
        last = Math.max(last, ms);
      }
      if (complete) this.stats.pushes.push(last);
    }
  }
}

class Phone {
  cookie = '';
  readonly clientId = randomUUID();
  cursor: number | null = null;
  private mutationId = 0;
  private counter = 0;
  private pulling: Promise<void> | undefined;
  private again = false;
  private channel: PokeChannel | undefined;
  private opened: (() => void) | undefined;
  closing = false;
  /** Cases of the team this phone knows (its own and pulled ones): what it edits. */
  readonly known: string[] = [];

  constructor(
    readonly index: number,
    readonly spec: DeviceSpec,
    private readonly recorder: Recorder,
  ) {}

  async signIn(password: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${this.spec.base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: this.spec.email,
          password,
          deviceId: randomUUID(),
          deviceName: 'Bench',
        }),
      });
      // The login limit counts attempts per address while they run: wait and try again.
      if (response.status === 429 && attempt < 20) {
        await response.body?.cancel();
        const seconds = Number(response.headers.get('retry-after') ?? 1);
        await sleep(Math.min(5_000, Math.max(200, seconds * 1000 * Math.random())));
        continue;
      }
      if (!response.ok) throw new Error(`Anmeldung ${this.spec.email}: ${response.status}`);
      await response.body?.cancel();
      this.cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
      return;
    }
  }

  /** Opens the poke channel with the app's own client code; resolves once it is open. */
  connect(): Promise<void> {
    const opened = new Promise<void>((resolve) => (this.opened = resolve));
    this.channel = openPokeChannel({
      fetch: (input, init) =>
        fetch(`${this.spec.base}${String(input)}`, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), cookie: this.cookie },
        }),
      onOpen: (resumed) => {
        this.opened?.();
        if (resumed) {
          if (!this.closing) {
            this.recorder.stats.channelDrops++;
            this.recorder.error('poke channel dropped');
          }
          this.requestPull();
        }
      },
      onPoke: (version) => {
        if (this.recorder.timing) this.recorder.stats.pokes++;
        if (version === null || this.cursor === null || version > this.cursor) {
          if (this.recorder.timing) this.recorder.stats.pokePulls++;
          this.requestPull();
        }
      },
      onRefused: () => this.recorder.error('poke channel refused'),
    });
    return opened;
  }

  close(): void {
    this.closing = true;
    this.channel?.close();
  }

  private async call<T>(kind: 'push' | 'pull', body: object): Promise<T | undefined> {
    const t0 = performance.now();
    try {
      const response = await fetch(`${this.spec.base}/api/sync/${kind}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: this.cookie },
        body: JSON.stringify({ clientId: this.clientId, schemaVersion: SCHEMA_VERSION, ...body }),
      });
      const json = (await response.json()) as T;
      if (this.recorder.timing) this.recorder.stats[kind].push(performance.now() - t0);
      if (!response.ok) this.recorder.error(`${kind} ${response.status}`);
      return response.ok ? json : undefined;
    } catch (error) {
      this.recorder.error(`${kind} ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Pulls now, or once more after the pull that is running (pokes coalesce, as in the app). */
  requestPull(): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      do {
        this.again = false;
        await this.pullAll();
      } while (this.again && !this.closing);
    })().finally(() => (this.pulling = undefined));
    return this.pulling;
  }

  get idle(): boolean {
    return this.pulling === undefined;
  }

  private async pullAll(): Promise<void> {
    for (let page = 0; page < 50; page++) {
      const pulled = await this.call<PullResponse>('pull', { cursor: this.cursor, limit: 500 });
      if (!pulled) return;
      const at = performance.now();
      for (const change of pulled.changes) {
        if (change.table !== 'cases') continue;
        this.recorder.received(this.index, change.id, change.hlc, at);
        if (!change.deleted && !this.known.includes(change.id)) this.known.push(change.id);
      }
      if (this.recorder.timing) this.recorder.stats.pulledChanges += pulled.changes.length;
      this.cursor = pulled.cursor;
      if (!pulled.hasMore) return;
    }
  }

  /** One small batch: a new case and one or two changes to cases the team already has. */
  async push(round: number): Promise<void> {
    const hlc = () =>
      formatHlc({ ms: Date.now(), counter: this.counter++ % 0xffff, node: this.clientId });
    const mutations = [];
    const id = newRecordId();
    mutations.push({
      id: ++this.mutationId,
      table: 'cases',
      recordId: id,
      op: 'put',
      hlc: hlc(),
      baseCursor: this.cursor ?? 0,
      fields: {
        givenName: `Person ${this.index}-${round}`,
        familyName: 'Bench',
        status: 'inquiry',
      },
    });
    const edits = this.known.length ? 1 + Math.floor(Math.random() * 2) : 0;
    for (let i = 0; i < edits; i++) {
      const target = this.known[Math.floor(Math.random() * this.known.length)]!;
      if (mutations.some((m) => m.recordId === target)) continue;
      mutations.push({
        id: ++this.mutationId,
        table: 'cases',
        recordId: target,
        op: 'put',
        hlc: hlc(),
        baseCursor: this.cursor ?? 0,
        fields: { languages: `Runde ${round} von ${this.index}` },
      });
    }
    this.known.push(id);
    const watched: WatchedPush = {
      pusher: this.index,
      team: this.spec.team,
      records: new Map(mutations.map((m) => [m.recordId, m.hlc])),
      got: new Map(),
    };
    // Watched before it is sent: a colleague poked by the commit may pull it before the answer.
    this.recorder.watch(watched);
    const pushed = await this.call<PushResponse>('push', { mutations });
    if (!pushed) {
      this.mutationId -= mutations.length;
      this.recorder.forget(watched);
      return;
    }
    watched.answeredAt = performance.now();
    this.recorder.stats.mutations += mutations.length;
    const rejected = pushed.results.filter((r) => r.status !== 'applied');
    if (rejected.length) {
      this.recorder.error(`push rejected: ${rejected[0]!.code ?? rejected[0]!.reason}`);
      this.recorder.forget(watched);
    }
    // The app's sync pulls after its push.
    await this.requestPull();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `fn` over `items`, at most `limit` at once. */
async function inBatches<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function run(job: DevicesJob): Promise<void> {
  const port = parentPort!;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const recorder = new Recorder();
  const phones = job.devices.map((spec, index) => new Phone(index, spec, recorder));
  const team = new Map<number, Phone[]>();
  for (const phone of phones) {
    const members = team.get(phone.spec.team) ?? [];
    members.push(phone);
    team.set(phone.spec.team, members);
  }
  const colleagues = (push: WatchedPush) =>
    team
      .get(push.team)!
      .filter((phone) => phone.index !== push.pusher)
      .map((phone) => phone.index);

  // Before the window: sign in, open the channels, pull what is there.
  const signInStarted = performance.now();
  await inBatches(phones, job.signInConcurrency, (phone) => phone.signIn(job.password));
  const signInMs = performance.now() - signInStarted;
  await Promise.all(phones.map((phone) => phone.connect()));
  await Promise.all(phones.map((phone) => phone.requestPull()));
  if (recorder.stats.errorCount) throw new Error(`Vorbereitung: ${recorder.stats.errors[0]}`);
  post({ kind: 'ready', signInMs });
  await new Promise<void>((resolve) =>
    port.on('message', (message: { kind: string }) => {
      if (message.kind === 'start') resolve();
    }),
  );
  recorder.timing = true;

  const schedule = job.schedule;
  if (schedule.kind === 'day') {
    const deadline = performance.now() + schedule.seconds * 1000;
    const interval = () =>
      ((schedule.minS + Math.random() * (schedule.maxS - schedule.minS)) * 1000) / schedule.speed;
    await Promise.all(
      phones.map(async (phone) => {
        // Phones start at random points of their first interval, not all at once.
        let wait = Math.random() * interval();
        for (let round = 0; ; round++) {
          if (performance.now() + wait >= deadline) return;
          await sleep(wait);
          const started = performance.now();
          await phone.push(round);
          wait = Math.max(0, interval() - (performance.now() - started));
        }
      }),
    );
  } else {
    for (let edit = 0; edit < schedule.edits; edit++) {
      await phones[Math.floor(Math.random() * phones.length)]!.push(edit);
      await sleep(schedule.gapMs);
    }
  }
  post({ kind: 'window-end' });

  // Drain: the last pokes are still being pulled.
  const drainUntil = performance.now() + job.drainMs;
  while (performance.now() < drainUntil) {
    if (recorder.pending(colleagues) === 0 && phones.every((phone) => phone.idle)) break;
    await sleep(50);
  }
  recorder.timing = false;
  for (const phone of phones) phone.close();
  recorder.settle(colleagues);
  if (recorder.stats.undelivered) {
    recorder.error(`${recorder.stats.undelivered} Änderungen nie bei Kolleg*innen angekommen`);
  }
  post({ kind: 'stats', stats: recorder.stats });
}

run(workerData as DevicesJob).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
