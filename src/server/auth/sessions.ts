// Server-side sessions: the cookie carries a random token, the database only its SHA-256. Expiry
// slides: a session used within SESSION_TTL stays alive, refreshed at most once per REFRESH_AFTER.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../store/store';
import type { Role } from './accounts';

export const SESSION_COOKIE = 'feldakte_session';
export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
const REFRESH_AFTER_MS = 24 * 60 * 60_000;

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  team: { id: string; name: string };
}

export interface Session {
  user: SessionUser;
  expiresAt: Date;
  /** True when the expiry moved and the cookie should be sent again. */
  refreshed: boolean;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function startSession(
  db: Queryable,
  userId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now.toISOString()]);
  await db.query(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [hashToken(token), userId, now.toISOString(), expiresAt.toISOString()],
  );
  return { token, expiresAt };
}

/** The live session for a token: unknown, expired or disabled users give undefined. */
export async function findSession(
  db: Queryable,
  token: string,
  now: Date,
): Promise<Session | undefined> {
  const [row] = await db.query<{
    id: string;
    name: string;
    email: string;
    role: Role;
    team_id: string;
    team_name: string;
    expires_at: Date | string;
  }>(
    `SELECT u.id, u.name, u.email, u.role, t.id AS team_id, t.name AS team_name, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN teams t ON t.id = u.team_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
    [hashToken(token), now.toISOString()],
  );
  if (!row) return undefined;
  let expiresAt = new Date(row.expires_at);
  let refreshed = false;
  if (expiresAt.getTime() - now.getTime() < SESSION_TTL_MS - REFRESH_AFTER_MS) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    refreshed = true;
    await db.query('UPDATE sessions SET expires_at = $2 WHERE token_hash = $1', [
      hashToken(token),
      expiresAt.toISOString(),
    ]);
  }
  const user = {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    team: { id: row.team_id, name: row.team_name },
  };
  return { user, expiresAt, refreshed };
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}
