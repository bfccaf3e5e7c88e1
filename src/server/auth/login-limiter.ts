// Failed logins per e-mail + IP address: after MAX_FAILURES within the window, further attempts
// (even with the right password) are refused with 429 until the oldest of them ages out.
// Kept in PostgreSQL (table login_failures), so several server instances behind one proxy share
// the limit and a restart does not reset it. The key is hashed: no e-mail or IP in the table.
import { createHash } from 'node:crypto';
import type { Queryable } from '../store/store';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export class LoginLimiter {
  constructor(private readonly db: Queryable) {}

  /** Milliseconds until the next attempt is allowed, or 0. */
  async retryAfter(key: string, nowMs: number): Promise<number> {
    const recent = await this.db.query<{ failed_at: Date | string }>(
      `SELECT failed_at FROM login_failures WHERE key = $1 AND failed_at > $2
       ORDER BY failed_at DESC LIMIT $3`,
      [hashed(key), new Date(nowMs - FAILURE_WINDOW_MS), MAX_FAILURES],
    );
    if (recent.length < MAX_FAILURES) return 0;
    const oldest = new Date(recent[MAX_FAILURES - 1]!.failed_at).getTime();
    return Math.max(1, oldest + FAILURE_WINDOW_MS - nowMs);
  }

  async fail(key: string, nowMs: number): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE failed_at <= $1', [
      new Date(nowMs - FAILURE_WINDOW_MS),
    ]);
    await this.db.query('INSERT INTO login_failures (key, failed_at) VALUES ($1, $2)', [
      hashed(key),
      new Date(nowMs),
    ]);
  }

  async succeed(key: string): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE key = $1', [hashed(key)]);
  }
}

function hashed(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
