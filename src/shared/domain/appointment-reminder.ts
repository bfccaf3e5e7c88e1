// Reminders are local notifications without personal data ("Termin in 30 Minuten"). One reminder
// per appointment and lead time; its tag lets the page and the service worker show it only once.
import { isActiveAppointment, type Appointment } from './appointment';
import '../i18n/messages-behind-lock';
import { t } from '../i18n/t';

type Remindable = Pick<Appointment, 'id' | 'startsAt' | 'status' | 'reminderMinutes'>;

export interface DueReminder {
  appointmentId: string;
  startsAt: string;
  /** Minutes from `now` until the start, rounded up (what the notification says). */
  minutesLeft: number;
  /** Notification tag: the same reminder shown twice replaces itself. */
  tag: string;
}

/** When the reminder fires (ms), or null when the appointment has none. */
export function reminderTime(a: Remindable): number | null {
  if (a.reminderMinutes === null || a.reminderMinutes === undefined) return null;
  return Date.parse(a.startsAt) - a.reminderMinutes * 60_000;
}

/**
 * Due when its time falls in `(since, now]` (the caller's last check up to now) and the meeting
 * has not begun more than a minute ago; the text then says the real time left.
 */
export function reminderDue(a: Remindable, since: number, now: number): DueReminder | null {
  const at = reminderTime(a);
  const starts = Date.parse(a.startsAt);
  if (at === null || !isActiveAppointment(a.status)) return null;
  if (at <= since || at > now || starts <= now - 60_000) return null;
  return {
    appointmentId: a.id,
    startsAt: a.startsAt,
    minutesLeft: Math.max(0, Math.ceil((starts - now) / 60_000)),
    tag: `termin-${a.id}-${a.reminderMinutes}`,
  };
}

/** The whole notification text: time only, never a name or a purpose. */
export function reminderTitle(minutesLeft: number): string {
  if (minutesLeft <= 0) return t('appointments.reminder.now');
  if (minutesLeft === 1) return t('appointments.reminder.inOneMinute');
  return t('appointments.reminder.inMinutes', { count: minutesLeft });
}
