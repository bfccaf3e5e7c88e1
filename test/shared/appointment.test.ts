import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  appointmentSchema,
  appointmentStatuses,
  appointmentTable,
  canMoveAppointment,
  checkAppointmentChange,
  type Appointment,
  type AppointmentStatus,
} from '../../src/shared/domain/appointment';
import { fieldErrors } from '../../src/local/record-errors';
import { saysGerman } from '../support/says-german';

const base: Appointment = {
  id: '01956a3e-7c00-7000-8000-000000000001',
  caseId: '01956a3e-7c00-7000-8000-0000000000c1',
  startsAt: '2025-03-14T09:00:00.000Z',
  endsAt: '2025-03-14T10:00:00.000Z',
  mode: 'in_person',
  status: 'proposed',
};

function errorsOf(input: unknown) {
  const result = v.safeParse(appointmentSchema, input);
  return result.success ? {} : fieldErrors(result.issues);
}

describe('appointment status machine', () => {
  // Every pair from -> to; `true` where the issue's machine allows the move.
  const allowed: Record<AppointmentStatus, AppointmentStatus[]> = {
    proposed: ['confirmed', 'cancelled_client', 'cancelled_thm', 'rescheduled'],
    confirmed: ['attended', 'no_show', 'cancelled_client', 'cancelled_thm', 'rescheduled'],
    attended: [],
    no_show: [],
    cancelled_client: [],
    cancelled_thm: [],
    rescheduled: [],
  };
  const pairs = appointmentStatuses.flatMap((from) =>
    appointmentStatuses
      .filter((to) => to !== from)
      .map((to) => [from, to, allowed[from].includes(to)] as const),
  );

  it.each(pairs)('%s -> %s allowed: %s', (from, to, expected) => {
    expect(canMoveAppointment(from, to)).toBe(expected);
    const next = { ...base, status: to, rescheduledToId: base.id.replace(/1$/, '2') };
    const reason = checkAppointmentChange({ ...base, status: from }, next);
    expect(reason === null).toBe(expected);
  });

  it('keeping the status while editing other fields is fine in every status', () => {
    for (const status of appointmentStatuses) {
      const prev = { ...base, status, rescheduledToId: base.id.replace(/1$/, '2') };
      expect(checkAppointmentChange(prev, { ...prev, notes: 'neu' })).toBeNull();
    }
  });

  it.each([
    ['proposed', true],
    ['confirmed', true],
    ['attended', false],
    ['no_show', false],
    ['cancelled_thm', false],
  ] as const)('a new appointment created as %s is accepted: %s', (status, ok) => {
    expect(checkAppointmentChange(undefined, { ...base, status }) === null).toBe(ok);
  });

  it('a rescheduled appointment must point at its new appointment', () => {
    const reason = checkAppointmentChange(
      { ...base, status: 'confirmed' },
      { ...base, status: 'rescheduled' },
    );
    expect(reason).toEqual(saysGerman('Ein verschobener Termin braucht den neuen Termin.'));
  });

  it('the server-side check refuses an end before the start', async () => {
    const next = { ...base, endsAt: '2025-03-14T08:59:00.000Z' };
    const ctx = { today: '2025-03-14', get: async () => undefined, listByCase: async () => [] };
    expect(await appointmentTable.checkChange!(undefined, next, ctx)).toEqual(
      saysGerman('Das Ende liegt vor dem Beginn.'),
    );
  });
});

describe('appointment schema', () => {
  it('accepts a case appointment and a group event with a title and head count', () => {
    expect(errorsOf(base)).toEqual({});
    expect(
      errorsOf({
        ...base,
        caseId: undefined,
        title: 'Info in der Unterkunft',
        headCount: 12,
        purpose: 'info_session',
      }),
    ).toEqual({});
  });

  it.each([
    [
      'end before start',
      { endsAt: '2025-03-14T08:00:00.000Z' },
      'endsAt',
      'Das Ende liegt vor dem Beginn.',
    ],
    [
      'group event without title',
      { caseId: null },
      'title',
      'Bitte einen Titel für den Gruppentermin eingeben.',
    ],
    [
      'time with an offset',
      { startsAt: '2025-03-14T10:00:00+01:00' },
      'startsAt',
      'Bitte Datum und Beginn eingeben',
    ],
    ['unknown mode', { mode: 'carrier_pigeon' }, 'mode', 'Bitte eine Form aus der Liste wählen'],
    ['unknown status', { status: 'maybe' }, 'status', 'Bitte einen Status aus der Liste wählen'],
    [
      'video link without https',
      { videoLink: 'http://meet.example.org/x' },
      'videoLink',
      'Bitte einen Link eingeben, der mit https:// beginnt',
    ],
    [
      'reminder over a week',
      { reminderMinutes: 20_000 },
      'reminderMinutes',
      'Höchstens eine Woche vorher erinnern',
    ],
    ['negative head count', { headCount: -1 }, 'headCount', 'Bitte eine ganze Zahl ab 0 eingeben'],
  ])('refuses %s with a German message on the field', (_name, patch, field, message) => {
    expect(errorsOf({ ...base, ...patch })[field]).toBe(message);
  });

  it('an end equal to the start is allowed (a quick call)', () => {
    expect(errorsOf({ ...base, endsAt: base.startsAt })).toEqual({});
  });
});
