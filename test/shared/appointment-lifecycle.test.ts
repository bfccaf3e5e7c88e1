import { describe, expect, it } from 'vitest';
import { contactChannelFor, contactDraftFor } from '../../src/shared/domain/appointment-contact';
import { rescheduleAppointment } from '../../src/shared/domain/appointment-reschedule';
import { checkAppointmentChange, type Appointment } from '../../src/shared/domain/appointment';
import { checkContactChange } from '../../src/shared/domain/contact';
import { saysGerman } from '../support/says-german';

const appointment: Appointment = {
  id: '01956a3e-7c00-7000-8000-000000000001',
  caseId: '01956a3e-7c00-7000-8000-0000000000c1',
  startsAt: '2025-03-14T09:00:00.000Z',
  endsAt: '2025-03-14T09:45:00.000Z',
  mode: 'in_person',
  placeKind: 'shelter',
  status: 'confirmed',
  purpose: 'counselling',
  hygiene: { masks: true },
  reminderMinutes: 30,
};
const newId = '01956a3e-7c00-7000-8000-000000000002';

describe('attended -> prefilled contact entry', () => {
  it.each([
    ['in_person', 'office', 'in_person'],
    ['in_person', 'outreach', 'outreach'],
    ['phone', null, 'phone'],
    ['video', null, 'video'],
    ['messenger', null, 'messenger'],
  ] as const)('mode %s at %s is logged as channel %s', (mode, placeKind, channel) => {
    expect(contactChannelFor({ mode, placeKind })).toBe(channel);
  });

  it('takes case, time, duration and the link to the appointment from it', () => {
    expect(contactDraftFor(appointment, 'user-1')).toEqual({
      caseId: appointment.caseId,
      at: appointment.startsAt,
      channel: 'in_person',
      initiatedBy: 'thm',
      durationMinutes: 45,
      summary: null,
      authorId: 'user-1',
      appointmentId: appointment.id,
    });
  });

  it('is a valid contact for the contact log on the day', () => {
    const draft = contactDraftFor(appointment)!;
    expect(checkContactChange(undefined, { id: newId, ...draft }, '2025-03-14')).toBeNull();
  });

  it('offers nothing for a group event without a case', () => {
    expect(contactDraftFor({ ...appointment, caseId: null, title: 'Infoabend' })).toBeNull();
  });
});

describe('rescheduling', () => {
  const time = { startsAt: '2025-03-18T13:00:00.000Z', endsAt: '2025-03-18T13:45:00.000Z' };

  it('creates a new proposed appointment linked both ways, keeping the plan', () => {
    const result = rescheduleAppointment(appointment, time, newId);
    if (!result.ok) throw new Error(result.reason.key);
    const { next, previous } = result.value;
    expect(previous).toEqual({ status: 'rescheduled', rescheduledToId: newId });
    expect(next).toMatchObject({
      id: newId,
      ...time,
      status: 'proposed',
      rescheduledFromId: appointment.id,
      caseId: appointment.caseId,
      purpose: 'counselling',
      placeKind: 'shelter',
      reminderMinutes: 30,
    });
    expect(next.hygiene).toBeUndefined();
    // Both writes pass the shared machine.
    expect(checkAppointmentChange(undefined, next)).toBeNull();
    expect(checkAppointmentChange(appointment, { ...appointment, ...previous })).toBeNull();
  });

  it.each(['attended', 'no_show', 'cancelled_client', 'rescheduled'] as const)(
    'refuses to reschedule a %s appointment',
    (status) => {
      expect(rescheduleAppointment({ ...appointment, status }, time, newId)).toEqual({
        ok: false,
        reason: saysGerman('Dieser Termin kann nicht mehr verschoben werden.'),
      });
    },
  );

  it('refuses a new end before the new start', () => {
    const result = rescheduleAppointment(
      appointment,
      { startsAt: time.endsAt, endsAt: time.startsAt },
      newId,
    );
    expect(result).toEqual({ ok: false, reason: saysGerman('Das Ende liegt vor dem Beginn.') });
  });
});
