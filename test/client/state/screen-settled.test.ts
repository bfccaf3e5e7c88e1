// Work that waits for the first screen (the case index after the PIN, reminders, the start sync)
// runs once a screen rendered after it was asked has all its live queries answered, or after the
// longest wait.
import { describe, expect, it, vi } from 'vitest';
import { afterScreenSettled, liveQueryStarted } from '../../../src/client/state/screen-settled';

/** Resolves after the next frame and the task queued behind it. */
const nextFrame = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))),
  );

describe('after the screen settled', () => {
  it('waits for a screen to start reading, then for its live queries to answer', async () => {
    const task = vi.fn();
    afterScreenSettled(task, 60_000);
    await nextFrame();
    // No screen has read anything since: still waiting.
    expect(task).not.toHaveBeenCalled();
    const first = liveQueryStarted();
    const second = liveQueryStarted();
    first();
    await nextFrame();
    expect(task).not.toHaveBeenCalled();
    second();
    await vi.waitFor(() => expect(task).toHaveBeenCalledTimes(1));
  });

  it('a query started by the answer of another (a nested list) is waited for too', async () => {
    const task = vi.fn();
    afterScreenSettled(task, 60_000);
    const outer = liveQueryStarted();
    outer();
    const inner = liveQueryStarted();
    await nextFrame();
    expect(task).not.toHaveBeenCalled();
    inner();
    await vi.waitFor(() => expect(task).toHaveBeenCalledTimes(1));
  });

  it('runs after the longest wait when the screen does not settle, and not when cancelled', async () => {
    const late = vi.fn();
    const cancelled = vi.fn();
    const never = liveQueryStarted();
    afterScreenSettled(late, 30);
    const cancel = afterScreenSettled(cancelled, 30);
    cancel();
    await vi.waitFor(() => expect(late).toHaveBeenCalledTimes(1));
    expect(cancelled).not.toHaveBeenCalled();
    never();
  });
});
