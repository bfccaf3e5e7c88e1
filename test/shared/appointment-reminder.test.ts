import { describe, expect, it } from 'vitest';
import { reminderDue, reminderTitle } from '../../src/shared/domain/appointment-reminder';
import type { AppointmentStatus } from '../../src/shared/domain/appointment';

const startsAt = '2025-03-14T10:00:00.000Z';
const ms = (hhmm: string) => Date.parse(`2025-03-14T${hhmm}:00.000Z`);
const appointment = (reminderMinutes: number | null, status: AppointmentStatus = 'confirmed') => ({
  id: 'a1',
  startsAt,
  status,
  reminderMinutes,
});

describe('which reminders are due', () => {
  it.each([
    ['fires inside the window', 30, '09:29', '09:30', 30],
    ['checked a little late', 30, '09:29', '09:31', 29],
    ['not yet', 30, '09:28', '09:29', null],
    ['already shown in an earlier window', 30, '09:30', '09:31', null],
    ['at the start', 0, '09:59', '10:00', 0],
    ['one day before', 1440, '09:59', '10:00', null], // fires the day before, not today
  ])('%s', (_name, minutes, since, now, expected) => {
    const due = reminderDue(appointment(minutes), ms(since), ms(now));
    expect(due?.minutesLeft ?? null).toBe(expected);
  });

  it.each(['attended', 'cancelled_client', 'cancelled_thm', 'rescheduled', 'no_show'] as const)(
    'a %s appointment reminds no one',
    (status) => {
      expect(reminderDue(appointment(30, status), ms('09:29'), ms('09:30'))).toBeNull();
    },
  );

  it('an appointment without reminder is never due', () => {
    expect(reminderDue(appointment(null), ms('00:00'), ms('10:00'))).toBeNull();
  });

  it('tags the notification per appointment and lead time', () => {
    expect(reminderDue(appointment(30), ms('09:29'), ms('09:30'))?.tag).toBe('termin-a1-30');
  });
});

describe('reminder text', () => {
  it.each([
    [30, 'Termin in 30 Minuten'],
    [1, 'Termin in 1 Minute'],
    [0, 'Termin beginnt jetzt'],
  ])('%i minutes left reads "%s": no name, no purpose', (minutes, text) => {
    expect(reminderTitle(minutes)).toBe(text);
  });
});
