// The unwrapped data keys, in memory only ([K2]): per database name, never in storage, never
// logged. Locking drops the key (and zero-fills the bytes) so no code path can read records until
// the next unlock. Listeners learn about lock/unlock (the case search index, the lock screen).

const keys = new Map<string, Uint8Array>();
const listeners = new Set<(dbName: string, unlocked: boolean) => void>();

export function dataKeyOf(dbName: string): Uint8Array | undefined {
  return keys.get(dbName);
}

export function isUnlocked(dbName: string): boolean {
  return keys.has(dbName);
}

export function holdDataKey(dbName: string, key: Uint8Array): void {
  keys.set(dbName, key);
  for (const listener of listeners) listener(dbName, true);
}

export function dropDataKey(dbName: string): void {
  const key = keys.get(dbName);
  if (!key) return;
  key.fill(0);
  keys.delete(dbName);
  for (const listener of listeners) listener(dbName, false);
}

export function onKeyChange(listener: (dbName: string, unlocked: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
