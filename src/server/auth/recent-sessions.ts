// Sessions checked moments ago, reused by the sync routes only (issue 15): a phone's sync is a push
// and a few pull pages within a second, and each would otherwise look its session up again. Only
// accepted checks are kept, for REUSE_MS; a refusal is always read from the database.
//
// What staleness this accepts: a change made through this process (revoke a device, disable a
// user, change a role or a password, sign out; see forgetRecentSessions callers) ends reuse at
// once. A revocation or a disabled account written elsewhere (the other instance, the admin CLI
// on PostgreSQL) ends it as soon as the database's notice arrives (sync/poke.ts, [N3]); other
// changes made elsewhere (role, password, sign-out) reach sync requests of this process after at
// most REUSE_MS. Every other route (session, reports, admin, privacy) reads the database each time.
import type { Store } from '../store/store';
import type { Session } from './sessions';

export const REUSE_MS = 2_000;
/** Beyond this many kept sessions, expired ones are dropped (then all, if still too many). */
const MAX_KEPT = 10_000;

interface Kept {
  session: Session;
  until: number;
  generation: number;
}

const kept = new WeakMap<Store, Map<string, Kept>>();
let generation = 0;

/** A session of `token` accepted within REUSE_MS and not since forgotten, or undefined. */
export function recentSession(store: Store, token: string, now: Date): Session | undefined {
  const entry = kept.get(store)?.get(token);
  if (!entry) return undefined;
  const at = now.getTime();
  if (
    entry.generation !== generation ||
    entry.until <= at ||
    entry.session.expiresAt.getTime() <= at
  ) {
    kept.get(store)!.delete(token);
    return undefined;
  }
  return entry.session;
}

/**
 * Keeps an accepted session. `since`: the generation read before the database was asked, so a
 * change forgotten while the check ran is not kept as fresh.
 */
export function keepSession(
  store: Store,
  token: string,
  session: Session,
  now: Date,
  since: number,
): void {
  if (since !== generation) return;
  let sessions = kept.get(store);
  if (!sessions) kept.set(store, (sessions = new Map()));
  if (sessions.size >= MAX_KEPT) {
    const at = now.getTime();
    for (const [key, entry] of sessions) if (entry.until <= at) sessions.delete(key);
    if (sessions.size >= MAX_KEPT) sessions.clear();
  }
  sessions.set(token, {
    session: { ...session, refreshed: false },
    until: now.getTime() + REUSE_MS,
    generation,
  });
}

/** The current generation, to pass to keepSession. */
export function sessionGeneration(): number {
  return generation;
}

/**
 * Ends reuse of every kept session (of every store): called after any write that changes what a
 * session check answers. Such writes are rare, so forgetting all is simpler than finding the one.
 */
export function forgetRecentSessions(): void {
  generation++;
}
