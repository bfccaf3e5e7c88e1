// Storage use and persistence of this origin (IndexedDB holds every case on the device). A
// browser may evict non-persistent storage under pressure, unsynced changes included, so the app
// asks for persistence and shows its state.
export interface StorageState {
  usage: number | null;
  quota: number | null;
  /** null where the browser cannot tell or protect the data. */
  persisted: boolean | null;
}

export async function readStorageState(
  storage: StorageManager | undefined = navigator.storage,
): Promise<StorageState> {
  if (!storage) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    storage.estimate?.().catch(() => undefined),
    storage.persisted?.().catch(() => null) ?? Promise.resolve(null),
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/** Asks for persistent storage; resolves whether the data are now persistent (null: unsupported). */
export async function requestPersistence(
  storage: StorageManager | undefined = navigator.storage,
): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    return await storage.persist();
  } catch {
    return false;
  }
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
