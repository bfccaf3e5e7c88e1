// Background Sync in the service worker ([E3]): the browser wakes it when the device is online
// again, even with the app closed. It syncs the signed-in user's own database with the same engine
// and lock as the page ([E1]); there is no second copy of the data for the worker.
import { openClearView, openDatabase } from '../local/db';
import { getActiveUserId } from '../local/active-user';
import { syncOnce } from '../local/sync/sync-engine';
import { createFetchTransport } from '../local/sync/fetch-transport';
import { takeDueReminders } from '../local/due-reminders';
import { reminderTitle } from '../shared/domain/appointment-reminder';
import { uploadPendingFilesOnce } from '../local/documents/file-transfer';

declare const self: ServiceWorkerGlobalScope;

/**
 * Runs one sync. Rejects when a retry could help (offline, server down), so the browser schedules
 * the next attempt; resolves when retrying cannot help (signed out, session expired, outdated app).
 */
export async function runBackgroundSync(): Promise<void> {
  const userId = await getActiveUserId();
  if (!userId) return;
  const db = openDatabase(userId);
  try {
    // The worker never holds the data key: this sync is the locked one ([K5]).
    const result = await syncOnce(db, createFetchTransport());
    if (result.ok) await showDueReminders(db);
    if (!result.ok && result.error.retryable) throw result.error;
    // [D4] documents' files too: they are ciphertext already, the locked worker sends them as
    // they are. One that could not finish (offline again) asks the browser for another round.
    const uploads = await uploadPendingFilesOnce(db);
    if (uploads.some((outcome) => !outcome.ok && outcome.retryable))
      throw new Error('document upload pending');
  } finally {
    db.close();
  }
}

/**
 * While the worker is awake anyway, it shows reminders that fell due with the app closed: time
 * only ("Termin in 30 Minuten"), never a name or place.
 */
async function showDueReminders(db: ReturnType<typeof openDatabase>): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  // Locked, so only clear fields can be read: startsAt, status and reminderMinutes are clear
  // (clear-fields.ts) and the reminder text names no one.
  const view = openClearView(db.name);
  let due;
  try {
    due = await takeDueReminders(view, new Date());
  } finally {
    view.close();
  }
  for (const reminder of due) {
    await self.registration.showNotification(reminderTitle(reminder.minutesLeft), {
      tag: reminder.tag,
      icon: '/icons/icon-192.png',
    });
  }
}
