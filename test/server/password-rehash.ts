// Password hashes at OWASP's scrypt cost (issue 22 item 12), run on PGlite AND PostgreSQL
// (password-rehash.pglite.test.ts, password-rehash.pg.test.ts): production hashes at N=2^17, r=8,
// p=1; a hash made at another cost is replaced at the next successful sign-in, never at a failed
// one. The suites hash at a test cost (test/support/setup-password-cost.ts); this file switches to
// the production cost where it proves it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  currentPasswordCost,
  hashPassword,
  PRODUCTION_COST,
  usePasswordCostForTests,
  verifyPassword,
} from '../../src/server/auth/password';
import {
  addUser,
  startTestServer,
  TEST_PASSWORD,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';

const run = promisify(execFile);

export function describePasswordRehash(backend: string, makeStore: StoreFactory): void {
  describe(`password hashes at OWASP's scrypt cost on ${backend}`, () => {
    let server: TestServer;
    const testCost = { ...currentPasswordCost() };
    beforeAll(async () => {
      server = await startTestServer({ store: await makeStore() });
    }, 120_000);
    afterAll(() => server?.close());
    afterEach(() => usePasswordCostForTests(testCost));

    const storedHash = async (id: string) =>
      (
        await server.store.query<{ password_hash: string }>(
          'SELECT password_hash FROM users WHERE id = $1',
          [id],
        )
      )[0]!.password_hash;
    const login = (email: string, password: string) =>
      server.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });

    it('the server hashes at N=2^17, r=8, p=1 unless a test lowers it', async () => {
      expect(PRODUCTION_COST).toEqual({ N: 131_072, r: 8, p: 1 });
      // A fresh process, as `npm start` runs it: no test setup, the production cost.
      const { stdout } = await run(process.execPath, [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const m = await import('./src/server/auth/password.ts');
         const hash = await m.hashPassword('ein-langes-passwort');
         console.log(JSON.stringify({ cost: m.currentPasswordCost(), head: hash.split('$').slice(0, 4),
           ok: await m.verifyPassword('ein-langes-passwort', hash) }));`,
      ]);
      expect(JSON.parse(stdout)).toEqual({
        cost: { N: 131_072, r: 8, p: 1 },
        head: ['scrypt', '131072', '8', '1'],
        ok: true,
      });
    });

    it('a hash at another cost is replaced at the next sign-in, at the production cost too', async () => {
      const user = await addUser(server.store, { team: 'Team Kosten' });
      // The hash an account got before (N=2^14).
      usePasswordCostForTests({ N: 2 ** 14, r: 8, p: 1 });
      await server.store.query('UPDATE users SET password_hash = $2 WHERE id = $1', [
        user.id,
        await hashPassword(TEST_PASSWORD),
      ]);
      usePasswordCostForTests(PRODUCTION_COST);
      const old = await storedHash(user.id);
      expect(old).toMatch(/^scrypt\$16384\$8\$1\$/);
      // A wrong password changes nothing.
      expect((await login(user.email, 'falsch-falsch')).statusCode).toBe(401);
      expect(await storedHash(user.id)).toBe(old);
      expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
      const rehashed = await storedHash(user.id);
      expect(rehashed).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(await verifyPassword(TEST_PASSWORD, rehashed)).toBe(true);
      // At the current cost: the next sign-in keeps it.
      expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
      expect(await storedHash(user.id)).toBe(rehashed);
    });

    it('a stored hash with an absurd cost is refused without hashing', async () => {
      expect(await verifyPassword('x', 'scrypt$2097152$8$1$AAAA$AAAA')).toBe(false);
      expect(await verifyPassword('x', 'scrypt$1000$8$1$AAAA$AAAA')).toBe(false);
      expect(await verifyPassword('x', 'bcrypt$10$abc')).toBe(false);
    });
  });
}
