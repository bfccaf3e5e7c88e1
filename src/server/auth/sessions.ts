// Server-side sessions: the cookie carries a random token, the database only its SHA-256. Expiry
// slides: a session used within SESSION_TTL stays alive, refreshed at most once per REFRESH_AFTER.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../store/store';
import type { Role } from './accounts';
import { LAST_SEEN_RESOLUTION_MS, touchDevice } from './devices';
import { SESSION_EPOCH_SQL } from './session-epoch';
import type { TeamSettings } from '../../shared/domain/team-settings';
import {
  settingsFromRow,
  TEAM_SETTINGS_COLUMNS,
  type TeamSettingsRow,
} from '../privacy/team-settings';

export const SESSION_COOKIE = 'feldakte_session';
export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
const REFRESH_AFTER_MS = 24 * 60 * 60_000;

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** `settings`: the team's privacy settings, so the phone knows them offline (issue 12). */
  team: { id: string; name: string; settings: TeamSettings };
  /**
   * Only when true: the account's password is a one-time password, a new one must be set first
   * (issue 14). Read from the account at every check, never copied into the session (issue 22).
   */
  passwordChangeRequired?: true;
}

export interface Session {
  user: SessionUser;
  expiresAt: Date;
  /** True when the expiry moved and the cookie should be sent again. */
  refreshed: boolean;
  /** The device the session was started on (null for a client that sent none). */
  deviceId: string | null;
  /** The session epoch read with it (session-epoch.ts): a sync statement compares it. */
  epoch: number;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Expired sessions are kept this long, so a device coming back after a month hears
 * `session_expired` (sign in again, nothing is wiped) rather than an unknown token.
 */
const EXPIRED_KEPT_MS = 90 * 24 * 60 * 60_000;

export async function startSession(
  db: Queryable,
  userId: string,
  now: Date,
  deviceId: string | null = null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.query('DELETE FROM sessions WHERE expires_at <= $1', [
    new Date(now.getTime() - EXPIRED_KEPT_MS).toISOString(),
  ]);
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, device_id)
     VALUES ($1, $2, $3, $4, $5)`,
    [hashToken(token), userId, now.toISOString(), expiresAt.toISOString(), deviceId],
  );
  return { token, expiresAt };
}

/**
 * Why a session token does not open a session. Only `device_revoked` and `user_disabled` make the
 * phone delete its local data; the others ask to sign in again and keep the outbox.
 */
export type SessionRefusal =
  'not_signed_in' | 'session_expired' | 'device_revoked' | 'user_disabled';

export type SessionCheck = { ok: true; session: Session } | { ok: false; refusal: SessionRefusal };

/** The live session for a token: unknown, expired or disabled users give undefined. */
export async function findSession(
  db: Queryable,
  token: string,
  now: Date,
): Promise<Session | undefined> {
  const check = await checkSession(db, token, now);
  return check.ok ? check.session : undefined;
}

/** The session for a token, or why there is none (disabled before revoked before expired). */
export async function checkSession(db: Queryable, token: string, now: Date): Promise<SessionCheck> {
  const [row] = await db.query<
    TeamSettingsRow & {
      id: string;
      name: string;
      email: string;
      role: Role;
      team_id: string;
      team_name: string;
      expires_at: Date | string;
      disabled: boolean;
      device_id: string | null;
      revoked: boolean;
      device_seen_at: Date | string | null;
      password_change_required: boolean;
      session_epoch: number | string;
    }
  >(
    `SELECT u.id, u.name, u.email, u.role, t.id AS team_id, t.name AS team_name, s.expires_at,
            u.disabled_at IS NOT NULL AS disabled, s.device_id, u.password_change_required,
            d.revoked_at IS NOT NULL AS revoked, d.last_seen_at AS device_seen_at,
            ${SESSION_EPOCH_SQL} AS session_epoch, ${TEAM_SETTINGS_COLUMNS}
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN teams t ON t.id = u.team_id
       LEFT JOIN devices d ON d.user_id = s.user_id AND d.device_id = s.device_id
       LEFT JOIN team_settings ts ON ts.team_id = t.id
      WHERE s.token_hash = $1`,
    [hashToken(token)],
  );
  if (!row) return { ok: false, refusal: 'not_signed_in' };
  if (row.disabled) return { ok: false, refusal: 'user_disabled' };
  if (row.revoked) return { ok: false, refusal: 'device_revoked' };
  if (new Date(row.expires_at).getTime() <= now.getTime()) {
    return { ok: false, refusal: 'session_expired' };
  }
  // Last-seen moves at most once per resolution: most requests need no write (nor round trip).
  const seen = row.device_seen_at === null ? 0 : new Date(row.device_seen_at).getTime();
  if (row.device_id && seen < now.getTime() - LAST_SEEN_RESOLUTION_MS)
    await touchDevice(db, row.id, row.device_id, now);
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
  const user: SessionUser = {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    team: { id: row.team_id, name: row.team_name, settings: settingsFromRow(row) },
    ...(row.password_change_required ? { passwordChangeRequired: true as const } : {}),
  };
  return {
    ok: true,
    session: {
      user,
      expiresAt,
      refreshed,
      deviceId: row.device_id,
      epoch: Number(row.session_epoch),
    },
  };
}

/**
 * Ends every session of the account but the one of `token` (a password change by its owner,
 * issue 22 item 6): their next request is answered 401. The deletion moves the session epoch and
 * notifies every instance (migration 080), so no reused session outlives it either.
 */
export async function endOtherSessions(
  db: Queryable,
  userId: string,
  token: string,
): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [
    userId,
    hashToken(token),
  ]);
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}
