// The age limit of the target group: a person leaves it on their 27th birthday. The case list
// flags who is near it, and a birth date brings a "Wiedervorlage" task some months before.
import type { Case } from './case';
import { autoTaskTitle } from './task';
import type { MessageKey, Params } from '../i18n/t';
import { addDays, addYears, daysBetween } from './common';

/** Young people are supported up to their 27th birthday (the programme's age limit). */
export const AGE_LIMIT_YEARS = 27;
/**
 * The age-limit task falls due this many days before the 27th birthday: a handover (Jobcenter,
 * other counselling) takes appointments and paperwork, which need a few months.
 */
export const AGE_LIMIT_TASK_LEAD_DAYS = 90;

/** Whole years of age on `today`, or null without a birth date. */
export function ageOn(birthDate: string | null | undefined, today: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The day the person turns 27 and leaves the target group. */
export function ageLimitDate(birthDate: string): string {
  return addYears(birthDate, AGE_LIMIT_YEARS);
}

/** Days until the age limit (negative once passed), or null without a birth date. */
export function daysUntilAgeLimit(
  birthDate: string | null | undefined,
  today: string,
): number | null {
  return birthDate ? daysBetween(today, ageLimitDate(birthDate)) : null;
}

/**
 * The "Wiedervorlage" a birth date brings along: due some months before the 27th birthday (today if
 * that is nearer), none once the birthday has passed. The title is a reminder, not advice.
 */
export function ageLimitTaskFields(
  c: Pick<Case, 'id' | 'birthDate'>,
  today: string,
): {
  caseId: string;
  title: string;
  titleKey: MessageKey;
  titleParams: Params;
  dueOn: string;
  kind: 'age_limit';
  sourceTable: 'cases';
  sourceId: string;
} | null {
  if (!c.birthDate) return null;
  const limit = ageLimitDate(c.birthDate);
  if (limit < today) return null;
  const lead = addDays(limit, -AGE_LIMIT_TASK_LEAD_DAYS);
  return {
    caseId: c.id,
    ...autoTaskTitle('cases.tasks.auto.ageLimit', { years: AGE_LIMIT_YEARS, date: limit }),
    dueOn: lead < today ? today : lead,
    kind: 'age_limit',
    sourceTable: 'cases',
    sourceId: c.id,
  };
}

/** The case list flags a person within half a year of 27 or older. */
export function isNearAgeLimit(
  birthDate: string | null | undefined,
  today: string,
  withinDays = 183,
): boolean {
  const days = daysUntilAgeLimit(birthDate, today);
  return days !== null && days <= withinDays;
}
