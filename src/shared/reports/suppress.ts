// Disclosure control for the team reports: no published figure may let anyone work out a count
// of 1 to 4 people. One rule for JSON, CSV, charts and print (server and console use it).
//
// The server publishes with the cell-key method (perturb.ts): counts of 5 or more carry a noise
// fixed by their records, so differences between reports (other periods, linked tables) are
// noisy. On top, within each table (and tables linked through inner cells, `unseen`), the
// suppression below makes sure that the sums and the p-table's bounds pin no "<5" to one value.
//
// A table is a list of entries (cells AND their totals) plus sums "these parts add up to that
// total". Totals count as published even where a screen does not show them: the same total
// appears in other tables of the report (every breakdown of "persons reached" sums to it), so
// we assume a reader knows it.
//
// Primary: every count 1-4 is published as "<5" (so a reader knows it lies in 1..4).
// Secondary: while the sums still pin a suppressed entry to one value, one more entry (>= 5) of
// that sum is hidden as "x" (a reader who knows this rule knows it is >= 5), inner cells before
// totals, never a `keep` entry (the number of persons reached). Zeros stay visible. With the
// noise this is rare: it takes every noise of a sum at its bound.
// The check is interval propagation over all sums; the property tests in
// test/shared/report-suppression.test.ts search every integer solution of small random tables to
// show that no hidden value can be recovered.

import { PUBLISHED_MIN, cellKey, perturbedCount, trueRangeOf } from './perturb';

/** A count 1-4. */
export const SMALL_COUNT = '<5';
/** A count >= 5 hidden so that a small count cannot be worked out from totals. */
export const HIDDEN_COUNT = 'x';
/**
 * Not published at all (any count, zero too): an entry whose small neighbours would give it away
 * with no larger count left to hide (four categories with one person each and a total of "<5"
 * can only be 1, 1, 1, 1: one of them is withheld). The sign is the one of official German
 * statistics for "secret".
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
  /**
   * Cell keys (perturb.ts), one per entry: when given, counts of 5 or more are published with
   * the cell-key noise, and a reader knows each only up to the p-table's range.
   */
  keys?: readonly number[];
  /** Entries a reader never sees (the inner cells linking two tables): they only carry sums. */
  unseen?: ReadonlySet<number>;
  /** Entries never hidden to protect others (the headline: persons reached). */
  keep?: ReadonlySet<number>;
}

export function isSmallCount(value: number): boolean {
  return value >= SMALL_MIN && value <= SMALL_MAX;
}

/** 'unseen': never published (the inner cells linking tables, and entries withheld as "."). */
type Mark = 'shown' | 'small' | 'hidden' | 'unseen';

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

function publish(table: CountTable, marks: readonly Mark[]): PublishedCount[] {
  const { values, keys } = table;
  return values.map((value, i) =>
    marks[i] === 'small'
      ? SMALL_COUNT
      : marks[i] === 'hidden'
        ? HIDDEN_COUNT
        : marks[i] === 'unseen'
          ? WITHHELD_COUNT
          : keys && value >= PUBLISHED_MIN
            ? perturbedCount(value, keys[i]!)
            : value,
  );
}

/** What a reader knows of each entry: its published form read through the p-table. */
function boundsOf(table: CountTable, marks: readonly Mark[]): Interval[] {
  const bounds = readerBounds(publish(table, marks));
  if (!table.keys) return bounds;
  return bounds.map((b, i) =>
    marks[i] === 'shown' && b.lo >= PUBLISHED_MIN ? trueRangeOf(b.lo) : b,
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
  const bounds = boundsOf(table, marks);
  propagateBounds(bounds, table.sums);
  return marks.flatMap((mark, i) => {
    if (mark === 'shown') return [];
    // An entry nobody sees gives nothing away unless it is pinned to a small count.
    const onlySmall = mark === 'unseen';
    const { lo, hi } = bounds[i]!;
    if (lo === hi) return !onlySmall || isSmallCount(lo) ? [i] : [];
    if (hi - lo > PROBE_LIMIT) return [];
    const possible: number[] = [];
    for (let value = lo; value <= hi && possible.length < 2; value++) {
      const trial = bounds.map((b) => ({ ...b }));
      trial[i] = { lo: value, hi: value };
      if (propagateBounds(trial, table.sums)) possible.push(value);
    }
    if (possible.length >= 2) return [];
    return !onlySmall || possible.some(isSmallCount) ? [i] : [];
  });
}

/**
 * Publishes a table: counts 1-4 as "<5", counts of 5 or more as they are (or with the cell-key
 * noise when the table has keys), and enough other entries as "x" that no small count is pinned.
 * Inner cells go before totals, and `keep` entries are never hidden.
 */
export function suppressTable(table: CountTable): PublishedCount[] {
  const { values, sums } = table;
  const unseen = table.unseen ?? new Set<number>();
  const keep = table.keep ?? new Set<number>();
  const marks: Mark[] = values.map((value, i) =>
    unseen.has(i) ? 'unseen' : isSmallCount(value) ? 'small' : 'shown',
  );
  if (!marks.includes('small')) return publish(table, marks);
  const totals = new Set(sums.map((sum) => sum.total));
  // Cells before totals (a total is the figure readers need most), then the smallest count.
  const preference = (a: number, b: number) =>
    Number(totals.has(a)) - Number(totals.has(b)) || values[a]! - values[b]! || a - b;
  const hideable = (i: number) => marks[i] === 'shown' && values[i]! >= HIDDEN_MIN && !keep.has(i);
  for (let guard = 0; guard <= 2 * values.length; guard++) {
    const exposed = exposedEntries(table, marks);
    if (exposed.length === 0) return publish(table, marks);
    const first = exposed[0]!;
    // The sums of the pinned entry, and through unseen entries the sums those take part in.
    const near = new Set([first]);
    for (let step = 0; step < 2; step++) {
      for (const sum of sums) {
        const members = [...sum.parts, sum.total];
        if (members.some((i) => near.has(i) && (i === first || unseen.has(i)))) {
          for (const i of members) near.add(i);
        }
      }
    }
    const candidates = [...near].filter(hideable).sort(preference);
    if (candidates.length > 0) {
      // Hide the preferred count that frees the pinned entry on its own, else the preferred one.
      const freeing = candidates.find((candidate) => {
        const trial = [...marks];
        trial[candidate] = 'hidden';
        return !exposedEntries(table, trial).includes(first);
      });
      marks[freeing ?? candidates[0]!] = 'hidden';
      continue;
    }
    // No count of 5 or more is left to hide there: the small counts of that sum give each other
    // away (a "<5" total of four "<5" parts is 1 + 1 + 1 + 1). Withhold one of them, an inner
    // cell first: only that entry is lost, not the table.
    const small = [...near]
      .filter((i) => (marks[i] === 'small' || marks[i] === 'hidden') && !keep.has(i))
      .sort(preference);
    if (small.length === 0) break;
    marks[small[0]!] = 'unseen';
  }
  // Nothing is left to withhold but the kept entries: publish none of it.
  return values.map(() => WITHHELD_COUNT);
}

/** A one-way breakdown (category -> count) whose total is known. */
export interface PublishedBreakdown<K extends string> {
  counts: Record<K, PublishedCount>;
  total: PublishedCount;
}

/**
 * `keySums` (optional): per category the sum of its records' keys (perturb.ts); with them the
 * breakdown is published with the cell-key noise, its total as a cell of its own.
 */
export function suppressBreakdown<K extends string>(
  counts: Record<K, number>,
  keySums?: Partial<Record<K, number>>,
): PublishedBreakdown<K> {
  const keys = Object.keys(counts) as K[];
  const values = keys.map((key) => counts[key]);
  const total = values.reduce((a, b) => a + b, 0);
  const cellKeys = keySums && keys.map((key) => keySums[key] ?? 0);
  const published = suppressTable({
    values: [...values, total],
    sums: [{ parts: keys.map((_, i) => i), total: keys.length }],
    ...(cellKeys && { keys: [...cellKeys, cellKeys.reduce((a, b) => a + b, 0)].map(cellKey) }),
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
export function gridTable(
  counts: readonly (readonly number[])[],
  columns: number,
  keySums?: readonly (readonly number[])[],
): CountTable {
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
  if (!keySums) return { values, sums };
  // Cell keys in the same layout: each total's records are its parts' records.
  const k: number[] = [];
  for (const row of keySums) k.push(...row);
  for (const row of keySums) k.push(row.reduce((a, b) => a + b, 0));
  for (let c = 0; c < columns; c++) k.push(keySums.reduce((a, row) => a + row[c]!, 0));
  k.push(k.slice(0, rows * columns).reduce((a, b) => a + b, 0));
  return { values, sums, keys: k.map(cellKey), keep: new Set([grand]) };
}

export function suppressGrid<R extends string, C extends string>(
  rowKeys: readonly R[],
  columnKeys: readonly C[],
  count: (row: R, column: C) => number,
  keySum?: (row: R, column: C) => number,
): PublishedGrid<R, C> {
  const counts = rowKeys.map((r) => columnKeys.map((c) => count(r, c)));
  const keySums = keySum && rowKeys.map((r) => columnKeys.map((c) => keySum(r, c)));
  const published = suppressTable(gridTable(counts, columnKeys.length, keySums));
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
