// Which appointment reminders are due: read from the device database, no DOM, so the page's
// scheduler and the service worker ask the same question the same way.
import { userIdOf, type FeldakteDb } from './db';
import { isMyAppointment } from '../shared/domain/case-ownership';
import { toLocalDate } from '../shared/domain/common';
import { getMeta, setMeta } from './meta';
import { MAX_REMINDER_MINUTES } from '../shared/domain/appointment';
import { reminderDue, type DueReminder } from '../shared/domain/appointment-reminder';

/** How far back a check looks when the caller has no earlier check (a page just opened). */
export const DEFAULT_REMINDER_WINDOW_MS = 60_000;

/**
 * Reminders whose time falls in `(since, now]`, for this user's own appointments only (a
 * colleague's phone must not ring for them; see case-ownership.ts). Only appointments starting
 * from a minute ago up to the longest lead time ahead are read (the `startsAt` index).
 */
export async function dueReminders(
  db: FeldakteDb,
  now: Date,
  since: Date = new Date(now.getTime() - DEFAULT_REMINDER_WINDOW_MS),
): Promise<DueReminder[]> {
  const from = new Date(now.getTime() - 60_000).toISOString();
  const to = new Date(now.getTime() + MAX_REMINDER_MINUTES * 60_000).toISOString();
  const upcoming = await db.appointments.where('startsAt').between(from, to, true, true).toArray();
  const caseIds = [...new Set(upcoming.flatMap((a) => (a.caseId ? [a.caseId] : [])))];
  const cases = new Map(
    (await db.cases.bulkGet(caseIds)).flatMap((c) => (c ? [[c.id, c] as const] : [])),
  );
  const userId = userIdOf(db);
  const today = toLocalDate(now);
  return upcoming
    .filter((a) => isMyAppointment(a, a.caseId ? cases.get(a.caseId) : undefined, userId, today))
    .map((appointment) => reminderDue(appointment, since.getTime(), now.getTime()))
    .filter((due): due is DueReminder => due !== null);
}

/** A reminder missed while neither the page nor the service worker ran is not worth showing late. */
export const MAX_REMINDER_CATCH_UP_MS = 10 * 60_000;

/**
 * The reminders due since the last time any context of this device showed reminders, and marks
 * them shown: the page's timer and the service worker share the mark, so none is shown twice.
 */
export async function takeDueReminders(db: FeldakteDb, now: Date): Promise<DueReminder[]> {
  return db.transaction('rw', db.appointments, db.cases, db.meta, async () => {
    const shownUntil = await getMeta(db, 'remindersShownUntil');
    const earliest = now.getTime() - MAX_REMINDER_CATCH_UP_MS;
    const since = new Date(Math.max(earliest, shownUntil ? Date.parse(shownUntil) : earliest));
    if (since.getTime() >= now.getTime()) return [];
    const due = await dueReminders(db, now, since);
    await setMeta(db, 'remindersShownUntil', now.toISOString());
    return due;
  });
}
