// The per-user recovery wrapping secret (issue 11): 256 random bits, made on the first sign-in that
// asks for it and the same afterwards, so every device of the user can re-wrap its data key with it.
//
// Who gets it (issue 22 item 5, [S5]): it opens a device's data without its PIN, so it goes only
// to a THM's device (named by its id, not revoked) right after a sign-in with the account's own
// password: never to a session started with a one-time password (whoever reset the password or
// learnt it could otherwise open a seized phone), never in GET /api/session. Every hand-out is
// recorded with the device (`device_recoveries`) and shown in the console's device list.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../store/store';

/**
 * The secret for `deviceId` (a recorded device, not revoked), its hand-out recorded in the same
 * statement; undefined for any other device.
 */
export async function handOutRecoverySecret(
  db: Queryable,
  userId: string,
  deviceId: string,
  now: Date,
): Promise<string | undefined> {
  const [row] = await db.query<{ wrap_secret: string }>(
    `WITH device AS (
       SELECT user_id, device_id FROM devices
        WHERE user_id = $1 AND device_id = $2 AND revoked_at IS NULL),
     recorded AS (
       INSERT INTO device_recoveries (user_id, device_id, recovered_at)
       SELECT user_id, device_id, $4 FROM device)
     UPDATE users SET wrap_secret = COALESCE(wrap_secret, $3)
      WHERE id = $1 AND EXISTS (SELECT 1 FROM device)
     RETURNING wrap_secret`,
    [userId, deviceId, randomBytes(32).toString('base64url'), now.toISOString()],
  );
  return row?.wrap_secret;
}
