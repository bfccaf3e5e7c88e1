// POST/GET/DELETE /api/session: sign in, who am I, sign out.
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { SessionUser } from '../../shared/sync/protocol';
import type { Store } from '../store/store';
import { HttpError, messages } from '../http/api-error';
import { LoginLimiter } from '../auth/login-limiter';
import { normaliseEmail } from '../auth/accounts';
import { UNKNOWN_USER_HASH, verifyPassword } from '../auth/password';
import { endSession, findSession, SESSION_COOKIE, startSession } from '../auth/sessions';
import { clearSessionCookie, requireSession, setSessionCookie } from '../auth/request-session';

const noNul = v.check((text: string) => !text.includes('\0'));
const loginSchema = v.object({
  email: v.pipe(v.string(), v.maxLength(320), noNul),
  password: v.pipe(v.string(), v.maxLength(1_000), noNul),
});

export function sessionRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const limiter = new LoginLimiter();

  app.post('/api/session', async (request, reply) => {
    const parsed = v.safeParse(loginSchema, request.body);
    if (!parsed.success)
      throw new HttpError(400, 'invalid_request', 'Bitte E-Mail-Adresse und Passwort angeben.');
    const email = normaliseEmail(parsed.output.email);
    const key = `${email}|${request.ip}`;
    const at = now();
    const wait = limiter.retryAfter(key, at.getTime());
    if (wait > 0) {
      reply.header('Retry-After', Math.ceil(wait / 1000));
      throw new HttpError(429, 'too_many_attempts', messages.tooManyLogins);
    }
    const [user] = await store.query<{ id: string; password_hash: string; disabled: boolean }>(
      'SELECT id, password_hash, disabled_at IS NOT NULL AS disabled FROM users WHERE email = $1',
      [email],
    );
    // Hash even for unknown e-mails, so the answer time does not reveal who has an account.
    const valid = await verifyPassword(
      parsed.output.password,
      user?.password_hash ?? UNKNOWN_USER_HASH,
    );
    if (!user || !valid || user.disabled) {
      limiter.fail(key, at.getTime());
      throw new HttpError(401, 'login_failed', messages.loginFailed);
    }
    limiter.succeed(key);
    const { token, expiresAt } = await startSession(store, user.id, at);
    setSessionCookie(request, reply, token, expiresAt);
    const session = await findSession(store, token, at);
    if (!session) throw new HttpError(500, 'internal', messages.internal);
    return { user: session.user satisfies SessionUser };
  });

  app.get('/api/session', async (request, reply) => {
    const session = await requireSession(store, request, reply, now());
    return { user: session.user satisfies SessionUser };
  });

  app.delete('/api/session', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(store, token);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });
}
