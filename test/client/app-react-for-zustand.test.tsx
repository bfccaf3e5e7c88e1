import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/preact';
import { createStore } from 'zustand/vanilla';
import React from '../../src/client/react-for-zustand';

// The app build gives zustand this shim instead of preact/compat (vite.config.ts); the tests run
// with compat, so the shim is checked here on its own.
describe('zustand binding without preact/compat', () => {
  it('renders the current value and re-renders on every change', async () => {
    const store = createStore(() => ({ count: 0 }));
    let renders = 0;
    function Counter() {
      renders++;
      const count = React.useSyncExternalStore(store.subscribe, () => store.getState().count);
      return <p>Zähler {count}</p>;
    }
    render(<Counter />);
    expect(screen.getByText('Zähler 0')).toBeTruthy();
    await act(() => store.setState({ count: 1 }));
    expect(screen.getByText('Zähler 1')).toBeTruthy();
    const before = renders;
    await act(() => store.setState({ count: 1 }));
    expect(renders).toBe(before);
  });

  it('catches a change made between render and subscription', async () => {
    const store = createStore(() => ({ count: 0 }));
    function Counter() {
      const count = React.useSyncExternalStore(store.subscribe, () => store.getState().count);
      if (count === 0) store.setState({ count: 5 });
      return <p>Zähler {count}</p>;
    }
    render(<Counter />);
    expect(await screen.findByText('Zähler 5')).toBeTruthy();
  });
});
