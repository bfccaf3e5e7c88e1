// Reads records live from Dexie: the component re-renders whenever the queried tables change,
// whichever tab, the sync engine or the service worker wrote them. There is no second copy.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** `undefined` while the first result is loading. */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [result, setResult] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult(() => value),
      error: (error: unknown) => console.error('liveQuery failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return result;
}
