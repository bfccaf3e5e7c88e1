// The form speaks local date and clock time; records store UTC instants. These convert between
// them in the device's time zone (what the THM means by "Dienstag, 9 Uhr").
import { addDays, startOfDay, startOfWeek } from 'date-fns';
import { parseLocalDay, toLocalDate } from '../../../shared/domain/common';

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
  return toLocalDate(new Date(instant));
}

export function instantToLocalTime(instant: string): string {
  const time = new Date(instant);
  return `${pad(time.getHours())}:${pad(time.getMinutes())}`;
}

/** `[from, to)` of a local day as UTC instants, for a range query on the `startsAt` index. */
export function dayRange(day: string): [string, string] {
  const start = startOfDay(parseLocalDay(day));
  return [start.toISOString(), addDays(start, 1).toISOString()];
}

/** The seven local days (Monday first) of the week containing `day`. */
export function weekDays(day: string): string[] {
  const monday = startOfWeek(parseLocalDay(day), { weekStartsOn: 1 });
  return Array.from({ length: 7 }, (_, i) => toLocalDate(addDays(monday, i)));
}

/** `[from, to)` of the week containing `day`. */
export function weekRange(day: string): [string, string] {
  const days = weekDays(day);
  return [dayRange(days[0]!)[0], dayRange(days[6]!)[1]];
}

export function shiftDay(day: string, days: number): string {
  return toLocalDate(addDays(parseLocalDay(day), days));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
