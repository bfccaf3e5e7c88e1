// The devices of a user (issue 11): recorded at sign-in, listed and revoked by the admin (CLI and
// console). A revoked device's sessions stay in the table so that its next request learns WHY it is
// refused (401 device_revoked) and wipes its local database; deleting them would only say "signed out".
import '../../shared/i18n/messages-console';
import type { Queryable } from '../store/store';
import { normaliseEmail } from '../../shared/domain/account';
import { AccountError } from './account-error';

export interface Device {
  deviceId: string;
  name: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  /** How often the recovery secret went to this device (issue 22 item 5), and when last. */
  recoveries: number;
  lastRecoveryAt: Date | null;
}

/** Last-seen is written at most this often per device (not on every request). */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export const DEVICE_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_DEVICE_NAME = 100;

/** A device name as stored: trimmed, control characters out, at most MAX_DEVICE_NAME. */
export function cleanDeviceName(name: string | undefined): string {
  return (name ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .slice(0, MAX_DEVICE_NAME);
}

/**
 * Records a sign-in from `deviceId` (first seen now, or last seen and a new name). Returns false,
 * and records nothing, when the device is revoked: a revoked device never signs in again under its id.
 */
export async function recordDeviceSignIn(
  db: Queryable,
  userId: string,
  deviceId: string,
  name: string,
  now: Date,
): Promise<boolean> {
  const rows = await db.query<{ revoked: boolean }>(
    `INSERT INTO devices (user_id, device_id, name, first_seen_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (user_id, device_id) DO UPDATE
       SET last_seen_at = EXCLUDED.last_seen_at,
           name = CASE WHEN EXCLUDED.name = '' THEN devices.name ELSE EXCLUDED.name END
       WHERE devices.revoked_at IS NULL
     RETURNING revoked_at IS NOT NULL AS revoked`,
    [userId, deviceId.toLowerCase(), name, now.toISOString()],
  );
  return rows.length === 1;
}

/** Renames a device of `userId` (the THM names it at PIN set-up); a revoked one keeps its name. */
export async function renameDevice(
  db: Queryable,
  userId: string,
  deviceId: string,
  name: string,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE devices SET name = $3
     WHERE user_id = $1 AND device_id = $2 AND revoked_at IS NULL
     RETURNING device_id`,
    [userId, deviceId.toLowerCase(), name],
  );
  return rows.length === 1;
}

/** Moves last-seen forward (called on authenticated requests, at most once per resolution). */
export async function touchDevice(
  db: Queryable,
  userId: string,
  deviceId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE devices SET last_seen_at = $3
      WHERE user_id = $1 AND device_id = $2 AND last_seen_at < $4`,
    [
      userId,
      deviceId,
      now.toISOString(),
      new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS).toISOString(),
    ],
  );
}

/** Every device of the user with this e-mail, most recently seen first. */
export async function listDevices(db: Queryable, email: string): Promise<Device[]> {
  const userId = await userIdOf(db, email);
  const rows = await db.query<{
    device_id: string;
    name: string;
    first_seen_at: Date | string;
    last_seen_at: Date | string;
    revoked_at: Date | string | null;
    recoveries: number | string;
    last_recovery_at: Date | string | null;
  }>(
    `SELECT d.device_id, d.name, d.first_seen_at, d.last_seen_at, d.revoked_at,
            count(r.recovered_at) AS recoveries, max(r.recovered_at) AS last_recovery_at
       FROM devices d
       LEFT JOIN device_recoveries r ON r.user_id = d.user_id AND r.device_id = d.device_id
      WHERE d.user_id = $1
      GROUP BY d.user_id, d.device_id
      ORDER BY d.last_seen_at DESC, d.device_id`,
    [userId],
  );
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return rows.map((row) => ({
    deviceId: row.device_id,
    name: row.name,
    firstSeenAt: new Date(row.first_seen_at),
    lastSeenAt: new Date(row.last_seen_at),
    revokedAt: date(row.revoked_at),
    recoveries: Number(row.recoveries),
    lastRecoveryAt: date(row.last_recovery_at),
  }));
}

/**
 * Revokes one device of the user: its next request answers 401 device_revoked and the phone deletes
 * its local data. Revoking twice keeps the first time. Throws a German error for an unknown device.
 */
export async function revokeDevice(
  db: Queryable,
  email: string,
  deviceId: string,
  now = new Date(),
): Promise<void> {
  const userId = await userIdOf(db, email);
  const rows = await db.query(
    `UPDATE devices SET revoked_at = COALESCE(revoked_at, $3)
      WHERE user_id = $1 AND device_id = $2 RETURNING device_id`,
    [userId, deviceId.trim().toLowerCase(), now.toISOString()],
  );
  if (rows.length === 0) {
    throw new AccountError('missing', 'server.account.deviceMissing', {
      device: deviceId,
      email: normaliseEmail(email),
    });
  }
}

/** Revokes every device of a user (part of disabling the account). */
export async function revokeAllDevices(db: Queryable, userId: string, now: Date): Promise<void> {
  await db.query('UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE user_id = $1', [
    userId,
    now.toISOString(),
  ]);
}

async function userIdOf(db: Queryable, email: string): Promise<string> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
    normaliseEmail(email),
  ]);
  if (!row)
    throw new AccountError('missing', 'server.account.userMissing', {
      email: normaliseEmail(email),
    });
  return row.id;
}
