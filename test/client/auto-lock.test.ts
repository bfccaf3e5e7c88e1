// Auto-lock with a fake clock (issue 11): N minutes without interaction lock; interaction restarts
// the time; coming back after N minutes in the background locks at once; the setting is 1..30.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAutoLock,
  DEFAULT_AUTO_LOCK_MINUTES,
  readAutoLockMinutes,
  writeAutoLockMinutes,
} from '../../src/client/state/auto-lock';

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => vi.useRealTimers());

const MINUTE = 60_000;

describe('auto-lock', () => {
  it('locks after N minutes without interaction, not before', () => {
    const onLock = vi.fn();
    createAutoLock({ minutes: () => 5, onLock, now: Date.now });
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(onLock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('each interaction starts the idle time again', () => {
    const onLock = vi.fn();
    const lock = createAutoLock({ minutes: () => 5, onLock, now: Date.now });
    vi.advanceTimersByTime(4 * MINUTE);
    lock.activity();
    vi.advanceTimersByTime(4 * MINUTE);
    expect(onLock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('back from the background after N minutes: locks at once (timers were throttled)', () => {
    const onLock = vi.fn();
    let clock = 0;
    // Background timers did not fire: only the clock moved.
    const lock = createAutoLock({
      minutes: () => 2,
      onLock,
      now: () => clock,
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    lock.hidden();
    clock += 2 * MINUTE + 1;
    lock.visible();
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('back from a short time in the background: stays open', () => {
    const onLock = vi.fn();
    const lock = createAutoLock({ minutes: () => 5, onLock, now: Date.now });
    lock.hidden();
    vi.advanceTimersByTime(MINUTE);
    lock.visible();
    expect(onLock).not.toHaveBeenCalled();
  });

  it('the setting defaults to 5 and stays within 1..30', () => {
    expect(readAutoLockMinutes()).toBe(DEFAULT_AUTO_LOCK_MINUTES);
    writeAutoLockMinutes(0);
    expect(readAutoLockMinutes()).toBe(1);
    writeAutoLockMinutes(99);
    expect(readAutoLockMinutes()).toBe(30);
    localStorage.setItem('feldakte.autoLockMinutes', 'x');
    expect(readAutoLockMinutes()).toBe(5);
  });
});
