// zustand's vanilla core bound to Preact in this one place: no 'react' import, no preact/compat,
// no build alias. `create` returns a hook with the store's API attached, like zustand's own.
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { useEffect, useRef, useState } from 'preact/hooks';

export type BoundStore<T> = StoreApi<T> & {
  (): T;
  <U>(selector: (state: T) => U): U;
};

/** Reads a slice of a store and re-renders when that slice changes (compared with Object.is). */
export function useStore<T, U>(store: StoreApi<T>, selector: (state: T) => U): U {
  const selected = selector(store.getState());
  const latest = useRef({ selector, selected });
  latest.current = { selector, selected };
  const [, rerender] = useState(0);
  useEffect(() => {
    const check = () => {
      const { selector: select, selected: shown } = latest.current;
      if (!Object.is(select(store.getState()), shown)) rerender((n) => n + 1);
    };
    check(); // a change between render and subscription
    return store.subscribe(check);
  }, [store]);
  return selected;
}

const whole = <T>(state: T) => state;

export function create<T>(initializer: StateCreator<T, [], []>): BoundStore<T> {
  const api = createStore<T>()(initializer);
  const useBound = <U>(selector: (state: T) => U = whole as (state: T) => U) =>
    useStore(api, selector);
  return Object.assign(useBound, api) as BoundStore<T>;
}
