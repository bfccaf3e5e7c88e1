// Reads records live from Dexie: the component re-renders whenever the queried tables change,
// whichever tab, the sync engine or the service worker wrote them. There is no second copy.
// A query that fails (a storage or decryption error) does not leave the screen empty for ever: the
// hook throws a LiveQueryFailure while rendering, and the screen's boundary (screen-boundary.tsx)
// shows "Erneut versuchen", which mounts the screen again and so subscribes afresh.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { errorName } from '../../shared/error-name';
import { liveQueryStarted } from '../state/screen-settled';

/** A live query failed; the screen boundary offers to try again. */
export class LiveQueryFailure extends Error {
  constructor(readonly reason: unknown) {
    super('A live query failed');
    this.name = 'LiveQueryFailure';
  }
}

/** `undefined` while the first result is loading. */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [result, setResult] = useState<T | undefined>(undefined);
  const [failure, setFailure] = useState<LiveQueryFailure | null>(null);
  useEffect(() => {
    setFailure(null);
    // Counted until its first answer: the screen has settled when all have answered.
    const answered = liveQueryStarted();
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        setResult(() => value);
        answered();
      },
      error: (error: unknown) => {
        console.error('liveQuery failed', errorName(error));
        setFailure(new LiveQueryFailure(error));
        answered();
      },
    });
    return () => {
      subscription.unsubscribe();
      answered();
    };
  }, deps);
  if (failure) throw failure;
  return result;
}
