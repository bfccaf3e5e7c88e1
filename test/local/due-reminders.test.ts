import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type FeldakteDb } from '../../src/local/db';
import { createRecord, putRecord } from '../../src/local/write-record';
import { dueReminders, takeDueReminders } from '../../src/local/due-reminders';

let db: FeldakteDb;
/** The signed-in user: the database name carries the id. */
let me: string;
afterEach(async () => {
  await db?.delete();
});

const caseId = '01956a3e-7c00-7000-8000-0000000000c1';
const at = (iso: string) => new Date(`2025-03-14T${iso}:00.000Z`);

async function plan(
  startsAt: string,
  reminderMinutes: number | null,
  status: 'proposed' | 'confirmed' = 'confirmed',
) {
  const result = await createRecord(db, 'appointments', {
    caseId,
    startsAt: at(startsAt).toISOString(),
    endsAt: new Date(at(startsAt).getTime() + 45 * 60_000).toISOString(),
    mode: 'phone',
    status,
    reminderMinutes,
    ownerId: me,
  });
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

describe('dueReminders (page and service worker)', () => {
  it('finds the reminders whose time lies between the last check and now', async () => {
    db = openDatabase((me = `lena-${Math.random()}`));
    const soon = await plan('10:00', 30);
    await plan('10:00', null); // no reminder wanted
    await plan('11:00', 30); // fires at 10:30
    await plan('09:35', 1440); // its reminder fired yesterday
    const due = await dueReminders(db, at('09:30'), at('09:29'));
    expect(due.map((r) => r.appointmentId)).toEqual([soon]);
    expect(due[0]).toMatchObject({ minutesLeft: 30, tag: `termin-${soon}-30` });
  });

  it('reminds a day ahead from the start-time index', async () => {
    db = openDatabase((me = `lena-${Math.random()}`));
    const id = await plan('10:00', 1440);
    const dayBefore = new Date(at('10:00').getTime() - 1440 * 60_000);
    const due = await dueReminders(db, dayBefore);
    expect(due.map((r) => r.appointmentId)).toEqual([id]);
    expect(due[0]!.minutesLeft).toBe(1440);
  });

  it('does not repeat a reminder in the next check', async () => {
    db = openDatabase((me = `lena-${Math.random()}`));
    await plan('10:00', 15);
    expect(await dueReminders(db, at('09:45'), at('09:44'))).toHaveLength(1);
    expect(await dueReminders(db, at('09:46'), at('09:45'))).toHaveLength(0);
  });

  it('forgets a reminder once the appointment is cancelled', async () => {
    db = openDatabase((me = `lena-${Math.random()}`));
    const id = await plan('10:00', 30);
    await putRecord(db, 'appointments', id, { status: 'cancelled_thm' });
    expect(await dueReminders(db, at('09:30'), at('09:29'))).toEqual([]);
  });

  it('shows each reminder once across the page and the service worker (shared mark)', async () => {
    db = openDatabase((me = `lena-${Math.random()}`));
    const id = await plan('10:00', 15);
    // The page checks just before the reminder time, the service worker wakes just after it.
    expect(await takeDueReminders(db, at('09:44'))).toEqual([]);
    expect((await takeDueReminders(db, at('09:46'))).map((r) => r.appointmentId)).toEqual([id]);
    // The page's next check does not show it again.
    expect(await takeDueReminders(db, at('09:47'))).toEqual([]);
  });

  it('does not show reminders missed long ago when the app opens again', async () => {
    db = openDatabase((me = `lena-${Math.random()}`));
    await plan('10:00', 60); // fell due at 09:00
    expect(await takeDueReminders(db, at('09:30'))).toEqual([]);
  });

  it('rings only for my own appointments, and for those of a case I cover', async () => {
    db = openDatabase((me = `lena-${Math.random()}`));
    const mine = await plan('10:00', 30);
    const omar = 'omar';
    const covered = await createRecord(db, 'cases', {
      givenName: 'Amina',
      familyName: 'Haddad',
      status: 'active',
      assignedTo: omar,
      coveredBy: me,
    });
    const other = await createRecord(db, 'cases', {
      givenName: 'Yusuf',
      familyName: 'Nazari',
      status: 'active',
      assignedTo: omar,
    });
    if (!covered.ok || !other.ok) throw new Error('cases not written');
    const colleagues = async (caseId: string) => {
      const result = await createRecord(db, 'appointments', {
        caseId,
        startsAt: at('10:00').toISOString(),
        endsAt: at('10:45').toISOString(),
        mode: 'phone',
        status: 'confirmed',
        reminderMinutes: 30,
        ownerId: omar,
      });
      if (!result.ok) throw new Error(result.message);
      return result.id;
    };
    const onCovered = await colleagues(covered.id);
    await colleagues(other.id);
    const due = await dueReminders(db, at('09:30'), at('09:29'));
    expect(due.map((r) => r.appointmentId).sort()).toEqual([mine, onCovered].sort());
  });
});
