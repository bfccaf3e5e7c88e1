// [E1] one sync at a time per database across tabs and the service worker. Web Locks are shared by
// every page and worker of the origin; where they are missing (Node tests, very old browsers) an
// in-process queue still keeps two syncs of this context from interleaving.

export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const localQueues = new Map<string, Promise<unknown>>();

export function syncLockName(dbName: string): string {
  return `feldakte-sync-${dbName}`;
}

export function withSyncLock<T>(
  name: string,
  run: () => Promise<T>,
  locks: LockManagerLike | undefined = webLocks(),
): Promise<T> {
  if (locks) return locks.request(name, run);
  const previous = localQueues.get(name) ?? Promise.resolve();
  const result = previous.then(run, run);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  localQueues.set(name, settled);
  void settled.then(() => {
    if (localQueues.get(name) === settled) localQueues.delete(name);
  });
  return result;
}

function webLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks;
}
