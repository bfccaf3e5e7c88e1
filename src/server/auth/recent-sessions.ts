// Sessions checked moments ago, reused by the sync routes only (issue 15): a phone's sync is a push
// and a few pull pages within a second, and each would otherwise look its session up again. Only
// accepted checks are kept, for REUSE_MS; a refusal is always read from the database.
//
// Never stale (issue 22 item 9). Every change that alters a session check (a password, role or
// team change, a disable, a revocation, a session ended) is made known by the database itself
// (migration 080), whoever makes it: this process, another instance, the admin CLI, psql.
// - It notifies `sessions_channel()` (store.listen): each app forgets everything it keeps, and
//   so does a LISTEN connection that was lost and is back (notices may have been missed).
// - It moves the session epoch on: a reused session's epoch is compared by the sync statement
//   itself (session-epoch.ts, sync-routes.ts), so a request that arrives before its instance heard
//   the notice (another instance's change, or the LISTEN connection down) is checked again, not
//   let through. The notice saves that second look; the epoch is what makes reuse exact.
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

interface Watch {
  kept: Map<string, Kept>;
  generation: number;
  watchers: number;
  stop: () => Promise<void>;
}

const watches = new WeakMap<Store, Watch>();

/**
 * Starts reuse for `store` (buildApp, once per app; several apps on one store share it). Resolves
 * once the bus is heard; the returned function ends it (app close).
 */
export async function watchSessions(store: Store): Promise<() => Promise<void>> {
  let watch = watches.get(store);
  if (!watch) {
    const created: Watch = {
      kept: new Map(),
      generation: 0,
      watchers: 0,
      stop: async () => undefined,
    };
    watches.set(store, created);
    watch = created;
    // A change, or notices that may have been missed: anything kept may be wrong now.
    const forget = () => {
      created.generation++;
      created.kept.clear();
    };
    const [{ channel }] = (await store.query<{ channel: string }>(
      'SELECT sessions_channel() AS channel',
    )) as [{ channel: string }];
    created.stop = await store.listen(channel, forget, forget);
  }
  const mine = watch;
  mine.watchers++;
  let ended = false;
  return async () => {
    if (ended) return;
    ended = true;
    if (--mine.watchers > 0) return;
    if (watches.get(store) === mine) watches.delete(store);
    await mine.stop();
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
