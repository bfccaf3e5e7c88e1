// Password guesses, counted in the database (shared by every server instance, kept across
// restarts) three ways: per account and address (the usual typo), per account across all addresses
// (a guess spread over many addresses or forged X-Forwarded-For hops), and per address across all
// accounts (one address trying many accounts). Over any limit within the window, further attempts
// (even with the right password) get 429 until the oldest counted attempt ages out.
//
// Limits that hold in parallel (issue 22 item 7): an attempt is counted BEFORE its password is
// checked, in one transaction that holds a lock per count (a transaction-level advisory lock, taken
// in a fixed order), so of any number of simultaneous guesses at most the limit get through to the
// password check; the rest are answered 429 without hashing. A password that turns out right takes
// its attempt back (and clears the account's count). The current-password check of
// POST /api/session/password is an attempt like a sign-in.
//
// Table `login_failures` (migrations 050, 081): each attempt is three rows, one per count, keyed by
// a SHA-256 of the count's name and its value (no e-mail or address is stored), and tagged with the
// attempt's random id so a success can take back exactly its own rows.
import { createHash, randomUUID } from 'node:crypto';
import type { Queryable, Store } from '../store/store';

export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LIMITS = { account_address: 5, account: 10, address: 20 } as const;
/** The limit a single device (one account, one address) meets first. */
export const MAX_FAILURES = LIMITS.account_address;

type Scope = keyof typeof LIMITS;

export interface Attempt {
  email: string;
  address: string;
}

interface CountKey {
  scope: Scope;
  key: string;
  /** The advisory lock of this count (any collision only makes two counts wait for each other). */
  lock: number;
}

function keysOf({ email, address }: Attempt): CountKey[] {
  const of = (scope: Scope, text: string): CountKey => {
    const digest = createHash('sha256').update(`${scope}\n${text}`).digest();
    return { scope, key: digest.toString('hex'), lock: digest.readInt32BE(0) };
  };
  return [
    of('account_address', `${email}\n${address}`),
    of('account', email),
    of('address', address),
  ];
}

export type AttemptStart = { ok: true; id: string } | { ok: false; retryAfterMs: number };

/**
 * Counts an attempt before its password is checked. Refused (with the milliseconds until the next
 * attempt is allowed) when any count is full; the refused attempt is not counted.
 */
export async function beginLoginAttempt(
  store: Store,
  attempt: Attempt,
  now: Date,
): Promise<AttemptStart> {
  const keys = keysOf(attempt);
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  return store.transaction(async (tx) => {
    // A fixed order, so two attempts sharing two counts never wait for each other in a cycle.
    for (const { lock } of [...keys].sort((a, b) => a.lock - b.lock))
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtext('feldakte_login ' || current_schema()), $1)`,
        [lock],
      );
    let wait = 0;
    for (const { scope, key } of keys) {
      // The attempt that filled the limit: once it ages out, one more attempt is allowed.
      const [row] = await tx.query<{ failed_at: Date | string }>(
        `SELECT failed_at FROM login_failures WHERE key = $1 AND failed_at > $2
          ORDER BY failed_at DESC LIMIT 1 OFFSET $3`,
        [key, since, LIMITS[scope] - 1],
      );
      if (row) {
        const until = new Date(row.failed_at).getTime() + FAILURE_WINDOW_MS - now.getTime();
        wait = Math.max(wait, until, 1);
      }
    }
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    const id = randomUUID();
    await tx.query(
      `WITH expired AS (DELETE FROM login_failures WHERE failed_at <= $4)
       INSERT INTO login_failures (key, failed_at, attempt_id)
       VALUES ($1, $5, $6), ($2, $5, $6), ($3, $5, $6)`,
      [...keys.map(({ key }) => key), since, now.toISOString(), id],
    );
    return { ok: true, id };
  });
}

/**
 * The password was right: the attempt is taken back, and the account's count (this address and
 * all) is cleared. The address keeps its other failures (one address trying many accounts).
 */
export async function loginAttemptSucceeded(
  db: Queryable,
  attempt: Attempt,
  id: string,
): Promise<void> {
  const [pair, account] = keysOf(attempt);
  await db.query('DELETE FROM login_failures WHERE key = ANY($1::text[]) OR attempt_id = $2', [
    [pair!.key, account!.key],
    id,
  ]);
}
