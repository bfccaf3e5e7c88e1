// A scripted stand-in for the server's session and sync endpoints, installed as global fetch:
// enough protocol for the sign-in gate and the scheduler (accepts pushes, pulls nothing).
import { vi } from 'vitest';
import type { SessionUser } from '../../../src/shared/sync/protocol';
import { TEST_RECOVERY_SECRET } from '../../support/real-keys';

export interface FakeApi {
  /** Who the session cookie belongs to; null = no or expired session. */
  session: SessionUser | null;
  /** Accounts that can sign in: e-mail -> [password, user]. */
  accounts: Map<string, [string, SessionUser]>;
  offline: boolean;
  /** Highest mutation id accepted (one device per test). */
  lastMutationId: number;
  calls: { method: string; path: string }[];
  /** Every request answers 401 with this code (a revoked device, a disabled account). */
  revoked: 'device_revoked' | 'user_disabled' | null;
}

export function installFakeApi(initial: Partial<FakeApi> = {}): FakeApi {
  const api: FakeApi = {
    session: null,
    accounts: new Map(),
    offline: false,
    lastMutationId: 0,
    calls: [],
    revoked: null,
    ...initial,
  };
  const json = (status: number, body: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  const unauthorized = () => json(401, { error: 'unauthorized', message: 'Bitte anmelden.' });

  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const path = new URL(String(input), 'http://app.test').pathname;
      const method = init.method ?? 'GET';
      api.calls.push({ method, path });
      if (api.offline) throw new TypeError('Failed to fetch');
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      if (api.revoked) return json(401, { error: api.revoked, message: 'Gesperrt.' });
      if (path === '/api/session') {
        if (method === 'GET')
          return api.session ? json(200, { user: api.session }) : unauthorized();
        if (method === 'DELETE') {
          api.session = null;
          return new Response(null, { status: 204 });
        }
        const account = api.accounts.get(body.email);
        if (!account || account[0] !== body.password) {
          return json(401, { error: 'login_failed', message: 'E-Mail oder Passwort falsch.' });
        }
        api.session = account[1];
        // Like the server ([S5]): no recovery secret to a sign-in with a one-time password.
        if (account[1].passwordChangeRequired) return json(200, { user: account[1] });
        return json(200, { user: account[1], recoverySecret: TEST_RECOVERY_SECRET });
      }
      if (!api.session) return unauthorized();
      // Issue 14: a session started with a one-time password may only set its own password.
      if (path === '/api/session/password' && method === 'POST') {
        const account = [...api.accounts.values()].find(([, user]) => user.id === api.session!.id);
        if (account) account[0] = body.password;
        const { passwordChangeRequired: _done, ...user } = api.session;
        api.session = user;
        if (account) account[1] = user;
        return json(200, { user });
      }
      if (api.session.passwordChangeRequired) {
        return json(403, {
          error: 'password_change_required',
          message: 'Bitte legen Sie zuerst ein neues Passwort fest.',
        });
      }
      if (path === '/api/sync/push') {
        const ids = (body.mutations as { id: number }[]).map((mutation) => mutation.id);
        api.lastMutationId = Math.max(api.lastMutationId, ...ids);
        return json(200, {
          lastMutationId: api.lastMutationId,
          results: ids.map((id) => ({ id, status: 'applied' })),
        });
      }
      if (path === '/api/sync/pull') {
        return json(200, {
          changes: [],
          cursor: body.cursor ?? 0,
          hasMore: false,
          lastMutationId: api.lastMutationId,
        });
      }
      return json(404, { error: 'not_found', message: 'Nicht gefunden.' });
    }),
  );
  return api;
}
