// Reads the session cookie of a request and writes it on login. The cookie is HttpOnly,
// SameSite=Strict, and Secure whenever the request came over https (directly or, with trustProxy,
// via X-Forwarded-Proto).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store';
import { HttpError, messages } from '../http/api-error';
import { findSession, SESSION_COOKIE, type Session } from './sessions';

export async function requireSession(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  now: Date,
): Promise<Session> {
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await findSession(store, token, now) : undefined;
  if (!session) throw new HttpError(401, 'not_signed_in', messages.notSignedIn);
  if (session.refreshed) setSessionCookie(request, reply, token!, session.expiresAt);
  return session;
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
