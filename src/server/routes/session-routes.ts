// POST/GET/DELETE /api/session: sign in, who am I, sign out.
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as v from 'valibot';
import type { SessionUser } from '../../shared/sync/protocol';
import type { Store } from '../store/store';
import { HttpError, messages } from '../http/api-error';
import { beginLoginAttempt, loginAttemptSucceeded, type Attempt } from '../auth/login-limiter';
import { MIN_PASSWORD_LENGTH, normaliseEmail } from '../auth/accounts';
import { hashPassword, needsRehash, unknownUserHash, verifyPassword } from '../auth/password';
import {
  endOtherSessions,
  endSession,
  findSession,
  SESSION_COOKIE,
  startSession,
} from '../auth/sessions';
import {
  clearSessionCookie,
  clearSiteData,
  requireSession,
  setSessionCookie,
} from '../auth/request-session';
import {
  cleanDeviceName,
  DEVICE_ID_PATTERN,
  recordDeviceSignIn,
  renameDevice,
} from '../auth/devices';
import { handOutRecoverySecret } from '../auth/wrap-secret';
import { currentSealKey } from '../sync/seal-keys';
import { issueMessage, key, message } from '../../shared/i18n/message';

const noNul = v.check((text: string) => !text.includes('\0'));
const loginSchema = v.object({
  email: v.pipe(v.string(), v.maxLength(320), noNul),
  password: v.pipe(v.string(), v.maxLength(1_000), noNul),
  /** A UUID the device made once; without it the session belongs to no device (older clients). */
  deviceId: v.optional(v.string()),
  deviceName: v.optional(v.pipe(v.string(), v.maxLength(1_000))),
});

const passwordSchema = v.object({
  password: v.pipe(
    v.string(key('server.session.newPasswordMissing')),
    v.minLength(MIN_PASSWORD_LENGTH, key('server.session.newPasswordTooShort')),
    v.maxLength(1_000, key('server.session.newPasswordTooLong')),
    noNul,
  ),
  /** Needed unless the session was started with a one-time password. */
  currentPassword: v.optional(
    v.pipe(
      v.string(key('server.session.currentPasswordInvalid')),
      v.maxLength(1_000, key('server.session.currentPasswordInvalid')),
    ),
  ),
});

const deviceNameSchema = v.object({ name: v.pipe(v.string(), v.maxLength(1_000)) });

export function sessionRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  /** Counts a password guess before it is checked (login-limiter.ts); 429 over the limit. */
  const countAttempt = async (attempt: Attempt, at: Date, reply: FastifyReply) => {
    const start = await beginLoginAttempt(store, attempt, at);
    if (!start.ok) {
      reply.header('Retry-After', Math.ceil(start.retryAfterMs / 1000));
      throw new HttpError(429, 'too_many_attempts', messages.tooManyLogins);
    }
    return start.id;
  };

  app.post('/api/session', async (request, reply) => {
    const parsed = v.safeParse(loginSchema, request.body);
    if (!parsed.success)
      throw new HttpError(400, 'invalid_request', message('server.session.credentialsMissing'));
    const { deviceId } = parsed.output;
    if (deviceId !== undefined && !DEVICE_ID_PATTERN.test(deviceId))
      throw new HttpError(400, 'invalid_device', messages.invalidDevice);
    const email = normaliseEmail(parsed.output.email);
    // request.ip honours TRUST_PROXY hops: behind a proxy, never the client's own first hop.
    const attempt = { email, address: request.ip };
    const at = now();
    const attemptId = await countAttempt(attempt, at, reply);
    const [user] = await store.query<{
      id: string;
      role: string;
      password_hash: string;
      disabled: boolean;
      one_time: boolean;
    }>(
      `SELECT id, role, password_hash, disabled_at IS NOT NULL AS disabled,
              password_change_required AS one_time
         FROM users WHERE email = $1`,
      [email],
    );
    // Hash even for unknown e-mails, so the answer time does not reveal who has an account.
    const valid = await verifyPassword(
      parsed.output.password,
      user?.password_hash ?? unknownUserHash(),
    );
    // A wrong password keeps its counted attempt.
    if (!user || !valid || user.disabled)
      throw new HttpError(401, 'login_failed', messages.loginFailed);
    await loginAttemptSucceeded(store, attempt, attemptId);
    // A hash from before the current cost (issue 22 item 12) is replaced now that the password is
    // at hand; unless the password changed meanwhile.
    if (needsRehash(user.password_hash)) {
      await store.query(
        'UPDATE users SET password_hash = $2 WHERE id = $1 AND password_hash = $3',
        [user.id, await hashPassword(parsed.output.password), user.password_hash],
      );
    }
    const device = deviceId?.toLowerCase() ?? null;
    if (
      device &&
      !(await recordDeviceSignIn(
        store,
        user.id,
        device,
        cleanDeviceName(parsed.output.deviceName),
        at,
      ))
    ) {
      clearSiteData(reply);
      throw new HttpError(401, 'device_revoked', messages.deviceRevoked);
    }
    const { token, expiresAt } = await startSession(store, user.id, at, device);
    setSessionCookie(request, reply, token, expiresAt);
    const session = await findSession(store, token, at);
    if (!session) throw new HttpError(500, 'internal', messages.internal);
    // Only here, after the account's own password was checked online, to a THM's device that is
    // not revoked ([S5]): unwraps the device's data key without the PIN (issue 11). Never to a
    // one-time password, never in GET, never logged; every hand-out is recorded.
    const recoverySecret =
      device && user.role === 'thm' && !user.one_time
        ? await handOutRecoverySecret(store, user.id, device, at)
        : undefined;
    return {
      user: session.user satisfies SessionUser,
      ...(recoverySecret ? { recoverySecret } : {}),
      sealKey: await currentSealKey(store, at),
    };
  });

  app.get('/api/session', async (request, reply) => {
    const at = now();
    const session = await requireSession(store, request, reply, at, { passwordChange: 'allowed' });
    return { user: session.user satisfies SessionUser, sealKey: await currentSealKey(store, at) };
  });

  // The owner sets their own password: after a sign-in with a one-time password (issue 14), or
  // any time with the current one. Nothing is stored on bad input.
  app.post('/api/session/password', async (request, reply) => {
    const at = now();
    const session = await requireSession(store, request, reply, at, { passwordChange: 'allowed' });
    const parsed = v.safeParse(passwordSchema, request.body);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const field = issue.path?.[0]?.key === 'currentPassword' ? 'currentPassword' : 'password';
      throw new HttpError(400, 'invalid_password', issueMessage(issue), { field });
    }
    const { password, currentPassword } = parsed.output;
    const [row] = await store.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [session.user.id],
    );
    const forced = session.user.passwordChangeRequired === true;
    if (!forced) {
      // The current password is a guess like a sign-in: counted first, on the same limits.
      const attempt = { email: session.user.email, address: request.ip };
      const attemptId = await countAttempt(attempt, at, reply);
      if (!(await verifyPassword(currentPassword ?? '', row!.password_hash))) {
        throw new HttpError(400, 'wrong_password', message('server.session.wrongPassword'), {
          field: 'currentPassword',
        });
      }
      await loginAttemptSucceeded(store, attempt, attemptId);
    }
    if (await verifyPassword(password, row!.password_hash)) {
      throw new HttpError(400, 'same_password', message('server.session.samePassword'), {
        field: 'password',
      });
    }
    const token = request.cookies[SESSION_COOKIE]!;
    // Hashed before the transaction: half a second of scrypt must not hold it (on PGlite, every
    // other query would wait).
    const hash = await hashPassword(password);
    await store.transaction(async (tx) => {
      await tx.query(
        'UPDATE users SET password_hash = $2, password_change_required = false WHERE id = $1',
        [session.user.id, hash],
      );
      // Whoever else holds a session of this account (a lost phone, someone who learnt the old
      // password) is signed out at once (issue 22 item 6).
      await endOtherSessions(tx, session.user.id, token);
    });
    const changed = await findSession(store, token, at);
    if (!changed) throw new HttpError(500, 'internal', messages.internal);
    reply.header('cache-control', 'no-store');
    return { user: changed.user satisfies SessionUser };
  });

  // The THM names this device (at PIN set-up, issue 27 item 8): the admin's device list then tells
  // two phones apart. Only the session's own device, never another one.
  app.patch('/api/session/device', async (request, reply) => {
    const at = now();
    const session = await requireSession(store, request, reply, at);
    const parsed = v.safeParse(deviceNameSchema, request.body);
    const name = parsed.success ? cleanDeviceName(parsed.output.name) : '';
    if (!name)
      throw new HttpError(400, 'invalid_device_name', message('server.session.deviceNameMissing'));
    if (!session.deviceId || !(await renameDevice(store, session.user.id, session.deviceId, name)))
      throw new HttpError(409, 'no_device', message('server.session.noDevice'));
    return { name };
  });

  app.delete('/api/session', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(store, token);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });
}
