// The cell-key method (docs/decisions.md "Reports: disclosure control"): every record the server
// counts carries a fixed random record key (records.report_key, migration 095); a published cell's
// key is the sum of its records' keys modulo BIG_N, and the p-table below turns (true count, cell
// key) into the published count. The same records always give the same published value, so asking
// again reveals nothing; two overlapping reports differ by the true difference plus two noises.
//
// On top of the noise the presentation rule stays: a true count of 1-4 is published as "<5", a
// true 0 as 0. A count of 5 or more is published as a number of at least 5.

/** Record keys are integers in [0, BIG_N) (a 31-bit range: sums of thousands stay exact). */
export const BIG_N = 2_147_483_647;

/** The p-table's name, given with every report so a reader can look up what the noise can do. */
export const PTABLE_VERSION = 'feldakte-ckm-1';

/** The most a published count differs from the true one. */
export const MAX_NOISE = 2;

/** The smallest count published as a number (below it: "<5", except 0). */
export const PUBLISHED_MIN = 5;

/**
 * The p-table: for a true count n >= 5 the noise is symmetric (unbiased), at most
 * min(MAX_NOISE, n - 5) (so nothing published drops below 5), with variance 1 from n = 7 on.
 * Each row lists [noise, probability] in the order the cell key's fraction walks through them.
 */
export function ptableRow(n: number): readonly (readonly [number, number])[] {
  if (n <= PUBLISHED_MIN) return [[0, 1]];
  if (n === PUBLISHED_MIN + 1) {
    return [
      [-1, 0.25],
      [0, 0.5],
      [1, 0.25],
    ];
  }
  return [
    [-2, 0.0625],
    [-1, 0.25],
    [0, 0.375],
    [1, 0.25],
    [2, 0.0625],
  ];
}

/** Largest noise a true count n >= 5 can get. */
export function maxNoiseOf(n: number): number {
  return Math.max(0, Math.min(MAX_NOISE, n - PUBLISHED_MIN));
}

/** The cell key of a set of records from the sum of their record keys. */
export function cellKey(keySum: number | bigint): number {
  return Number(BigInt(keySum) % BigInt(BIG_N));
}

/** The noise of a cell with true count `n >= 5` and cell key `key`. */
export function noiseOf(n: number, key: number): number {
  const u = (((key % BIG_N) + BIG_N) % BIG_N) / BIG_N;
  let edge = 0;
  const row = ptableRow(n);
  for (const [noise, p] of row) {
    edge += p;
    if (u < edge) return noise;
  }
  return row.at(-1)![0];
}

/** The published number of a true count n >= 5 (counts below 5 are not published as numbers). */
export function perturbedCount(n: number, key: number): number {
  return n + noiseOf(n, key);
}

/**
 * What a reader who knows the p-table can say about the true count behind a published number
 * p >= 5: every n whose noise can reach p. (A published 0 is exact; "<5" means 1-4.)
 */
export function trueRangeOf(p: number): { lo: number; hi: number } {
  let lo = p;
  while (lo - 1 >= PUBLISHED_MIN && lo - 1 + maxNoiseOf(lo - 1) >= p) lo -= 1;
  let hi = p;
  while (hi + 1 - maxNoiseOf(hi + 1) <= p) hi += 1;
  return { lo, hi };
}
