// Page-side reminders: while the app is open, check every half minute which reminders fell due
// since any context last showed some (the service worker shares the mark) and show them as local
// notifications (time only, no personal data).
import type { FeldakteDb } from '../../../local/db';
import { takeDueReminders } from '../../../local/due-reminders';
import { reminderTitle } from '../../../shared/domain/appointment-reminder';
import { errorName } from '../../../shared/error-name';

export const REMINDER_CHECK_MS = 30_000;

export type ShowNotification = (title: string, tag: string) => Promise<boolean>;

/** Starts checking; returns the stop function. `now` is injectable for tests. */
export function startReminderScheduler(
  db: FeldakteDb,
  show: ShowNotification,
  { intervalMs = REMINDER_CHECK_MS, now = () => new Date() } = {},
): () => void {
  let running = false;
  let stopped = false;
  const check = async () => {
    if (running || stopped) return;
    running = true;
    try {
      for (const due of await takeDueReminders(db, now())) {
        await show(reminderTitle(due.minutesLeft), due.tag);
      }
    } catch (error) {
      // A check still running when the app locks or signs out meets a closed database: expected.
      if (!stopped && errorName(error) !== 'DatabaseClosedError') {
        console.warn('Reminder check failed', errorName(error));
      }
    } finally {
      running = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
