// The form speaks local date and clock time; records store UTC instants. These convert between
// them in the device's time zone (what the THM means by "Dienstag, 9 Uhr").
import { addDays, format, startOfDay, startOfWeek } from 'date-fns';

/** `YYYY-MM-DD` + `HH:mm` (local) -> canonical UTC instant, or '' when either is incomplete. */
export function localToInstant(date: string, time: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const hm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !hm) return '';
  const value = new Date(
    Number(d[1]),
    Number(d[2]) - 1,
    Number(d[3]),
    Number(hm[1]),
    Number(hm[2]),
  );
  return Number.isNaN(value.getTime()) ? '' : value.toISOString();
}

export function instantToLocalDate(instant: string): string {
  return format(new Date(instant), 'yyyy-MM-dd');
}

export function instantToLocalTime(instant: string): string {
  return format(new Date(instant), 'HH:mm');
}

/** `[from, to)` of a local day as UTC instants, for a range query on the `startsAt` index. */
export function dayRange(day: string): [string, string] {
  const start = startOfDay(parseDay(day));
  return [start.toISOString(), addDays(start, 1).toISOString()];
}

/** The seven local days (Monday first) of the week containing `day`. */
export function weekDays(day: string): string[] {
  const monday = startOfWeek(parseDay(day), { weekStartsOn: 1 });
  return Array.from({ length: 7 }, (_, i) => format(addDays(monday, i), 'yyyy-MM-dd'));
}

/** `[from, to)` of the week containing `day`. */
export function weekRange(day: string): [string, string] {
  const days = weekDays(day);
  return [dayRange(days[0]!)[0], dayRange(days[6]!)[1]];
}

export function shiftDay(day: string, days: number): string {
  return format(addDays(parseDay(day), days), 'yyyy-MM-dd');
}

export function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}
