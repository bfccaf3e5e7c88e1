// A storage failure at the IndexedDB level, below Dexie: the browser aborts the transaction of a
// put into `store` while `failing()` says so, as it does when the disk is full (QuotaExceededError
// arrives as the transaction's abort). Sync writes a pulled page's sealed rows straight into
// IndexedDB (apply-pull.ts), so a Dexie middleware would not see them.
import { afterEach } from 'vitest';

export function failPutsInto(store: string, failing: () => boolean): void {
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
    const request = original.apply(this, args);
    if (this.name === store && failing()) this.transaction.abort();
    return request;
  };
  afterEach(() => {
    IDBObjectStore.prototype.put = original;
  });
}
