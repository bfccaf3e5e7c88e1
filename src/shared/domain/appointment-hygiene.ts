// The hygiene checklist of in-person meetings (distance, masks, ventilation, ...; the items are a
// team setting). An open item is a warning on the day of the meeting, never a refusal.
import { isActiveAppointment, type Appointment } from './appointment';
import { toLocalDate } from './common';

type Meeting = Pick<Appointment, 'mode' | 'status' | 'startsAt' | 'hygiene'>;

export function needsHygieneChecklist(a: Pick<Appointment, 'mode'>): boolean {
  return a.mode === 'in_person';
}

/** Team items not yet ticked for this meeting (empty for remote meetings). */
export function openHygieneItems(a: Meeting, items: readonly string[]): string[] {
  if (!needsHygieneChecklist(a)) return [];
  return items.filter((item) => a.hygiene?.[item] !== true);
}

/**
 * The items to warn about: open items of a planned in-person meeting that takes place on `today`
 * (local day). Before the day there is time to prepare; afterwards the warning would be noise.
 */
export function hygieneWarning(a: Meeting, items: readonly string[], today: string): string[] {
  if (!isActiveAppointment(a.status)) return [];
  if (toLocalDate(new Date(a.startsAt)) !== today) return [];
  return openHygieneItems(a, items);
}
