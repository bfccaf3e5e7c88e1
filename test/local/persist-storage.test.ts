import { describe, expect, it } from 'vitest';
import { formatBytes, requestPersistentStorage, storageUse } from '../../src/local/persist-storage';

describe('persistent storage', () => {
  it('reports granted without asking again when already persisted', async () => {
    let asked = 0;
    const storage = {
      persisted: async () => true,
      persist: async () => {
        asked++;
        return true;
      },
    };
    expect(await requestPersistentStorage(storage)).toBe('granted');
    expect(asked).toBe(0);
  });

  it.each([
    [true, 'granted'],
    [false, 'denied'],
  ] as const)('asks the browser: persist() answers %s -> %s', async (answer, outcome) => {
    const storage = { persisted: async () => false, persist: async () => answer };
    expect(await requestPersistentStorage(storage)).toBe(outcome);
  });

  it('is unsupported where the browser has no storage manager, denied when it throws', async () => {
    expect(await requestPersistentStorage({})).toBe('unsupported');
    const failing = {
      persist: async (): Promise<boolean> => {
        throw new Error('not allowed');
      },
    };
    expect(await requestPersistentStorage(failing)).toBe('denied');
  });

  it('reads the storage estimate', async () => {
    expect(
      await storageUse({ estimate: async () => ({ usage: 1_500_000, quota: 2_000_000_000 }) }),
    ).toEqual({
      usedBytes: 1_500_000,
      quotaBytes: 2_000_000_000,
    });
    expect(await storageUse({ estimate: async () => ({}) })).toBeNull();
    expect(await storageUse({})).toBeNull();
  });

  it.each([
    [512, 'de', '512 B'],
    [1536, 'de', '1,5 KB'],
    [12_900_000, 'de', '12,3 MB'],
    [12_900_000, 'en', '12.3 MB'],
    [250 * 1024 * 1024, 'de', '250 MB'],
  ] as const)('formats %i bytes in %s as %s', (bytes, language, text) => {
    expect(formatBytes(bytes, language)).toBe(text);
  });
});
