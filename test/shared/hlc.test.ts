import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clampHlc,
  formatHlc,
  HLC_MAX_DRIFT_MS,
  hlcNode,
  parseHlc,
  receiveHlc,
  tickHlc,
} from '../../src/shared/sync/hlc';

const A = '0190a0b0-0000-7000-8000-00000000000a';
const B = '0190a0b0-0000-7000-8000-00000000000b';
const T0 = Date.parse('2026-11-25T10:00:00.000Z');

describe('hybrid logical clock', () => {
  it('[C1] is written as ISO time, 4 hex counter and client id, and parses back', () => {
    const text = formatHlc({ ms: T0, counter: 10, node: A });
    expect(text).toBe(`2026-11-25T10:00:00.000Z-000a-${A}`);
    expect(parseHlc(text)).toEqual({ ms: T0, counter: 10, node: A });
    expect(hlcNode(text)).toBe(A);
  });

  it.each([
    ['not a clock'],
    [`2026-11-25T10:00:00Z-0000-${A}`],
    [`2026-11-25T10:00:00.000Z-00000-${A}`],
    [`2026-11-25T10:00:00.000Z-000g-${A}`],
    ['2026-11-25T10:00:00.000Z-0000-'],
  ])('[C1] refuses the malformed clock %s', (text) => {
    expect(parseHlc(text)).toBeNull();
  });

  it('[C2] a local tick is later than the last clock even when the wall clock went back', () => {
    const first = tickHlc(null, T0, A);
    const second = tickHlc(first, T0 - 5_000, A);
    const third = tickHlc(second, T0 - 5_000, A);
    expect(second > first).toBe(true);
    expect(third > second).toBe(true);
  });

  it('[C2] after receiving a clock from the future, the next local tick is later than it', () => {
    const remote = formatHlc({ ms: T0 + 30_000, counter: 3, node: B });
    const received = receiveHlc(tickHlc(null, T0, A), remote, T0, A);
    const next = tickHlc(received, T0 + 1, A);
    expect(received > remote.replace(B, A)).toBe(true);
    expect(next > remote).toBe(true);
  });

  it('[C2] the counter rolls into the next millisecond instead of overflowing', () => {
    const full = formatHlc({ ms: T0, counter: 0xffff, node: A });
    expect(parseHlc(tickHlc(full, T0, A))).toEqual({ ms: T0 + 1, counter: 0, node: A });
  });

  it('[C2] ticks are strictly increasing for any sequence of wall clock readings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: T0 - 1e6, max: T0 + 1e6 }), { minLength: 2, maxLength: 50 }),
        (times) => {
          let last: string | null = null;
          for (const now of times) {
            const next = tickHlc(last, now, A);
            if (last !== null && !(next > last)) return false;
            last = next;
          }
          return true;
        },
      ),
    );
  });

  it('[C3] the server clamps a clock too far ahead and keeps a plausible one', () => {
    const farAhead = formatHlc({ ms: T0 + 10 * 86_400_000, counter: 1, node: A });
    expect(parseHlc(clampHlc(farAhead, T0))!.ms).toBe(T0 + HLC_MAX_DRIFT_MS);
    const near = formatHlc({ ms: T0 + 1_000, counter: 1, node: A });
    expect(clampHlc(near, T0)).toBe(near);
  });
});

describe('[C4] a clock is valid only as an exact UTC instant', () => {
  const node = '0190a0b0-0000-7000-8000-00000000000a';
  it.each([
    '2026-13-01T10:00:00.000Z',
    '9999-99-99T99:99:99.999Z',
    '2026-02-30T10:00:00.000Z',
    '2026-05-01T24:00:00.000Z',
    '2026-05-01T10:60:00.000Z',
  ])('%s is no instant, so the clock is invalid', (date) => {
    expect(parseHlc(`${date}-0000-${node}`)).toBeNull();
  });

  it('a real instant round-trips', () => {
    expect(parseHlc(`2028-02-29T23:59:59.999Z-00ff-${node}`)).toEqual({
      ms: Date.parse('2028-02-29T23:59:59.999Z'),
      counter: 255,
      node,
    });
  });
});
