// Sessions checked moments ago, reused by the sync routes only (issue 15): a phone's sync is a push
// and a few pull pages within a second, and each would otherwise look its session up again. Only
// accepted checks are kept, for REUSE_MS; a refusal is always read from the database.
//
// Never stale (issue 22 item 9). Every change that alters a session check (a password, role or
// team change, a disable, a revocation, a session ended) is made known by the database itself
// (migration 080), whoever makes it: this process, another instance, the admin CLI, psql.
// - It notifies `sessions` on the store's notification bus: each app forgets everything it keeps
//   (its own writes are heard before the write resolves; a gap in the bus forgets everything too).
// - It moves the session epoch on: a reused session's epoch is compared by the sync statement
//   itself (session-epoch.ts, sync-routes.ts), so a request that arrives before its instance
//   heard another instance's notification is checked again, not let through.
import type { Store } from '../store/store';
import type { Session } from './sessions';

export const REUSE_MS = 2_000;
/** The bus channel of the session checks' tables (migration 080). */
export const SESSIONS_CHANNEL = 'sessions';
/** Beyond this many kept sessions, expired ones are dropped (then all, if still too many). */
const MAX_KEPT = 10_000;

interface Kept {
  session: Session;
  until: number;
  generation: number;
}

interface Watch {
  kept: Map<string, Kept>;
  generation: number;
  watchers: number;
  stop: () => void;
}

const watches = new WeakMap<Store, Watch>();

/**
 * Starts reuse for `store` (buildApp, once per app; several apps on one store share it). Resolves
 * once the bus is heard; the returned function ends it (app close).
 */
export async function watchSessions(store: Store): Promise<() => void> {
  let watch = watches.get(store);
  if (!watch) {
    const created: Watch = { kept: new Map(), generation: 0, watchers: 0, stop: () => undefined };
    watches.set(store, created);
    watch = created;
    created.stop = await store.listen(SESSIONS_CHANNEL, () => {
      // A change or a gap in the bus: anything kept may be wrong now.
      created.generation++;
      created.kept.clear();
    });
  }
  const mine = watch;
  mine.watchers++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--mine.watchers > 0) return;
    mine.stop();
    if (watches.get(store) === mine) watches.delete(store);
  };
}

/** A session of `token` accepted within REUSE_MS and not since changed, or undefined. */
export function recentSession(store: Store, token: string, now: Date): Session | undefined {
  const watch = watches.get(store);
  if (!watch) return undefined;
  const entry = watch.kept.get(token);
  if (!entry) return undefined;
  const at = now.getTime();
  if (
    entry.generation !== watch.generation ||
    entry.until <= at ||
    entry.session.expiresAt.getTime() <= at
  ) {
    watch.kept.delete(token);
    return undefined;
  }
  return entry.session;
}

/**
 * Keeps an accepted session. `since`: the generation read before the database was asked, so a
 * change heard while the check ran is not kept as fresh.
 */
export function keepSession(
  store: Store,
  token: string,
  session: Session,
  now: Date,
  since: number | undefined,
): void {
  const watch = watches.get(store);
  if (!watch || since !== watch.generation) return;
  if (watch.kept.size >= MAX_KEPT) {
    const at = now.getTime();
    for (const [key, entry] of watch.kept) if (entry.until <= at) watch.kept.delete(key);
    if (watch.kept.size >= MAX_KEPT) watch.kept.clear();
  }
  watch.kept.set(token, {
    session: { ...session, refreshed: false },
    until: now.getTime() + REUSE_MS,
    generation: watch.generation,
  });
}

/** The store's current generation, to pass to keepSession (undefined: nothing is reused). */
export function sessionGeneration(store: Store): number | undefined {
  return watches.get(store)?.generation;
}
