// Small-cell suppression (src/shared/reports/suppress.ts): counts 1-4 read "<5", and secondary
// suppression leaves no hidden count that a reader could work out from totals or other cells.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  gridTable,
  isSmallCount,
  HIDDEN_COUNT,
  propagateBounds,
  readerBounds,
  SMALL_COUNT,
  WITHHELD_COUNT,
  suppressBreakdown,
  suppressGrid,
  suppressTable,
  type CountTable,
  type PublishedCount,
} from '../../src/shared/reports/suppress';

type Bounds = { lo: number; hi: number }[];

/**
 * Is there any whole-number table, consistent with everything published, in which entry `i`
 * has a value other than `value`? Exhaustive search (with the same bound propagation only to
 * prune), so it finds every way a reader could narrow a hidden count down.
 */
function otherValuePossible(table: CountTable, bounds: Bounds, i: number, value: number): boolean {
  const below = bounds.map((b) => ({ ...b }));
  below[i] = { lo: below[i]!.lo, hi: Math.min(below[i]!.hi, value - 1) };
  const above = bounds.map((b) => ({ ...b }));
  above[i] = { lo: Math.max(above[i]!.lo, value + 1), hi: above[i]!.hi };
  return [below, above].some((start) => start[i]!.lo <= start[i]!.hi && solvable(table, start));
}

function solvable(table: CountTable, start: Bounds): boolean {
  const bounds = start.map((b) => ({ ...b }));
  if (!propagateBounds(bounds, table.sums)) return false;
  const open = bounds.findIndex((b) => b.lo !== b.hi);
  if (open < 0) {
    return table.sums.every(
      ({ parts, total }) => parts.reduce((a, p) => a + bounds[p]!.lo, 0) === bounds[total]!.lo,
    );
  }
  for (let v = bounds[open]!.lo; v <= bounds[open]!.hi; v++) {
    const next = bounds.map((b) => ({ ...b }));
    next[open] = { lo: v, hi: v };
    if (solvable(table, next)) return true;
  }
  return false;
}

/** What a reader knows, with hidden counts capped (a cap only removes solutions: stricter). */
function readerView(table: CountTable, published: readonly PublishedCount[]): Bounds {
  const cap = Math.max(...table.values) + 25;
  return readerBounds(published).map((b) => ({ lo: b.lo, hi: Math.min(b.hi, cap) }));
}

function recoverable(table: CountTable, published: readonly PublishedCount[]): number[] {
  const bounds = readerView(table, published);
  return published.flatMap((p, i) =>
    typeof p === 'number' ||
    // A withheld entry says nothing; pinned, it gives away no person unless it is 1-4.
    (p === WITHHELD_COUNT && !isSmallCount(table.values[i]!)) ||
    otherValuePossible(table, bounds, i, table.values[i]!)
      ? []
      : [i],
  );
}

const count = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 }) },
);

describe('small-cell suppression', () => {
  it('publishes every count from 1 to 4 as "<5", zeros and larger counts as they are or hidden', () => {
    const published = suppressBreakdown({ a: 0, b: 1, c: 4, d: 5, e: 20, f: 37 });
    expect(published.counts).toEqual({ a: 0, b: SMALL_COUNT, c: SMALL_COUNT, d: 5, e: 20, f: 37 });
    expect(published.total).toBe(67);
  });

  it('hides the smallest other count when one small count could be taken from the total', () => {
    // 3 + 10 + 20 = 33: without hiding the 10, the "<5" would be 33 - 30 = 3.
    const published = suppressBreakdown({ phone: 3, video: 10, letter: 20 });
    expect(published).toEqual({
      counts: { phone: SMALL_COUNT, video: HIDDEN_COUNT, letter: 20 },
      total: 33,
    });
  });

  it('hides more when two small counts at their upper bound would be pinned by the total', () => {
    // 4 + 4 + 10 = 18: "<5" + "<5" = 8 forces both to be 4.
    const published = suppressBreakdown({ a: 4, b: 4, c: 10 });
    expect(published.counts).toEqual({ a: SMALL_COUNT, b: SMALL_COUNT, c: HIDDEN_COUNT });
    expect(
      recoverable(breakdownTable([4, 4, 10]), [...Object.values(published.counts), 18]),
    ).toEqual([]);
  });

  it('withholds one of the small counts when a small total is spread over as many (fast-check seed 1492457966)', () => {
    // Four categories with one person each: "<5" four times and a total "<5" can only be 1+1+1+1,
    // and there is no larger count to hide. One of them is withheld, the rest is published.
    const published = suppressBreakdown({ a: 1, b: 1, c: 1, d: 1 });
    expect(published).toEqual({
      counts: { a: WITHHELD_COUNT, b: SMALL_COUNT, c: SMALL_COUNT, d: SMALL_COUNT },
      total: SMALL_COUNT,
    });
    expect(
      recoverable(breakdownTable([1, 1, 1, 1]), suppressTable(breakdownTable([1, 1, 1, 1]))),
    ).toEqual([]);
    // Three of them leave room (1+1+2 or 1+1+1 with a total of 3 or 4): published as usual.
    expect(suppressBreakdown({ a: 1, b: 1, c: 2 }).total).toBe(SMALL_COUNT);
  });

  it('hides what only a combination of sums would give away (a grid found by the property test)', () => {
    // c00 + c02 = r0, r0 + r1 = 4 and a column of 7 force c00 = 1 and c22 = 4; interval
    // propagation alone did not see it, probing each value does.
    const table = gridTable(
      [
        [1, 0, 2],
        [0, 0, 1],
        [2, 1, 4],
      ],
      3,
    );
    const published = suppressTable(table);
    checkHonest(table, published);
    expect(recoverable(table, published)).toEqual([]);
  });

  it('a table without small counts is published unchanged', () => {
    const grid = suppressGrid(
      ['a', 'b'],
      ['x', 'y'],
      (r, c) => (r === 'a' ? 5 : 7) + (c === 'x' ? 0 : 10),
    );
    expect(grid.cells).toEqual({ a: { x: 5, y: 15 }, b: { x: 7, y: 17 } });
    expect(grid.total).toBe(44);
  });

  it('an empty period is all zeros, nothing suppressed', () => {
    const grid = suppressGrid(['a', 'b'], ['x', 'y'], () => 0);
    expect(grid).toEqual({
      cells: { a: { x: 0, y: 0 }, b: { x: 0, y: 0 } },
      rowTotals: { a: 0, b: 0 },
      columnTotals: { x: 0, y: 0 },
      total: 0,
    });
  });

  it('property: in a random breakdown no hidden count can be recovered from what is published', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 6 }), (values) => {
        const table = breakdownTable(values);
        const published = suppressTable(table);
        checkHonest(table, published);
        expect(recoverable(table, published)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('property: in a random two-way table with all its totals no hidden count can be recovered', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((rows) =>
          fc.integer({ min: 1, max: 3 }).chain((columns) =>
            fc.array(fc.array(count, { minLength: columns, maxLength: columns }), {
              minLength: rows,
              maxLength: rows,
            }),
          ),
        ),
        (counts) => {
          const table = gridTable(counts, counts[0]!.length);
          const published = suppressTable(table);
          checkHonest(table, published);
          expect(recoverable(table, published)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

function breakdownTable(values: number[]): CountTable {
  return {
    values: [...values, values.reduce((a, b) => a + b, 0)],
    sums: [{ parts: values.map((_, i) => i), total: values.length }],
  };
}

/** Small counts read "<5", hidden ones are really >= 5, shown ones are true. */
function checkHonest(table: CountTable, published: readonly PublishedCount[]): void {
  // A withheld entry publishes nothing, so it cannot say anything untrue.
  published.forEach((p, i) => {
    const value = table.values[i]!;
    if (p === WITHHELD_COUNT) return;
    if (value >= 1 && value <= 4) expect(p).toBe(SMALL_COUNT);
    else if (p === HIDDEN_COUNT) expect(value).toBeGreaterThanOrEqual(5);
    else expect(p).toBe(value);
  });
}
