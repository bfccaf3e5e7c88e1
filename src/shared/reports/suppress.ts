// Small-cell suppression for the team reports: no published figure may let anyone work out a
// count of 1 to 4 people. One rule for JSON, CSV, charts and print (server and console use it).
//
// A table is a list of entries (cells AND their totals) plus sums "these parts add up to that
// total". Totals count as published even where a screen does not show them: the same total
// appears in other tables of the report (every breakdown of "persons reached" sums to it), so
// we assume a reader knows it.
//
// Primary: every count 1-4 is published as "<5" (so a reader knows it lies in 1..4).
// Secondary: while the sums still pin a suppressed entry to one value, one more entry (>= 5) of
// that sum is hidden as "x" (a reader who knows this rule knows it is >= 5). Zeros stay visible.
// The check is interval propagation over all sums; the property tests in
// test/shared/report-suppression.test.ts search every integer solution of small random tables to
// show that no hidden value can be recovered.

/** A count 1-4. */
export const SMALL_COUNT = '<5';
/** A count >= 5 hidden so that a small count cannot be worked out from totals. */
export const HIDDEN_COUNT = 'x';
/**
 * Not published at all (any count, zero too): the whole table, when even hiding every larger
 * count would let a small one be worked out (a small total spread over as many categories: four
 * categories with one person each and a total of "<5" can only be 1, 1, 1, 1). The sign is the
 * one of official German statistics for "secret".
 */
export const WITHHELD_COUNT = '.';

export type PublishedCount =
  number | typeof SMALL_COUNT | typeof HIDDEN_COUNT | typeof WITHHELD_COUNT;

export const SMALL_MIN = 1;
export const SMALL_MAX = 4;
/** Hidden counts are never below this (a known rule gives this much away). */
export const HIDDEN_MIN = SMALL_MAX + 1;

export interface SumOf {
  /** Entry indexes that add up to `total`. */
  parts: readonly number[];
  total: number;
}

export interface CountTable {
  values: readonly number[];
  sums: readonly SumOf[];
}

export function isSmallCount(value: number): boolean {
  return value >= SMALL_MIN && value <= SMALL_MAX;
}

type Mark = 'shown' | 'small' | 'hidden';

interface Interval {
  lo: number;
  hi: number;
}

/** What a reader of the published table can know about each entry. */
export function readerBounds(published: readonly PublishedCount[]): Interval[] {
  return published.map((p) =>
    p === SMALL_COUNT
      ? { lo: SMALL_MIN, hi: SMALL_MAX }
      : p === HIDDEN_COUNT
        ? { lo: HIDDEN_MIN, hi: Number.POSITIVE_INFINITY }
        : p === WITHHELD_COUNT
          ? { lo: 0, hi: Number.POSITIVE_INFINITY }
          : { lo: p, hi: p },
  );
}

/**
 * Tightens the bounds with every sum until nothing changes (each sum: parts = total). Returns
 * false when the bounds contradict each other (no solution).
 */
export function propagateBounds(bounds: Interval[], sums: readonly SumOf[]): boolean {
  for (let round = 0; round < 200; round++) {
    let changed = false;
    for (const { parts, total } of sums) {
      // Write the sum as Σ parts − total = 0, i.e. every term with a sign.
      const terms = [...parts.map((i) => ({ i, sign: 1 })), { i: total, sign: -1 }];
      let minSum = 0;
      let maxSum = 0;
      for (const { i, sign } of terms) {
        const b = bounds[i]!;
        minSum += sign > 0 ? b.lo : -b.hi;
        maxSum += sign > 0 ? b.hi : -b.lo;
      }
      if (minSum > 0 || maxSum < 0) return false;
      for (const { i, sign } of terms) {
        const b = bounds[i]!;
        // The rest of the terms lie in [minSum - own min, maxSum - own max].
        const ownMin = sign > 0 ? b.lo : -b.hi;
        const ownMax = sign > 0 ? b.hi : -b.lo;
        const restMin = minSum - ownMin;
        const restMax = maxSum - ownMax;
        // own = -rest, so own ∈ [-restMax, -restMin].
        let lo = b.lo;
        let hi = b.hi;
        if (sign > 0) {
          if (Number.isFinite(restMax)) lo = Math.max(lo, -restMax);
          if (Number.isFinite(restMin)) hi = Math.min(hi, -restMin);
        } else {
          if (Number.isFinite(restMin)) lo = Math.max(lo, restMin);
          if (Number.isFinite(restMax)) hi = Math.min(hi, restMax);
        }
        if (lo > hi) return false;
        if (lo !== b.lo || hi !== b.hi) {
          bounds[i] = { lo, hi };
          changed = true;
        }
      }
    }
    if (!changed) return true;
  }
  return true;
}

function publish(values: readonly number[], marks: readonly Mark[]): PublishedCount[] {
  return values.map((value, i) =>
    marks[i] === 'small' ? SMALL_COUNT : marks[i] === 'hidden' ? HIDDEN_COUNT : value,
  );
}

/** Values tried one by one per suppressed entry (a hidden count's range may be open). */
const PROBE_LIMIT = 64;

/**
 * Suppressed entries whose value a reader can pin down. Interval propagation alone misses what
 * follows from combining sums (in a grid, "c00 + c02 = r0" with "r0 + r1 = 4" and a column of 7
 * can force c00 = 1), so each suppressed entry is also probed: every value its interval allows is
 * tried, and if all but one contradict the sums, the reader knows it.
 */
function exposedEntries(table: CountTable, marks: readonly Mark[]): number[] {
  const bounds = readerBounds(publish(table.values, marks));
  propagateBounds(bounds, table.sums);
  return marks.flatMap((mark, i) => {
    if (mark === 'shown') return [];
    const { lo, hi } = bounds[i]!;
    if (lo === hi) return [i];
    if (hi - lo > PROBE_LIMIT) return [];
    let possible = 0;
    for (let value = lo; value <= hi && possible < 2; value++) {
      const trial = bounds.map((b) => ({ ...b }));
      trial[i] = { lo: value, hi: value };
      if (propagateBounds(trial, table.sums)) possible += 1;
    }
    return possible < 2 ? [i] : [];
  });
}

/** Publishes a table: counts 1-4 as "<5", and enough other entries as "x" that none is pinned. */
export function suppressTable(table: CountTable): PublishedCount[] {
  const { values, sums } = table;
  const marks: Mark[] = values.map((value) => (isSmallCount(value) ? 'small' : 'shown'));
  if (!marks.includes('small')) return [...values];
  const totals = new Set(sums.map((sum) => sum.total));
  // Cells before totals (a total is the figure readers need most), then the smallest count.
  const preference = (a: number, b: number) =>
    Number(totals.has(a)) - Number(totals.has(b)) || values[a]! - values[b]! || a - b;
  for (let guard = 0; guard <= values.length; guard++) {
    const exposed = exposedEntries(table, marks);
    if (exposed.length === 0) return publish(values, marks);
    const first = exposed[0]!;
    const candidates = [
      ...new Set(
        sums
          .filter((sum) => sum.total === first || sum.parts.includes(first))
          .flatMap((sum) => [...sum.parts, sum.total])
          .filter((i) => marks[i] === 'shown' && values[i]! >= HIDDEN_MIN),
      ),
    ].sort(preference);
    if (candidates.length === 0) break;
    // Hide the preferred count that frees the pinned entry on its own, else the preferred one.
    const freeing = candidates.find((candidate) => {
      const trial = [...marks];
      trial[candidate] = 'hidden';
      return !exposedEntries(table, trial).includes(first);
    });
    marks[freeing ?? candidates[0]!] = 'hidden';
  }
  // Nothing left to hide in the sums concerned: hide every count >= 5 of the table.
  const everyLarger: Mark[] = values.map((value) =>
    isSmallCount(value) ? 'small' : value === 0 ? 'shown' : 'hidden',
  );
  if (exposedEntries(table, everyLarger).length === 0) return publish(values, everyLarger);
  // Even that pins a small count (the zeros and the "<5" give it away): publish none of it.
  return values.map(() => WITHHELD_COUNT);
}

/** A one-way breakdown (category -> count) whose total is known. */
export interface PublishedBreakdown<K extends string> {
  counts: Record<K, PublishedCount>;
  total: PublishedCount;
}

export function suppressBreakdown<K extends string>(
  counts: Record<K, number>,
): PublishedBreakdown<K> {
  const keys = Object.keys(counts) as K[];
  const values = keys.map((key) => counts[key]);
  const total = values.reduce((a, b) => a + b, 0);
  const published = suppressTable({
    values: [...values, total],
    sums: [{ parts: keys.map((_, i) => i), total: keys.length }],
  });
  return {
    counts: Object.fromEntries(keys.map((key, i) => [key, published[i]!])) as Record<
      K,
      PublishedCount
    >,
    total: published[keys.length]!,
  };
}

/** A two-way table (rows x columns) with row totals, column totals and the grand total. */
export interface PublishedGrid<R extends string, C extends string> {
  cells: Record<R, Record<C, PublishedCount>>;
  rowTotals: Record<R, PublishedCount>;
  columnTotals: Record<C, PublishedCount>;
  total: PublishedCount;
}

/** Entry layout of a grid: cells row by row, then row totals, column totals, grand total. */
export function gridTable(counts: readonly (readonly number[])[], columns: number): CountTable {
  const rows = counts.length;
  const cell = (r: number, c: number) => r * columns + c;
  const rowTotal = (r: number) => rows * columns + r;
  const columnTotal = (c: number) => rows * columns + rows + c;
  const grand = rows * columns + rows + columns;
  const values: number[] = [];
  for (const row of counts) values.push(...row);
  for (const row of counts) values.push(row.reduce((a, b) => a + b, 0));
  for (let c = 0; c < columns; c++) values.push(counts.reduce((a, row) => a + row[c]!, 0));
  values.push(values.slice(0, rows * columns).reduce((a, b) => a + b, 0));
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const sums: SumOf[] = [
    ...range(rows).map((r) => ({
      parts: range(columns).map((c) => cell(r, c)),
      total: rowTotal(r),
    })),
    ...range(columns).map((c) => ({
      parts: range(rows).map((r) => cell(r, c)),
      total: columnTotal(c),
    })),
    { parts: range(rows).map(rowTotal), total: grand },
    { parts: range(columns).map(columnTotal), total: grand },
  ];
  return { values, sums };
}

export function suppressGrid<R extends string, C extends string>(
  rowKeys: readonly R[],
  columnKeys: readonly C[],
  count: (row: R, column: C) => number,
): PublishedGrid<R, C> {
  const counts = rowKeys.map((r) => columnKeys.map((c) => count(r, c)));
  const published = suppressTable(gridTable(counts, columnKeys.length));
  const rows = rowKeys.length;
  const columns = columnKeys.length;
  return {
    cells: Object.fromEntries(
      rowKeys.map((r, ri) => [
        r,
        Object.fromEntries(columnKeys.map((c, ci) => [c, published[ri * columns + ci]!])),
      ]),
    ) as Record<R, Record<C, PublishedCount>>,
    rowTotals: Object.fromEntries(
      rowKeys.map((r, ri) => [r, published[rows * columns + ri]!]),
    ) as Record<R, PublishedCount>,
    columnTotals: Object.fromEntries(
      columnKeys.map((c, ci) => [c, published[rows * columns + rows + ci]!]),
    ) as Record<C, PublishedCount>,
    total: published[rows * columns + rows + columns]!,
  };
}
