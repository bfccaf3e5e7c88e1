import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/preact';
import { create } from '../../../src/client/state/create-store';

// The one binding of zustand's vanilla stores to Preact (no 'react' alias anywhere).
describe('create (zustand/vanilla bound to Preact)', () => {
  it('renders the selected slice and re-renders only when that slice changes', async () => {
    const useCounter = create(() => ({ count: 0, other: 'a' }));
    let renders = 0;
    function Counter() {
      renders++;
      const count = useCounter((state) => state.count);
      return <p>Zähler {count}</p>;
    }
    render(<Counter />);
    expect(screen.getByText('Zähler 0')).toBeTruthy();
    await act(() => useCounter.setState({ count: 1 }));
    expect(screen.getByText('Zähler 1')).toBeTruthy();
    const before = renders;
    await act(() => useCounter.setState({ count: 1 }));
    await act(() => useCounter.setState({ other: 'b' }));
    expect(renders).toBe(before);
  });

  it('without a selector returns the whole state', async () => {
    const useTitle = create(() => ({ title: 'Heute' }));
    function Title() {
      const { title } = useTitle();
      return <h1>{title}</h1>;
    }
    render(<Title />);
    await act(() => useTitle.setState({ title: 'Fälle' }));
    expect(screen.getByRole('heading').textContent).toBe('Fälle');
  });

  it('catches a change made between render and subscription', async () => {
    const useCounter = create(() => ({ count: 0 }));
    function Counter() {
      const count = useCounter((state) => state.count);
      if (count === 0) useCounter.setState({ count: 5 });
      return <p>Zähler {count}</p>;
    }
    render(<Counter />);
    expect(await screen.findByText('Zähler 5')).toBeTruthy();
  });

  it('stops listening when the component unmounts', async () => {
    const useCounter = create(() => ({ count: 0 }));
    let renders = 0;
    function Counter() {
      renders++;
      return <p>{useCounter((state) => state.count)}</p>;
    }
    const { unmount } = render(<Counter />);
    unmount();
    const before = renders;
    await act(() => useCounter.setState({ count: 2 }));
    expect(renders).toBe(before);
  });
});
