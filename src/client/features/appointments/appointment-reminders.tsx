// Mounted once in the shell: runs the reminder scheduler for the signed-in user's database.
import { useEffect } from 'preact/hooks';
import { useSession } from '../../state/session';
import { showLocalNotification } from '../../sw-bridge';
import { afterScreenSettled } from '../../state/screen-settled';

// The scheduler loads after the first screen has its lists (it only ever acts a minute later).
export function AppointmentReminders() {
  const db = useSession((state) => state.db);
  useEffect(() => {
    if (!db) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    // Its code and its first read wait until the first screen has its lists.
    const cancelStart = afterScreenSettled(() => {
      void import('./reminder-scheduler').then(({ startReminderScheduler }) => {
        if (!cancelled) stop = startReminderScheduler(db, showLocalNotification);
      });
    });
    return () => {
      cancelled = true;
      cancelStart();
      stop?.();
    };
  }, [db]);
  return null;
}
