// Mounted once in the shell: runs the reminder scheduler for the signed-in user's database.
import { useEffect } from 'preact/hooks';
import { useSession } from '../../state/session';
import { showLocalNotification } from '../../sw-bridge';
import { startReminderScheduler } from './reminder-scheduler';

export function AppointmentReminders() {
  const db = useSession((state) => state.db);
  useEffect(() => (db ? startReminderScheduler(db, showLocalNotification) : undefined), [db]);
  return null;
}
