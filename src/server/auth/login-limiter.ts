// Failed sign-ins, counted in the database (shared by every server instance, kept across restarts)
// three ways: per account and address (the usual typo), per account across all addresses (a guess
// spread over many addresses or forged X-Forwarded-For hops), and per address across all accounts
// (one address trying many accounts). Over any limit within the window, further attempts (even with
// the right password) get 429 until the oldest counted failure ages out. Table `login_failures`
// (migration 050): each failure is three rows, one per count, keyed by a SHA-256 of the count's
// name and its value, so no e-mail or address is stored.
import { createHash } from 'node:crypto';
import type { Queryable } from '../store/store';

export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LIMITS = { account_address: 5, account: 10, address: 20 } as const;
/** The limit a single device (one account, one address) meets first. */
export const MAX_FAILURES = LIMITS.account_address;

type Scope = keyof typeof LIMITS;

export interface Attempt {
  email: string;
  address: string;
}

function keysOf({ email, address }: Attempt): [Scope, string][] {
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  return [
    ['account_address', hash(`account_address\n${email}\n${address}`)],
    ['account', hash(`account\n${email}`)],
    ['address', hash(`address\n${address}`)],
  ];
}

/** Milliseconds until the next attempt is allowed, or 0. */
export async function loginRetryAfter(db: Queryable, attempt: Attempt, now: Date): Promise<number> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  let wait = 0;
  for (const [scope, key] of keysOf(attempt)) {
    // The failure that filled the limit: once it ages out, one more attempt is allowed.
    const [row] = await db.query<{ failed_at: Date | string }>(
      `SELECT failed_at FROM login_failures WHERE key = $1 AND failed_at > $2
        ORDER BY failed_at DESC LIMIT 1 OFFSET $3`,
      [key, since, LIMITS[scope] - 1],
    );
    if (row) {
      const until = new Date(row.failed_at).getTime() + FAILURE_WINDOW_MS - now.getTime();
      wait = Math.max(wait, until, 1);
    }
  }
  return wait;
}

export async function recordLoginFailure(
  db: Queryable,
  attempt: Attempt,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const keys = keysOf(attempt);
  await db.query(
    `WITH expired AS (DELETE FROM login_failures WHERE failed_at <= $4)
     INSERT INTO login_failures (key, failed_at) VALUES ($1, $5), ($2, $5), ($3, $5)`,
    [...keys.map(([, key]) => key), new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString(), at],
  );
}

/** A successful sign-in clears the account's failures; the address keeps its count. */
export async function clearLoginFailures(db: Queryable, attempt: Attempt): Promise<void> {
  const [pair, account] = keysOf(attempt);
  await db.query('DELETE FROM login_failures WHERE key = ANY($1::text[])', [
    [pair![1], account![1]],
  ]);
}
