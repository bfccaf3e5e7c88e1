// The per-user recovery wrapping secret (issue 11): 256 random bits, made on the first sign-in that
// asks for it and the same afterwards, so every device of the user can re-wrap its data key with it.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../store/store';

export async function wrapSecret(db: Queryable, userId: string): Promise<string> {
  const [row] = await db.query<{ wrap_secret: string }>(
    `UPDATE users SET wrap_secret = COALESCE(wrap_secret, $2) WHERE id = $1 RETURNING wrap_secret`,
    [userId, randomBytes(32).toString('base64url')],
  );
  if (!row) throw new Error('unknown user');
  return row.wrap_secret;
}
