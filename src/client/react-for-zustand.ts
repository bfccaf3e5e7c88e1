// zustand's React binding needs only three hooks from 'react'. Built on preact/hooks here, so the
// first screen does not ship preact/compat for them (vite.config.ts resolves zustand's 'react' to
// this file in the app build; tests keep preset-vite's compat alias and check this file directly).
import { useCallback, useDebugValue, useEffect, useRef, useState } from 'preact/hooks';

function useSyncExternalStore<T>(
  subscribe: (onChange: () => void) => () => void,
  getSnapshot: () => T,
): T {
  const value = getSnapshot();
  const rendered = useRef(value);
  rendered.current = value;
  const [, forceRender] = useState(0);
  useEffect(() => {
    const check = () => {
      if (!Object.is(getSnapshot(), rendered.current)) forceRender((n) => n + 1);
    };
    check(); // a change between render and subscription
    return subscribe(check);
  }, [subscribe, getSnapshot]);
  return value;
}

export default { useSyncExternalStore, useCallback, useDebugValue };
