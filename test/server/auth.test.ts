// Accounts and sessions: login, cookie flags, rate limit, logout, disabled users, expiry.
import { DEFAULT_TEAM_SETTINGS } from '../../src/shared/domain/team-settings';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/store';
import { disableUser } from '../../src/server/auth/accounts';
import { MAX_FAILURES } from '../../src/server/auth/login-limiter';
import { SESSION_TTL_MS } from '../../src/server/auth/sessions';
import {
  addUser,
  memoryStore,
  newRecordId,
  putCase,
  startTestServer,
  TEST_PASSWORD,
  validCase,
  type TestServer,
} from '../support/server-harness';

const DAY = 24 * 60 * 60_000;

describe('sessions', () => {
  // One store for the file (PGlite takes seconds to start); each test builds its own app and users.
  let store: Store;
  beforeAll(async () => {
    store = await memoryStore();
  });
  afterAll(() => store?.close());
  let server: TestServer;
  let nowMs = Date.parse('2025-03-01T09:00:00Z');
  const start = async (options: Parameters<typeof startTestServer>[0] = {}) => {
    nowMs = Date.parse('2025-03-01T09:00:00Z');
    // Failed sign-ins live in the shared store now; each test starts without any.
    await store.query('DELETE FROM login_failures');
    server = await startTestServer({
      store,
      keepStore: true,
      now: () => new Date(nowMs),
      ...options,
    });
    return server;
  };
  afterEach(() => server?.close());

  const login = (
    email: string,
    password: string,
    headers: Record<string, string> = {},
    remoteAddress = '10.0.0.1',
  ) =>
    server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email, password },
      headers,
      remoteAddress,
    });
  const me = (cookie: string) =>
    server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
  const cookieOf = (response: Awaited<ReturnType<typeof login>>) => {
    const cookie = response.cookies.find((c) => c.name === 'feldakte_session')!;
    return `${cookie.name}=${cookie.value}`;
  };

  it('[S2] signs in with e-mail and password and answers who is signed in', async () => {
    await start();
    const user = await addUser(server.store, { team: 'Team Nord', email: 'Lea@Example.org' });
    const response = await login('  lea@example.ORG ', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const expected = {
      user: {
        id: user.id,
        name: user.name,
        email: 'lea@example.org',
        role: 'thm',
        team: { id: user.teamId, name: 'Team Nord', settings: DEFAULT_TEAM_SETTINGS },
      },
    };
    const sealKey = { kid: expect.any(String), publicKey: expect.any(String) };
    // No device named: no recovery secret ([S5]; test/server/devices.ts).
    expect(response.json()).toEqual({ ...expected, sealKey });
    expect((await me(cookieOf(response))).json()).toEqual({ ...expected, sealKey });
    expect((await me('')).statusCode).toBe(401);
    expect((await me('')).json().message).toMatch(/Bitte melden Sie sich an/);
  });

  it('the session cookie is HttpOnly, SameSite=Strict, and Secure only over https', async () => {
    await start({ trustProxy: true });
    const { email } = await addUser(server.store, { team: 'Team Nord' });
    const plain = (await login(email, TEST_PASSWORD)).cookies[0]!;
    expect(plain).toMatchObject({
      name: 'feldakte_session',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api',
    });
    expect(plain.secure).toBeFalsy();
    expect(plain.expires!.getTime()).toBe(nowMs + SESSION_TTL_MS);
    const proxied = (await login(email, TEST_PASSWORD, { 'x-forwarded-proto': 'https' }))
      .cookies[0]!;
    expect(proxied).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true });
  });

  it('X-Forwarded-Proto is ignored without trustProxy', async () => {
    await start();
    const { email } = await addUser(server.store, { team: 'Team Nord' });
    expect(
      (await login(email, TEST_PASSWORD, { 'x-forwarded-proto': 'https' })).cookies[0]!.secure,
    ).toBeFalsy();
  });

  it('only a hash of the token is stored', async () => {
    await start();
    const { email } = await addUser(server.store, { team: 'Team Nord' });
    const token = (await login(email, TEST_PASSWORD)).cookies[0]!.value;
    const rows = await server.store.query<{ token_hash: string }>(
      'SELECT token_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1',
      [email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);
  });

  it('a wrong password or unknown e-mail gets 401 with the same German message', async () => {
    await start();
    const { email } = await addUser(server.store, { team: 'Team Nord' });
    const wrong = await login(email, 'falsch-falsch');
    const unknown = await login('niemand@example.org', TEST_PASSWORD);
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().message).toBe('E-Mail-Adresse oder Passwort ist falsch.');
    expect(wrong.cookies).toEqual([]);
    expect(
      (await server.app.inject({ method: 'POST', url: '/api/session', payload: { email } }))
        .statusCode,
    ).toBe(400);
  });

  it(`after ${MAX_FAILURES} failures in 15 minutes the same e-mail and address get 429`, async () => {
    await start();
    const { email } = await addUser(server.store, { team: 'Team Nord' });
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await login(email, 'falsch-falsch')).statusCode).toBe(401);
    const blocked = await login(email, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toMatch(/Zu viele fehlgeschlagene Anmeldungen/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(email, TEST_PASSWORD, {}, '10.0.0.2')).statusCode).toBe(200);
    nowMs += 15 * 60_000 + 1;
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('signing out ends the session on the server', async () => {
    await start();
    const { email } = await addUser(server.store, { team: 'Team Nord' });
    const cookie = cookieOf(await login(email, TEST_PASSWORD));
    const out = await server.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies[0]).toMatchObject({ name: 'feldakte_session', value: '' });
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('a disabled user loses every session and cannot sign in', async () => {
    await start();
    const { email, id } = await addUser(server.store, { team: 'Team Nord' });
    const cookie = cookieOf(await login(email, TEST_PASSWORD));
    await disableUser(server.store, email);
    const refused = await me(cookie);
    expect(refused.statusCode).toBe(401);
    // The session row stays so the phone learns why and wipes itself (issue 11).
    expect(refused.json().error).toBe('user_disabled');
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(401);
    expect(
      await server.store.query('SELECT 1 FROM users WHERE id = $1 AND disabled_at IS NOT NULL', [
        id,
      ]),
    ).toHaveLength(1);
  });

  it('a session expires after 30 days without use and slides while used', async () => {
    await start();
    const { email } = await addUser(server.store, { team: 'Team Nord' });
    const idle = cookieOf(await login(email, TEST_PASSWORD));
    const used = cookieOf(await login(email, TEST_PASSWORD));
    nowMs += 20 * DAY;
    const refreshed = await me(used);
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.cookies[0]!.expires!.getTime()).toBe(nowMs + SESSION_TTL_MS);
    nowMs += 15 * DAY;
    expect((await me(idle)).statusCode).toBe(401);
    expect((await me(used)).statusCode).toBe(200);
  });

  it('the log never holds request bodies: no passwords, no case content', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    await start({ logger: { level: 'trace', stream } });
    const member = await server.member('Team Nord');
    await server.push(member, [
      putCase(member, 1, newRecordId(), validCase({ givenName: 'Geheimname' })),
    ]);
    await server.push(member, [
      { ...putCase(member, 2, newRecordId(), validCase()), table: 'nope' as 'cases' },
    ]);
    const log = lines.join('');
    expect(log).toContain('/api/sync/push');
    expect(log).not.toMatch(/Geheimname|Haddad|richtig-geheim/);
  });
});
