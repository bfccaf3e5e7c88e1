// Appointments: meetings with a young person (in person or remote) and group events without a case
// (an info session in a shelter, with a head count). Their status runs through one machine on the
// phone and the server; rescheduling links the old appointment to the new one.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import { choice, count, flag, LONG, optional, recordId, reference, SHORT, text } from './common';
import { key, message, type Message } from '../i18n/message';

export const appointmentModes = ['in_person', 'phone', 'video', 'messenger'] as const;
export type AppointmentMode = (typeof appointmentModes)[number];

export const appointmentStatuses = [
  'proposed',
  'confirmed',
  'attended',
  'no_show',
  'cancelled_client',
  'cancelled_thm',
  'rescheduled',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const appointmentPurposes = [
  'first_interview',
  'counselling',
  'accompaniment',
  'case_conference',
  'application_training',
  'info_session',
  'group_event',
  'outreach',
  'other',
] as const;
export type AppointmentPurpose = (typeof appointmentPurposes)[number];

export const placeKinds = ['office', 'shelter', 'school', 'partner', 'outreach', 'home'] as const;
export type PlaceKind = (typeof placeKinds)[number];

/** Minutes before the start a reminder may be set to (0 = at the start). */
export const reminderChoices = [0, 15, 30, 60, 120, 1440] as const;
/** The longest reminder lead time; bounds the look-ahead of `dueReminders`. */
export const MAX_REMINDER_MINUTES = 7 * 24 * 60;

// Canonical UTC with ms (what `Date.prototype.toISOString` writes): the Dexie `startsAt` index
// compares strings, so an offset such as +02:00 would sort the day/week ranges wrongly.
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const instant = (message: string) =>
  v.pipe(
    v.string(message),
    v.regex(UTC_INSTANT, message),
    v.check((value) => !Number.isNaN(Date.parse(value)), message),
  );

const httpsLink = v.pipe(
  text(1_000),
  v.check(
    (value) => value === '' || /^https:\/\/[^\s/]+\.[^\s]+$/.test(value),
    key('rules.appointments.httpsLink'),
  ),
);

/** Checked hygiene items of an in-person meeting, keyed by the team's item keys. */
const hygieneChecks = v.pipe(
  v.record(v.pipe(v.string(), v.maxLength(SHORT)), v.boolean(key('rules.validation.flag'))),
  v.check((record) => Object.keys(record).length <= 30, key('rules.appointments.hygieneTooMany')),
);

export const appointmentSchema = v.pipe(
  v.object({
    id: recordId,
    /** Absent for group events without a case. */
    caseId: optional(reference('rules.validation.invalidCase')),
    startsAt: instant('rules.appointments.startsAt'),
    endsAt: instant('rules.appointments.endsAt'),
    mode: choice(appointmentModes, 'rules.appointments.mode'),
    status: choice(appointmentStatuses, 'rules.validation.statusFromList'),
    purpose: optional(choice(appointmentPurposes, 'rules.appointments.purpose')),
    /** Shown for group events; a case appointment is named by its case. */
    title: optional(text(SHORT)),
    placeKind: optional(choice(placeKinds, 'rules.appointments.placeKind')),
    address: optional(text(SHORT)),
    videoLink: optional(httpsLink),
    interpreter: optional(flag()),
    interpreterLanguage: optional(text(SHORT)),
    participantPartnerIds: optional(
      v.pipe(
        v.array(reference('rules.validation.invalidPartner')),
        v.maxLength(20, key('rules.appointments.participantsMax')),
      ),
    ),
    hygiene: optional(hygieneChecks),
    reminderMinutes: optional(
      v.pipe(count(), v.maxValue(MAX_REMINDER_MINUTES, key('rules.appointments.reminderMax'))),
    ),
    headCount: optional(v.pipe(count(), v.maxValue(10_000, key('rules.appointments.headCount')))),
    notes: optional(text(LONG)),
    /** The THM whose calendar this is (overlaps are checked per owner). */
    ownerId: optional(v.pipe(v.string(), v.maxLength(64))),
    rescheduledToId: optional(reference('rules.appointments.invalidNext')),
    rescheduledFromId: optional(reference('rules.appointments.invalidPrevious')),
  }),
  v.forward(
    v.partialCheck(
      [['startsAt'], ['endsAt']],
      (input) => input.endsAt >= input.startsAt,
      key('rules.validation.endBeforeStart'),
    ),
    ['endsAt'],
  ),
  v.forward(
    v.partialCheck(
      [['caseId'], ['title']],
      (input) => Boolean(input.caseId) || Boolean(input.title),
      key('rules.appointments.groupTitle'),
    ),
    ['title'],
  ),
);
export type Appointment = v.InferOutput<typeof appointmentSchema>;

const transitions: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  proposed: ['confirmed', 'cancelled_client', 'cancelled_thm', 'rescheduled'],
  confirmed: ['attended', 'no_show', 'cancelled_client', 'cancelled_thm', 'rescheduled'],
  attended: [],
  no_show: [],
  cancelled_client: [],
  cancelled_thm: [],
  rescheduled: [],
};

/** A new appointment is planned, not yet past: it starts as proposed or confirmed. */
export const initialAppointmentStatuses: readonly AppointmentStatus[] = ['proposed', 'confirmed'];

export function allowedAppointmentTransitions(
  from: AppointmentStatus,
): readonly AppointmentStatus[] {
  return transitions[from];
}

export function canMoveAppointment(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return from === to || transitions[from].includes(to);
}

/** Still on the calendar: counts for overlaps and reminders. */
export function isActiveAppointment(status: AppointmentStatus): boolean {
  return status === 'proposed' || status === 'confirmed';
}

/** Blocks the THM's time (a no-show or attended meeting did take the slot). */
export function blocksTime(status: AppointmentStatus): boolean {
  return status !== 'cancelled_client' && status !== 'cancelled_thm' && status !== 'rescheduled';
}

/** German reason why `next` may not follow `prev`, or null. Runs on the phone and the server. */
export function checkAppointmentChange(
  prev: Appointment | undefined,
  next: Appointment,
): Message | null {
  if (next.endsAt < next.startsAt) return message('rules.validation.endBeforeStart');
  if (next.status === 'rescheduled' && !next.rescheduledToId) {
    return message('rules.appointments.rescheduledNeedsNext');
  }
  if (!prev) {
    return initialAppointmentStatuses.includes(next.status)
      ? null
      : message('rules.appointments.newStatus');
  }
  if (!canMoveAppointment(prev.status, next.status)) {
    return message('rules.appointments.statusChange');
  }
  return null;
}

export const appointmentTable = defineTable<Appointment>({
  schema: appointmentSchema,
  checkChange: (prev, next) => checkAppointmentChange(prev, next),
});

/** Whole minutes from start to end (0 when they are equal). */
export function appointmentMinutes(a: Pick<Appointment, 'startsAt' | 'endsAt'>): number {
  return Math.max(0, Math.round((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000));
}
