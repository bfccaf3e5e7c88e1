// How long the scheduler waits before retrying a failed sync ([E3]). Full jitter (a random delay
// between 0 and the capped exponential) keeps a team's phones from retrying in step after an outage.

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** Returns a number in [0, 1); injectable for tests. */
  random?: () => number;
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** The cap for the n-th consecutive failure (1-based): 2 s, 4 s, 8 s, ... up to 5 min. */
export function backoffCeiling(failures: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BACKOFF_BASE_MS;
  const max = options.maxMs ?? BACKOFF_MAX_MS;
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  return Math.min(max, base * 2 ** exponent);
}

/** The delay before the next attempt after `failures` consecutive failures. */
export function backoffDelay(failures: number, options: BackoffOptions = {}): number {
  const random = options.random ?? Math.random;
  return Math.floor(random() * backoffCeiling(failures, options));
}
