// The server's browser-facing guards (issue 22 items 8 and 2), run on PGlite AND PostgreSQL
// (security-contract.pglite.test.ts, security-contract.pg.test.ts):
// - [S6] every state-changing route refuses a request from another site with 403 and changes
//   nothing; a request with neither Sec-Fetch-Site nor Origin is judged by its credentials alone;
// - the security headers (CSP without inline script, no framing, no referrer, Permissions-Policy).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/shared/sync/protocol';
import {
  addUser,
  newRecordId,
  putCase,
  signIn,
  startTestServer,
  TEST_PASSWORD,
  validCase,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';

/** Every route with its methods, read from Fastify's own route tree. */
function routesOf(tree: string): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─\s]*)(\S.*?) \(([^)]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const url = stack.join('').replace(/:[A-Za-z]+/g, () => randomUUID());
    for (const method of match[3]!.split(', ')) routes.push({ method, url });
  }
  return routes;
}

export function describeSecurityContract(backend: string, makeStore: StoreFactory): void {
  describe(`cross-site guard and security headers on ${backend}`, () => {
    let server: TestServer;
    let admin: string;
    beforeAll(async () => {
      server = await startTestServer({ store: await makeStore() });
      admin = await signIn(
        server.app,
        (await addUser(server.store, { team: 'Verwaltung', role: 'admin' })).email,
      );
    }, 120_000);
    afterAll(() => server?.close());

    const team = () => `Team ${randomUUID().slice(0, 8)}`;
    const HOST = 'feldakte.example.org';
    const post = (url: string, cookie: string, headers: Record<string, string>, payload?: object) =>
      server.app.inject({
        method: 'POST',
        url,
        headers: { host: HOST, cookie, ...headers },
        ...(payload ? { payload } : {}),
      });
    const disabled = async (id: string) =>
      (
        await server.store.query<{ disabled: boolean }>(
          'SELECT disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1',
          [id],
        )
      )[0]!.disabled;

    const foreign: [string, Record<string, string>][] = [
      ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
      ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
      ['another Origin', { origin: 'https://evil.example.net' }],
      ['a sibling Origin', { origin: 'https://intern.example.org' }],
      ['Origin: null', { origin: 'null' }],
      [
        'same-origin Origin but Sec-Fetch-Site cross-site',
        { origin: `https://${HOST}`, 'sec-fetch-site': 'cross-site' },
      ],
    ];

    for (const [label, headers] of foreign) {
      it(`[S6] ${label}: an admin disable without a body is 403 and changes nothing`, async () => {
        const user = await addUser(server.store, { team: team() });
        const response = await post(`/api/admin/users/${user.id}/disable`, admin, headers);
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({
          error: 'cross_site',
          code: 'server.api.crossSite',
        });
        expect(await disabled(user.id)).toBe(false);
      });
    }

    it('[S6] a cross-site password change, reset, revoke, push and sign-out change nothing', async () => {
      const thm = await server.member(team());
      const cross = { 'sec-fetch-site': 'cross-site' };
      const changed = await post('/api/session/password', thm.cookie, cross, {
        currentPassword: TEST_PASSWORD,
        password: 'vom-angreifer-gewaehlt',
      });
      expect(changed.statusCode).toBe(403);
      const reset = await post(`/api/admin/users/${thm.userId}/password`, admin, {
        origin: 'https://evil.example.net',
      });
      expect(reset.statusCode).toBe(403);
      const caseId = newRecordId();
      const pushed = await post('/api/sync/push', thm.cookie, cross, {
        clientId: thm.clientId,
        schemaVersion: SCHEMA_VERSION,
        mutations: [putCase(thm, 1, caseId, validCase())],
      });
      expect(pushed.statusCode).toBe(403);
      const signedOut = await server.app.inject({
        method: 'DELETE',
        url: '/api/session',
        headers: { host: HOST, cookie: thm.cookie, ...cross },
      });
      expect(signedOut.statusCode).toBe(403);
      // Nothing changed: the session lives, the password is the old one, no case was stored.
      const page = await server.pullAll(thm);
      expect(page.changes.filter((change) => change.id === caseId)).toEqual([]);
      expect(page.lastMutationId).toBe(0);
      await signIn(server.app, thm.email, TEST_PASSWORD);
    });

    it('[S6] every state-changing route refuses another site before anything else', async () => {
      const routes = routesOf(server.app.printRoutes({ commonPrefix: false })).filter(
        ({ method }) => !['GET', 'HEAD', 'OPTIONS'].includes(method),
      );
      expect(routes.length).toBeGreaterThan(12);
      for (const { method, url } of routes) {
        const response = await server.app.inject({
          method: method as 'POST',
          url,
          headers: { host: HOST, cookie: admin, 'sec-fetch-site': 'cross-site' },
          payload: {},
        });
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json().error, `${method} ${url}`).toBe('cross_site');
      }
    });

    it('[S6] same-origin, a direct navigation, the own Origin, or neither header pass', async () => {
      for (const headers of <Record<string, string>[]>[
        { 'sec-fetch-site': 'same-origin' },
        { 'sec-fetch-site': 'none' },
        { origin: `https://${HOST}` },
        { origin: `http://${HOST}`, 'sec-fetch-site': 'same-origin' },
        {},
      ]) {
        const user = await addUser(server.store, { team: team() });
        const response = await post(`/api/admin/users/${user.id}/disable`, admin, headers);
        expect(response.statusCode, JSON.stringify(headers)).toBe(200);
        expect(await disabled(user.id)).toBe(true);
      }
      // Neither header and no credentials: refused for the credentials, not the site.
      const user = await addUser(server.store, { team: team() });
      const anonymous = await post(`/api/admin/users/${user.id}/disable`, '', {});
      expect(anonymous.statusCode).toBe(401);
    });

    it('[S6] a cross-site read is not refused by the guard (it changes nothing)', async () => {
      const thm = await server.member(team());
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: { cookie: thm.cookie, 'sec-fetch-site': 'cross-site' },
      });
      expect(response.statusCode).toBe(200);
    });

    it('security headers: CSP without inline script, no framing, no referrer, few permissions', async () => {
      const response = await server.app.inject({ method: 'GET', url: '/api/session' });
      const csp = String(response.headers['content-security-policy']);
      const directives = new Map(
        csp.split(';').map((part) => {
          const [name, ...values] = part.trim().split(/\s+/);
          return [name!, values];
        }),
      );
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      const permissions = String(response.headers['permissions-policy']);
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
        expect(permissions).toContain(`${feature}=()`);
      expect(permissions).toContain('publickey-credentials-get=(self)');
      expect(response.headers['cache-control']).toBe('no-store');
    });
  });
}
