// Mounted once in the shell: runs the reminder scheduler for the signed-in user's database.
import { useEffect } from 'preact/hooks';
import { useSession } from '../../state/session';
import { showLocalNotification } from '../../sw-bridge';

// The scheduler loads after the first screen (it only ever acts a minute later): first-screen budget.
export function AppointmentReminders() {
  const db = useSession((state) => state.db);
  useEffect(() => {
    if (!db) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('./reminder-scheduler').then(({ startReminderScheduler }) => {
      if (!cancelled) stop = startReminderScheduler(db, showLocalNotification);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [db]);
  return null;
}
