// Failed logins per e-mail + IP address: after MAX_FAILURES within the window, further attempts
// (even with the right password) are refused with 429 until the oldest failure ages out.
// Kept in memory: a restart forgets it, which only gives an attacker a few more guesses.

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Bounds memory under a flood of distinct keys. */
const MAX_KEYS = 10_000;

export class LoginLimiter {
  private failures = new Map<string, number[]>();

  /** Milliseconds until the next attempt is allowed, or 0. */
  retryAfter(key: string, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    if (recent.length < MAX_FAILURES) return 0;
    return recent[recent.length - MAX_FAILURES]! + FAILURE_WINDOW_MS - nowMs;
  }

  fail(key: string, nowMs: number): void {
    if (this.failures.size >= MAX_KEYS && !this.failures.has(key)) this.prune(nowMs);
    if (this.failures.size >= MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
    this.failures.set(key, [...this.recent(key, nowMs), nowMs]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > nowMs - FAILURE_WINDOW_MS);
  }

  private prune(nowMs: number): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key, nowMs).length === 0) this.failures.delete(key);
    }
  }
}
