// Local calendar days, apart from common.ts so that t() (on the first screen) does not bring the
// schema library with it.

/** A `YYYY-MM-DD` day as local midnight (not midnight UTC, which is the day before west of UTC). */
export function parseLocalDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** A Date from a Date, epoch ms or string; a bare `YYYY-MM-DD` means that day in local time. */
export function toDate(date: Date | number | string): Date {
  if (typeof date !== 'string') return new Date(date);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? parseLocalDay(date) : new Date(date);
}
