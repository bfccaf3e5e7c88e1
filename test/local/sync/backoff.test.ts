import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, BACKOFF_MAX_MS } from '../../../src/local/sync/backoff';

describe('[E3] failures back off with jitter', () => {
  it.each([
    [1, 2_000],
    [2, 4_000],
    [3, 8_000],
    [7, 128_000],
    [8, 256_000],
    [9, BACKOFF_MAX_MS],
    [50, BACKOFF_MAX_MS],
    [10_000, BACKOFF_MAX_MS],
  ])('after %i failures the wait is at most %i ms', (failures, ceiling) => {
    expect(backoffCeiling(failures)).toBe(ceiling);
    expect(backoffDelay(failures, { random: () => 0.999_999 })).toBeLessThan(ceiling);
    expect(backoffDelay(failures, { random: () => 0.999_999 })).toBeGreaterThan(ceiling * 0.99);
    expect(backoffDelay(failures, { random: () => 0 })).toBe(0);
  });

  it('spreads the retries of many phones over the whole window (full jitter)', () => {
    const draws = [0.1, 0.5, 0.9];
    const delays = draws.map((r) => backoffDelay(3, { random: () => r }));
    expect(delays).toEqual([800, 4_000, 7_200]);
  });

  it('takes its base and cap from the caller', () => {
    expect(backoffCeiling(1, { baseMs: 500, maxMs: 1_500 })).toBe(500);
    expect(backoffCeiling(3, { baseMs: 500, maxMs: 1_500 })).toBe(1_500);
  });
});
