// Builds a real server for tests: a migrated store (PGlite in memory, or a fresh schema in the
// PostgreSQL database `test`), teams, users, a signed-in cookie, and push/pull over inject().
//
//   const server = await startTestServer();                 // PGlite in memory
//   const anna = await server.member('Team A');             // team + THM user + cookie + clientId
//   const res = await server.push(anna, [putCase(anna, 1, caseId, validCase())]);  // inject response
//   const page = await server.pull(anna, null);
//   await server.close();
// PGlite takes seconds to start on a busy machine: create one store per file (beforeAll) and pass
// it with `keepStore: true` to several apps; `postgresStore()` gives real PostgreSQL.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app';
import type { Store } from '../../src/server/store/store';
import { openPgliteStore } from '../../src/server/store/pglite-store';
import { openPgStore } from '../../src/server/store/pg-store';
import { migrate } from '../../src/server/store/migrate';
import { createTeam, createUser, findTeam, type Role } from '../../src/server/auth/accounts';
import {
  SCHEMA_VERSION,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../src/shared/sync/protocol';
import { formatHlc } from '../../src/shared/sync/hlc';
import { newRecordId } from '../../src/shared/domain/record-id';

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_PASSWORD = 'richtig-geheim-123';

export type StoreFactory = () => Promise<Store>;

/** PGlite in memory, migrated. */
export async function memoryStore(): Promise<Store> {
  const store = await openPgliteStore();
  await migrate(store);
  return store;
}

/** A fresh schema in the test database, migrated; closing the store drops the schema. */
export async function postgresStore(options: { max?: number } = {}): Promise<Store> {
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const store = await openPgStore({ connectionString: TEST_DATABASE_URL, schema, ...options });
  await migrate(store);
  return {
    ...store,
    kind: store.kind,
    async close() {
      await store.close();
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export async function addTeam(store: Store, name: string) {
  try {
    return (await findTeam(store, name)) ?? (await createTeam(store, name));
  } catch (error) {
    // Two members of one new team made at once: the other call created it meanwhile.
    const team = await findTeam(store, name);
    if (team) return team;
    throw error;
  }
}

export async function addUser(
  store: Store,
  {
    team,
    role = 'thm',
    email = `${randomUUID().slice(0, 8)}@example.org`,
    password = TEST_PASSWORD,
  }: { team: string; role?: Role; email?: string; password?: string },
) {
  await addTeam(store, team);
  const user = await createUser(store, {
    teamName: team,
    email,
    name: `Nutzer ${email}`,
    role,
    password,
  });
  return { ...user, password };
}

/** Signs in and returns the `cookie` header value for later requests. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`Anmeldung fehlgeschlagen: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'feldakte_session');
  return `${cookie!.name}=${cookie!.value}`;
}

/** A signed-in user with one device. */
export interface Member {
  userId: string;
  email: string;
  teamId: string;
  cookie: string;
  clientId: string;
}

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  member(team: string, role?: Role): Promise<Member>;
  /** Another device of the same user. */
  device(member: Member): Member;
  push(
    member: Member,
    mutations: PushMutation[],
    extra?: Record<string, unknown>,
  ): Promise<LightMyRequestResponse>;
  pull(member: Member, cursor: number | null, limit?: number): Promise<LightMyRequestResponse>;
  /** Pulls pages until hasMore is false. */
  pullAll(member: Member, cursor?: number | null): Promise<PullResponse>;
  close(): Promise<void>;
}

/** `keepStore`: close() leaves the store open (several apps in one file share one store). */
export async function startTestServer({
  keepStore = false,
  ...options
}: Partial<AppOptions> & { keepStore?: boolean } = {}): Promise<TestServer> {
  const store = options.store ?? (await memoryStore());
  const app = await buildApp({ ...options, store });
  const server: TestServer = {
    app,
    store,
    async member(team, role = 'thm') {
      const user = await addUser(store, { team, role });
      return {
        userId: user.id,
        email: user.email,
        teamId: user.teamId,
        cookie: await signIn(app, user.email),
        clientId: randomUUID(),
      };
    },
    device: (member) => ({ ...member, clientId: randomUUID() }),
    push: (member, mutations, extra = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { cookie: member.cookie },
        payload: { clientId: member.clientId, schemaVersion: SCHEMA_VERSION, mutations, ...extra },
      }),
    pull: (member, cursor, limit) =>
      app.inject({
        method: 'POST',
        url: '/api/sync/pull',
        headers: { cookie: member.cookie },
        payload: {
          clientId: member.clientId,
          schemaVersion: SCHEMA_VERSION,
          cursor,
          ...(limit ? { limit } : {}),
        },
      }),
    async pullAll(member, cursor = null) {
      const all: PullResponse = {
        changes: [],
        cursor: cursor ?? 0,
        hasMore: true,
        lastMutationId: 0,
      };
      for (let page = 0; all.hasMore && page < 1_000; page++) {
        const response = await server.pull(member, all.cursor);
        if (response.statusCode !== 200)
          throw new Error(`Pull fehlgeschlagen: ${response.statusCode} ${response.body}`);
        const body = response.json<PullResponse>();
        // [E5] every page's head says what its body says.
        const head = [
          response.headers['x-feldakte-cursor'],
          response.headers['x-feldakte-has-more'],
        ];
        if (head[0] !== String(body.cursor) || head[1] !== (body.hasMore ? '1' : '0'))
          throw new Error(
            `Pull-Kopf ${head.join('/')} passt nicht zu ${body.cursor}/${body.hasMore}`,
          );
        all.changes.push(...body.changes);
        Object.assign(all, {
          cursor: body.cursor,
          hasMore: body.hasMore,
          lastMutationId: body.lastMutationId,
        });
      }
      return all;
    },
    async close() {
      await app.close();
      if (!keepStore) await store.close();
    },
  };
  return server;
}

export type PushMutation = Omit<Mutation, 'baseCursor'> & { baseCursor?: number };

/** A clock at `ms` for `clientId` ([C1]). */
export function clock(ms: number, clientId: string, counter = 0): string {
  return formatHlc({ ms, counter, node: clientId });
}

let lastMs = Date.now();
/** A fresh clock for `member`'s device, later than every clock made before in this test file. */
export function tick(member: Member): string {
  lastMs = Math.max(lastMs + 1, Date.now() + 1);
  return clock(lastMs, member.clientId);
}

export function validCase(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { givenName: 'Amina', familyName: 'Haddad', status: 'inquiry', ...overrides };
}

export function putCase(
  member: Member,
  id: number,
  recordId: string,
  fields: Record<string, unknown>,
  options: { hlc?: string; baseCursor?: number } = {},
): PushMutation {
  return {
    id,
    table: 'cases',
    recordId,
    op: 'put',
    fields,
    hlc: options.hlc ?? tick(member),
    baseCursor: options.baseCursor ?? 0,
  };
}

export function deleteCase(member: Member, id: number, recordId: string): PushMutation {
  return {
    id,
    table: 'cases',
    recordId,
    op: 'delete',
    fields: {},
    hlc: tick(member),
    baseCursor: 0,
  };
}

export { newRecordId };
export type { PushResponse, PullResponse };
