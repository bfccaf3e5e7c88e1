// Persistent storage: without it the browser may evict the whole database under storage pressure.
// DOM-free (navigator.storage exists in pages and workers); callers show the outcome.

export type PersistOutcome = 'granted' | 'denied' | 'unsupported';

export interface StorageUse {
  usedBytes: number;
  quotaBytes: number;
}

interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

function storageManager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

/** Asks once; a browser that already granted it answers without a prompt. */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = storageManager(),
): Promise<PersistOutcome> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (storage.persisted && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

/** How much the origin uses of its quota, or null where the browser does not say. */
export async function storageUse(
  storage: StorageManagerLike | undefined = storageManager(),
): Promise<StorageUse | null> {
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number') return null;
    return { usedBytes: usage, quotaBytes: quota };
  } catch {
    return null;
  }
}

/** "12,3 MB" style, for the storage line in settings. */
export function formatBytes(bytes: number, language: 'de' | 'en' = 'de'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[unit]}`;
}
