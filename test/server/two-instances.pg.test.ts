// [V1][V2] Two server PROCESSES on one PostgreSQL database, as docs/deploy.md describes them
// behind a reverse proxy: both start at once on an empty schema (migrations take turns), a session
// made on one is valid on the other, and phones whose requests alternate between the instances
// while they all write at once converge on the same records with none skipped. Failed sign-ins
// count against one limit across both. A push on one instance pokes a phone connected to the other
// ([N2]), and a revocation written by a third process (the admin CLI) pokes the revoked phone on
// its instance, whose next sync there is refused at once ([N3]). A disable, a revocation or a role
// change made through one instance (or the admin CLI) is refused by the other at the very next
// request, though that one reused the session a moment before (issue 22 item 9).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgStore } from '../../src/server/store/pg-store';
import { createTeam, createUser } from '../../src/server/auth/accounts';
import { runAdmin } from '../../src/server/cli/admin';
import type { Store } from '../../src/server/store/store';
import {
  SCHEMA_VERSION,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../src/shared/sync/protocol';
import { formatHlc } from '../../src/shared/sync/hlc';
import { newRecordId } from '../../src/shared/domain/record-id';
import { TEST_DATABASE_URL, TEST_PASSWORD, validCase } from '../support/server-harness';
import { MAX_FAILURES } from '../../src/server/auth/login-limiter';
import { revokeDevice } from '../../src/server/auth/devices';
import { openPokeStream } from '../support/poke-stream';

const ROOT = resolve(import.meta.dirname, '../..');
const PHONES = 4;
const ROUNDS = 8;
const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 20)}`;

interface Instance {
  url: string;
  process: ChildProcess;
}

let instances: Instance[] = [];
let store: Store;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** `npm start`'s server (src/server/main.ts) as its own process; resolves once it listens. */
async function startInstance(): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      PORT: String(port),
      HOST: '127.0.0.1',
      STATIC_DIR: resolve(ROOT, 'no-static-files-here'),
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`Server startete nicht:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Feldakte läuft auf')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Server beendet (${code}):\n${output}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, process: child };
}

beforeAll(async () => {
  // The operator creates the schema (docs/deploy.md); both instances then start at once on it.
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  instances = await Promise.all([startInstance(), startInstance()]);
  store = await openPgStore({ connectionString: TEST_DATABASE_URL, schema, max: 2 });
}, 120_000);

afterAll(async () => {
  await Promise.all(
    instances.map(
      (instance) =>
        new Promise((done) => {
          instance.process.once('exit', done);
          instance.process.kill('SIGTERM');
        }),
    ),
  );
  await store?.close();
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

async function call<T>(
  instance: Instance,
  path: string,
  body: object,
  cookie?: string,
  method = 'POST',
) {
  const response = await fetch(`${instance.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T, response };
}

interface Phone {
  name: string;
  cookie: string;
  clientId: string;
  mutationId: number;
  cursor: number | null;
  counter: number;
  /** The phone's copy of the team's records: id -> fields. */
  records: Map<string, Record<string, unknown>>;
  written: string[];
}

async function pullToEnd(phone: Phone, instance: Instance): Promise<void> {
  for (let page = 0; page < 1_000; page++) {
    const pulled = await call<PullResponse>(
      instance,
      '/api/sync/pull',
      { clientId: phone.clientId, schemaVersion: SCHEMA_VERSION, cursor: phone.cursor, limit: 7 },
      phone.cookie,
    );
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(200);
    for (const change of pulled.body.changes) {
      if (change.deleted) phone.records.delete(change.id);
      else phone.records.set(change.id, { ...phone.records.get(change.id), ...change.fields });
    }
    phone.cursor = pulled.body.cursor;
    if (!pulled.body.hasMore) return;
  }
}

it(
  'phones alternating between two instances converge, none skips a row, sessions are shared',
  { timeout: 180_000 },
  async () => {
    await createTeam(store, 'Team Zwei Instanzen');
    const phones: Phone[] = [];
    for (let i = 0; i < PHONES; i++) {
      const email = `thm${i}@zwei-instanzen.example`;
      await createUser(store, {
        teamName: 'Team Zwei Instanzen',
        email,
        name: `THM ${i}`,
        role: 'thm',
        password: TEST_PASSWORD,
      });
      // Signed in on one instance only: the session lives in PostgreSQL, so the other accepts it.
      const session = await call(instances[i % 2]!, '/api/session', {
        email,
        password: TEST_PASSWORD,
      });
      expect(session.status).toBe(200);
      const cookie = session.response.headers.getSetCookie()[0]!.split(';')[0]!;
      phones.push({
        name: `THM ${i}`,
        cookie,
        clientId: randomUUID(),
        mutationId: 0,
        cursor: null,
        counter: 0,
        records: new Map(),
        written: [],
      });
    }

    const acknowledged = new Map<string, Record<string, unknown>>();
    await Promise.all(
      phones.map(async (phone, p) => {
        for (let round = 0; round < ROUNDS; round++) {
          // Each request of a phone may land on either instance, as behind a load balancer.
          const instance = instances[(p + round) % 2]!;
          const hlc = () =>
            formatHlc({ ms: Date.now(), counter: phone.counter++, node: phone.clientId });
          const created = newRecordId();
          const mutations: Mutation[] = [
            {
              id: ++phone.mutationId,
              table: 'cases',
              recordId: created,
              op: 'put',
              fields: validCase({ givenName: `${phone.name} Runde ${round}` }),
              hlc: hlc(),
              baseCursor: phone.cursor ?? 0,
            },
          ];
          const earlier = phone.written.at(-1);
          if (earlier) {
            mutations.push({
              id: ++phone.mutationId,
              table: 'cases',
              recordId: earlier,
              op: 'put',
              fields: { languages: `geändert in Runde ${round}` },
              hlc: hlc(),
              baseCursor: phone.cursor ?? 0,
            });
          }
          const pushed = await call<PushResponse>(
            instance,
            '/api/sync/push',
            { clientId: phone.clientId, schemaVersion: SCHEMA_VERSION, mutations },
            phone.cookie,
          );
          expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
          expect(pushed.body.results.every((result) => result.status === 'applied')).toBe(true);
          phone.written.push(created);
          acknowledged.set(created, validCase({ givenName: `${phone.name} Runde ${round}` }));
          if (earlier) {
            acknowledged.set(earlier, {
              ...acknowledged.get(earlier),
              languages: `geändert in Runde ${round}`,
            });
          }
          await pullToEnd(phone, instances[(p + round + 1) % 2]!);
        }
      }),
    );

    // A last pull from the other instance each; then every phone holds every acknowledged
    // record with its last values, and a brand-new phone pulling from scratch sees the same.
    for (const [p, phone] of phones.entries()) await pullToEnd(phone, instances[p % 2]!);
    const fresh: Phone = {
      ...phones[0]!,
      clientId: randomUUID(),
      cursor: null,
      records: new Map(),
    };
    await pullToEnd(fresh, instances[1]!);
    expect(fresh.records.size).toBe(PHONES * ROUNDS);
    for (const [id, fields] of acknowledged) {
      expect(fresh.records.get(id)).toMatchObject(fields);
    }
    for (const phone of phones) {
      expect(Object.fromEntries(phone.records)).toEqual(Object.fromEntries(fresh.records));
    }
  },
);

it('failed sign-ins on either instance count against one limit (it lives in PostgreSQL)', async () => {
  await createTeam(store, 'Team Anmeldegrenze');
  const email = 'grenze@zwei-instanzen.example';
  await createUser(store, {
    teamName: 'Team Anmeldegrenze',
    email,
    name: 'THM Grenze',
    role: 'thm',
    password: TEST_PASSWORD,
  });
  for (let i = 0; i < MAX_FAILURES; i++) {
    const failed = await call(instances[i % 2]!, '/api/session', {
      email,
      password: 'falsch-falsch',
    });
    expect(failed.status).toBe(401);
  }
  for (const instance of instances) {
    const blocked = await call<{ message: string }>(instance, '/api/session', {
      email,
      password: TEST_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/Zu viele fehlgeschlagene Anmeldungen/);
  }
});

it('[N2][N3] a push on one instance pokes a phone on the other; a revocation pokes the revoked phone', async () => {
  await createTeam(store, 'Team Poke');
  const signIn = async (instance: Instance, email: string, deviceId: string) => {
    const session = await call(instance, '/api/session', {
      email,
      password: TEST_PASSWORD,
      deviceId,
      deviceName: 'Telefon',
    });
    expect(session.status).toBe(200);
    return session.response.headers.getSetCookie()[0]!.split(';')[0]!;
  };
  const emails = ['a@poke.example', 'b@poke.example'];
  for (const email of emails) {
    await createUser(store, {
      teamName: 'Team Poke',
      email,
      name: email,
      role: 'thm',
      password: TEST_PASSWORD,
    });
  }
  const [a, b] = instances as [Instance, Instance];
  const cookieA = await signIn(a, emails[0]!, randomUUID());
  const phoneB = randomUUID();
  const cookieB = await signIn(b, emails[1]!, phoneB);
  const channel = await openPokeStream(b.url, cookieB);
  try {
    expect(channel.status).toBe(200);
    const clientA = randomUUID();
    const pushed = await call<PushResponse>(
      a,
      '/api/sync/push',
      {
        clientId: clientA,
        schemaVersion: SCHEMA_VERSION,
        mutations: [
          {
            id: 1,
            table: 'cases',
            recordId: newRecordId(),
            op: 'put',
            fields: validCase({ givenName: 'Poke' }),
            hlc: formatHlc({ ms: Date.now(), counter: 0, node: clientA }),
            baseCursor: 0,
          },
        ],
      },
      cookieA,
    );
    expect(pushed.status).toBe(200);
    const poke = await channel.next();
    expect(poke.event).toBe('pull');
    const { version } = JSON.parse(poke.data) as { version: number };
    // The poked phone pulls on its instance and finds the change at that version.
    const clientB = randomUUID();
    const pulled = await call<PullResponse>(
      b,
      '/api/sync/pull',
      { clientId: clientB, schemaVersion: SCHEMA_VERSION, cursor: null },
      cookieB,
    );
    expect(pulled.body.cursor).toBe(version);
    expect(pulled.body.changes.map((change) => change.fields.givenName)).toContain('Poke');

    // B has just accepted this session (and would reuse it for 2 s); the revocation comes from
    // another process, as the admin CLI's does.
    await revokeDevice(store, emails[1]!, phoneB);
    expect(JSON.parse((await channel.next()).data)).toEqual({});
    await channel.ended;
    const refused = await call<{ error: string }>(
      b,
      '/api/sync/pull',
      { clientId: clientB, schemaVersion: SCHEMA_VERSION, cursor: version },
      cookieB,
    );
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('device_revoked');
  } finally {
    channel.close();
  }
});

describe('a change made through one instance holds at the next request of the other', () => {
  const TEAM = 'Team Sofort';
  let adminCookie: string;
  beforeAll(async () => {
    await createTeam(store, TEAM);
    await createUser(store, {
      teamName: TEAM,
      email: 'admin@sofort.example',
      name: 'Admin',
      role: 'admin',
      password: TEST_PASSWORD,
    });
    adminCookie = (await signInOn(instances[0]!, 'admin@sofort.example')).cookie;
  });

  async function signInOn(instance: Instance, email: string, deviceId?: string) {
    const session = await call<{ user: { id: string } }>(instance, '/api/session', {
      email,
      password: TEST_PASSWORD,
      ...(deviceId ? { deviceId } : {}),
    });
    expect(session.status).toBe(200);
    return {
      userId: session.body.user.id,
      cookie: session.response.headers.getSetCookie()[0]!.split(';')[0]!,
    };
  }

  /** A THM's phone that just synced twice with instance 1: its session is reused there. */
  async function syncedPhone(n: number) {
    const email = `thm${n}-${randomUUID().slice(0, 6)}@sofort.example`;
    await createUser(store, {
      teamName: TEAM,
      email,
      name: `THM ${n}`,
      role: 'thm',
      password: TEST_PASSWORD,
    });
    const deviceId = randomUUID();
    const { userId, cookie } = await signInOn(instances[1]!, email, deviceId);
    const pull = () =>
      call<{ error?: string }>(
        instances[1]!,
        '/api/sync/pull',
        { clientId: deviceId, schemaVersion: SCHEMA_VERSION, cursor: null },
        cookie,
      );
    expect((await pull()).status).toBe(200);
    expect((await pull()).status).toBe(200);
    return { email, userId, deviceId, pull };
  }

  const changes: [
    string,
    string,
    (phone: Awaited<ReturnType<typeof syncedPhone>>) => Promise<unknown>,
  ][] = [
    [
      'disable through the console of instance 0',
      'user_disabled',
      (phone) => call(instances[0]!, `/api/admin/users/${phone.userId}/disable`, {}, adminCookie),
    ],
    [
      'device revoke through the console of instance 0',
      'device_revoked',
      (phone) =>
        call(
          instances[0]!,
          `/api/admin/users/${phone.userId}/devices/${phone.deviceId}/revoke`,
          {},
          adminCookie,
        ),
    ],
    [
      'role change through the console of instance 0',
      'device_revoked',
      (phone) =>
        call(
          instances[0]!,
          `/api/admin/users/${phone.userId}`,
          { role: 'coordinator' },
          adminCookie,
          'PATCH',
        ),
    ],
    [
      'password reset through the console of instance 0 ([S4])',
      'not_signed_in',
      (phone) => call(instances[0]!, `/api/admin/users/${phone.userId}/password`, {}, adminCookie),
    ],
    [
      "the owner's password change on instance 0 ([S4])",
      'not_signed_in',
      async (phone) => {
        const { cookie } = await signInOn(instances[0]!, phone.email);
        return call(
          instances[0]!,
          '/api/session/password',
          { currentPassword: TEST_PASSWORD, password: 'ein-ganz-neues-passwort' },
          cookie,
        );
      },
    ],
    [
      'device revoke by the admin CLI (a third process)',
      'device_revoked',
      (phone) =>
        runAdmin(['device', 'revoke', '--email', phone.email, '--device', phone.deviceId], store),
    ],
  ];

  for (const [what, refusal, change] of changes) {
    // The instances hash at the production cost (scrypt N=2^17): a password change costs seconds.
    const rounds = what.includes('password') ? 2 : 5;
    it(`${what}: the next pull on instance 1 is refused (${refusal}), every time`, async () => {
      for (let round = 0; round < rounds; round++) {
        const phone = await syncedPhone(round);
        const made = (await change(phone)) as { status?: number } | string;
        if (typeof made === 'object') expect(made.status).toBe(200);
        const pulled = await phone.pull();
        expect(pulled.status, `Runde ${round}`).toBe(401);
        expect(pulled.body.error).toBe(refusal);
      }
    });
  }
});
