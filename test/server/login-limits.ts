// Login limits that hold (issue 9, item 5): counted per account across addresses, per address
// across accounts, behind proxies from the trusted hop only, in the database (shared by every
// server instance, kept across a restart). Run on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/store';
import { LIMITS } from '../../src/server/auth/login-limiter';
import {
  addUser,
  signIn,
  startTestServer,
  TEST_PASSWORD,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';

export function describeLoginLimits(backend: string, makeStore: StoreFactory): void {
  describe(`login limits on ${backend}`, () => {
    let store: Store;
    const nowMs = Date.parse('2025-03-01T09:00:00Z');
    const servers: TestServer[] = [];
    const start = async (trustProxy: boolean | number = false) => {
      const server = await startTestServer({
        store,
        keepStore: true,
        trustProxy,
        now: () => new Date(nowMs),
      });
      servers.push(server);
      return server;
    };
    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      for (const server of servers) await server.close();
      await store?.close();
    });

    const login = (
      server: TestServer,
      email: string,
      password: string,
      remoteAddress: string,
      headers: Record<string, string> = {},
    ) =>
      server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password },
        headers,
        remoteAddress,
      });
    // Each account and address is new to the store (a fresh one per suite), whose counters every
    // test shares: numbered, never random, so no two can meet.
    let accounts = 0;
    const account = async () => {
      accounts++;
      const email = `konto${accounts}@example.org`;
      return (await addUser(store, { team: `Team ${accounts}`, email })).email;
    };
    let addresses = 0;
    const address = () => {
      addresses++;
      return `10.0.${addresses >> 8}.${addresses & 255}`;
    };

    it('behind one proxy, a forged first X-Forwarded-For hop does not reset the count', async () => {
      const server = await start(1);
      const email = await account();
      const proxy = address();
      const client = address();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const forged = `203.0.113.${i}`;
        const response = await login(server, email, 'falsch-falsch', proxy, {
          'x-forwarded-for': `${forged}, ${client}`,
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, LIMITS.account_address)).toEqual(
        Array(LIMITS.account_address).fill(401),
      );
      expect(statuses.slice(LIMITS.account_address)).toEqual(
        Array(12 - LIMITS.account_address).fill(429),
      );
    });

    it('TRUST_PROXY=2 takes the address two hops from the right', async () => {
      const server = await start(2);
      const email = await account();
      const client = address();
      for (let i = 0; i < LIMITS.account_address; i++) {
        await login(server, email, 'falsch-falsch', address(), {
          'x-forwarded-for': `198.51.100.${i}, ${client}, ${address()}`,
        });
      }
      const blocked = await login(server, email, TEST_PASSWORD, address(), {
        'x-forwarded-for': `${client}, ${address()}`,
      });
      expect(blocked.statusCode).toBe(429);
    });

    it('one account guessed from many addresses is limited across all of them', async () => {
      const server = await start();
      const email = await account();
      for (let i = 0; i < LIMITS.account; i++)
        expect((await login(server, email, 'falsch-falsch', address())).statusCode).toBe(401);
      const blocked = await login(server, email, TEST_PASSWORD, address());
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('one address trying many accounts is limited across all of them', async () => {
      const server = await start();
      const from = address();
      for (let i = 0; i < LIMITS.address; i++)
        expect((await login(server, `niemand-${i}@example.org`, 'x', from)).statusCode).toBe(401);
      expect((await login(server, await account(), TEST_PASSWORD, from)).statusCode).toBe(429);
      expect((await login(server, await account(), TEST_PASSWORD, address())).statusCode).toBe(200);
    });

    // Issue 22 item 7: counted before the password is checked, atomically, so parallel guesses
    // cannot all pass the check that a failure is counted after.
    it('50 parallel wrong passwords at one account: at most the limit are answered other than 429', async () => {
      const server = await start();
      const email = await account();
      const from = address();
      const statuses = await Promise.all(
        Array.from(
          { length: 50 },
          async () => (await login(server, email, 'falsch-falsch', from)).statusCode,
        ),
      );
      const passed = statuses.filter((status) => status !== 429);
      expect(passed.length).toBeLessThanOrEqual(LIMITS.account_address);
      expect(passed.every((status) => status === 401)).toBe(true);
      expect((await login(server, email, TEST_PASSWORD, from)).statusCode).toBe(429);
    });

    it('50 parallel wrong passwords from 50 addresses: at most the account limit get through', async () => {
      const server = await start();
      const email = await account();
      const statuses = await Promise.all(
        Array.from(
          { length: 50 },
          async () => (await login(server, email, 'falsch-falsch', address())).statusCode,
        ),
      );
      expect(statuses.filter((status) => status !== 429).length).toBeLessThanOrEqual(
        LIMITS.account,
      );
    });

    it('a right password takes its attempt back: the count holds only the wrong ones', async () => {
      const server = await start();
      const email = await account();
      const from = address();
      for (let i = 0; i < LIMITS.account_address + 3; i++)
        expect((await login(server, email, TEST_PASSWORD, from)).statusCode).toBe(200);
      for (let i = 0; i < LIMITS.account_address - 1; i++)
        expect((await login(server, email, 'falsch-falsch', from)).statusCode).toBe(401);
      expect((await login(server, email, TEST_PASSWORD, from)).statusCode).toBe(200);
    });

    it('the current-password check of POST /api/session/password is limited, in parallel too', async () => {
      const server = await start();
      const email = await account();
      const from = address();
      const cookie = await signIn(server.app, email);
      const change = (currentPassword: string) =>
        server.app.inject({
          method: 'POST',
          url: '/api/session/password',
          headers: { cookie },
          payload: { currentPassword, password: 'ein-ganz-neues-passwort' },
          remoteAddress: from,
        });
      const statuses = await Promise.all(
        Array.from({ length: 50 }, async () => (await change('falsch-falsch')).statusCode),
      );
      const passed = statuses.filter((status) => status !== 429);
      expect(passed.length).toBeLessThanOrEqual(LIMITS.account_address);
      expect(passed.every((status) => status === 400)).toBe(true);
      // Even the right current password waits now, and a sign-in from that address too.
      const blocked = await change(TEST_PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await login(server, email, TEST_PASSWORD, from)).statusCode).toBe(429);
      // Nothing changed: the old password still opens the account from another address.
      expect((await login(server, email, TEST_PASSWORD, address())).statusCode).toBe(200);
    });

    it('the count is in the database: a second instance and a restart see it', async () => {
      const first = await start();
      const email = await account();
      const from = address();
      for (let i = 0; i < LIMITS.account_address; i++)
        await login(first, email, 'falsch-falsch', from);
      await first.close();
      const second = await start();
      expect((await login(second, email, TEST_PASSWORD, from)).statusCode).toBe(429);
      const rows = await store.query<{ key: string }>('SELECT key FROM login_failures');
      expect(JSON.stringify(rows)).not.toContain(email);
    });
  });
}
