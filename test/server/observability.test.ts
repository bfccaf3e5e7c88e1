// Health, metrics and logs (issue 24): /healthz and /readyz (503 while the database is down, 200
// again after), /metrics refused without its token and Prometheus text with it, labels without
// ids, and a run with errors whose every log line is searched for the personal values it handled.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/store';
import { SCHEMA_VERSION } from '../../src/shared/sync/protocol';
import {
  addUser,
  memoryStore,
  newRecordId,
  putCase,
  signIn,
  TEST_PASSWORD,
  validCase,
} from '../support/server-harness';

const TOKEN = 'metrics-geheim-0123456789';

let store: Store;
let down = false;
/** The store, but "down" on demand: every statement fails as when the database is unreachable. */
let flaky: Store;
beforeAll(async () => {
  store = await memoryStore();
  flaky = {
    ...store,
    kind: store.kind,
    query: (sql, params) =>
      down ? Promise.reject(new Error('connect ECONNREFUSED')) : store.query(sql, params),
  };
});
afterAll(() => store?.close());

describe('health and metrics', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ store: flaky, observability: { metricsToken: TOKEN } });
  });
  afterAll(() => app?.close());

  it('/healthz is 200 while the process runs; /readyz is 503 while the database is down', async () => {
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    down = true;
    try {
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      const ready = await app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
    } finally {
      down = false;
    }
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });

  it('/metrics is refused without its token, and Prometheus text with it, without ids in labels', async () => {
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
    const wrong = await app.inject({
      url: '/metrics',
      headers: { authorization: 'Bearer falsch' },
    });
    expect(wrong.statusCode).toBe(403);

    const user = await addUser(store, { team: 'Team Metriken' });
    const cookie = await signIn(app, user.email);
    const member = {
      userId: user.id,
      email: user.email,
      teamId: user.teamId,
      cookie,
      clientId: newRecordId(),
    };
    const caseId = newRecordId();
    const push = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { cookie },
      payload: {
        clientId: member.clientId,
        schemaVersion: SCHEMA_VERSION,
        mutations: [
          putCase(member, 1, caseId, validCase()),
          putCase(member, 2, newRecordId(), validCase({ familyName: '' })),
        ],
      },
    });
    expect(push.statusCode, push.body).toBe(200);
    await app.inject({ url: `/api/cases/${caseId}/history`, headers: { cookie } });

    const metrics = await app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    const text = metrics.body;
    expect(text).toMatch(
      /feldakte_http_requests_total\{method="POST",route="\/api\/sync\/push",status="200"\} 1/,
    );
    expect(text).toMatch(/feldakte_sync_mutations_total\{status="applied",reason=""\} 1/);
    expect(text).toMatch(
      /feldakte_sync_mutations_total\{status="rejected",reason="[a-zA-Z.]+"\} 1/,
    );
    expect(text).toContain('route="/api/cases/:caseId/history"');
    expect(text).toContain('feldakte_active_devices 1');
    expect(text).toContain('feldakte_nodejs_eventloop_lag_seconds');
    expect(text).not.toContain(caseId);
    expect(text).not.toContain(user.email);
  });
});

describe('logs', () => {
  it('a run with errors, logged at debug: no line holds a value, an e-mail, a password or a token', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    // The database refuses one statement with a message that quotes a value, as PostgreSQL does.
    const quote = (query: Store['query']): Store['query'] =>
      ((sql: string, params?: unknown[]) =>
        JSON.stringify(params ?? []).includes('Zerbrochen')
          ? Promise.reject(new Error('invalid input syntax for type json: "Yılmaz-Zerbrochen"'))
          : query(sql, params)) as Store['query'];
    const quoting: Store = {
      ...store,
      kind: store.kind,
      query: quote(store.query.bind(store)),
      transaction: (fn) =>
        store.transaction((tx) =>
          fn({ ...tx, query: quote(tx.query.bind(tx)), exec: tx.exec.bind(tx) }),
        ),
    };
    const app = await buildApp({
      store: quoting,
      logger: { level: 'debug', stream },
      observability: { metricsToken: TOKEN },
    });
    try {
      const user = await addUser(store, { team: 'Team Logs', email: 'leyla.demir@example.org' });
      // A failed sign-in: the e-mail and a wrong password.
      await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: user.email, password: 'falsches-Passwort-987' },
      });
      const cookie = await signIn(app, user.email);
      const clientId = newRecordId();
      const member = { userId: user.id, email: user.email, teamId: user.teamId, cookie, clientId };
      const caseId = newRecordId();
      const push = (mutations: unknown[]) =>
        app.inject({
          method: 'POST',
          url: '/api/sync/push',
          headers: { cookie },
          payload: { clientId, schemaVersion: SCHEMA_VERSION, mutations },
        });
      expect(
        (await push([putCase(member, 1, caseId, validCase({ givenName: 'Hevin-Geheim' }))]))
          .statusCode,
      ).toBe(200);
      // Rejected: a value the rules refuse.
      await push([putCase(member, 2, caseId, { familyName: 'x'.repeat(500) + 'Überlang' })]);
      // A 500: the database quotes the value in its error.
      const failed = await push([
        putCase(member, 3, newRecordId(), validCase({ familyName: 'Yılmaz-Zerbrochen' })),
      ]);
      expect(failed.statusCode).toBe(500);
      expect(failed.headers['x-request-id']).toBeTruthy();
      // Bad JSON with a value in it, an unknown URL with an id, /metrics without the token.
      await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { cookie, 'content-type': 'application/json' },
        payload: '{"name": "Amina-Kaputt"',
      });
      await app.inject({ url: `/api/cases/${caseId}/nichts` });
      await app.inject({ url: '/metrics', headers: { authorization: 'Bearer falsch-und-geheim' } });
    } finally {
      await app.close();
    }
    const all = lines.join('\n');
    expect(lines.some((line) => line.includes('"msg":"request failed"'))).toBe(true);
    expect(lines.some((line) => line.includes('"msg":"request"'))).toBe(true);
    const cookieValue = /feldakte_session=([^;]+)/.exec(all)?.[1];
    expect(cookieValue).toBeUndefined();
    for (const secret of [
      'leyla.demir@example.org',
      'falsches-Passwort-987',
      TEST_PASSWORD,
      'Hevin-Geheim',
      'Überlang',
      'Yılmaz-Zerbrochen',
      'Amina-Kaputt',
      'falsch-und-geheim',
      TOKEN,
    ])
      expect(all, secret).not.toContain(secret);
    // Every line is JSON with a request id where a request was running.
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(
      lines
        .filter((line) => line.includes('"msg":"request"'))
        .every((line) => line.includes('"reqId"')),
    ).toBe(true);
  });

  it('at info (the production default) no request is logged', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const app = await buildApp({ store, logger: { level: 'info', stream } });
    try {
      await app.inject({ url: '/healthz' });
      await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'a@b.de', password: 'x' },
      });
    } finally {
      await app.close();
    }
    expect(
      lines.filter((line) => line.includes('"request"') || line.includes('incoming request')),
    ).toEqual([]);
  });
});
