// Reads the session cookie of a request and writes it on login. The cookie is HttpOnly,
// SameSite=Strict, and Secure whenever the request came over https (directly or, with trustProxy,
// via X-Forwarded-Proto).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store';
import { HttpError, messages } from '../http/api-error';
import { checkSession, SESSION_COOKIE, type Session, type SessionRefusal } from './sessions';
import { keepSession, recentSession, sessionGeneration } from './recent-sessions';

/** 401 bodies: `{"error": <refusal>, "message": <German>}`; the phone wipes on the last two. */
const refusalMessages = {
  not_signed_in: 'notSignedIn',
  session_expired: 'sessionExpired',
  device_revoked: 'deviceRevoked',
  user_disabled: 'userDisabled',
} as const satisfies Record<SessionRefusal, keyof typeof messages>;

/**
 * The request's session, or a 401 HttpError. A session started with a one-time password is
 * refused with 403 `password_change_required` (issue 14) unless the route lets it through
 * (`passwordChange: 'allowed'`: who am I, set the new password). `reuse` (the sync routes only):
 * a session accepted in the last seconds is not looked up again (recent-sessions.ts says what
 * staleness that accepts).
 */
export async function requireSession(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  now: Date,
  { passwordChange, reuse }: { passwordChange?: 'allowed'; reuse?: boolean } = {},
): Promise<Session> {
  const token = request.cookies[SESSION_COOKIE];
  const recent = token && reuse ? recentSession(store, token, now) : undefined;
  if (recent) return recent;
  const generation = sessionGeneration(store);
  const check = token ? await checkSession(store, token, now) : undefined;
  if (!check?.ok) {
    const refusal = check?.refusal ?? 'not_signed_in';
    if (WIPE_REFUSALS.has(refusal)) clearSiteData(reply);
    throw new HttpError(401, refusal, messages[refusalMessages[refusal]]);
  }
  const { session } = check;
  if (session.user.passwordChangeRequired && passwordChange !== 'allowed') {
    throw new HttpError(403, 'password_change_required', messages.passwordChangeRequired);
  }
  if (session.refreshed) setSessionCookie(request, reply, token!, session.expiresAt);
  // Only a session that passed every check is kept (never one that must change its password).
  if (reuse && !session.user.passwordChangeRequired)
    keepSession(store, token!, session, now, generation);
  return session;
}

/** The refusals that make the phone delete its data ([K6]). */
const WIPE_REFUSALS: ReadonlySet<SessionRefusal> = new Set(['device_revoked', 'user_disabled']);

/**
 * A 401 that tells the device to wipe also asks the browser to remove the origin's storage itself
 * ([S7]): IndexedDB's files (not only their entries), OPFS, caches, the service worker. The phone's
 * own wipe still runs where the browser ignores the header (plain http other than localhost).
 */
export function clearSiteData(reply: FastifyReply): void {
  reply.header('Clear-Site-Data', '"storage"');
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/api',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/api',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
}
