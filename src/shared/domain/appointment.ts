// Appointments: meetings with a young person (in person or remote) and group events without a case
// (an info session in a shelter, with a head count). Their status runs through one machine on the
// phone and the server; rescheduling links the old appointment to the new one.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import { choice, count, flag, LONG, optional, recordId, reference, SHORT, text } from './common';

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
    'Bitte einen Link eingeben, der mit https:// beginnt',
  ),
);

/** Checked hygiene items of an in-person meeting, keyed by the team's item keys. */
const hygieneChecks = v.pipe(
  v.record(v.pipe(v.string(), v.maxLength(SHORT)), v.boolean('Ja oder Nein erwartet')),
  v.check(
    (record) => Object.keys(record).length <= 30,
    'Zu viele Punkte in der Hygiene-Checkliste',
  ),
);

export const appointmentSchema = v.pipe(
  v.object({
    id: recordId,
    /** Absent for group events without a case. */
    caseId: optional(reference('Ungültiger Fall')),
    startsAt: instant('Bitte Datum und Beginn eingeben'),
    endsAt: instant('Bitte das Ende eingeben'),
    mode: choice(appointmentModes, 'Bitte eine Form aus der Liste wählen'),
    status: choice(appointmentStatuses, 'Bitte einen Status aus der Liste wählen'),
    purpose: optional(choice(appointmentPurposes, 'Bitte einen Anlass aus der Liste wählen')),
    /** Shown for group events; a case appointment is named by its case. */
    title: optional(text(SHORT)),
    placeKind: optional(choice(placeKinds, 'Bitte einen Ort aus der Liste wählen')),
    address: optional(text(SHORT)),
    videoLink: optional(httpsLink),
    interpreter: optional(flag()),
    interpreterLanguage: optional(text(SHORT)),
    participantPartnerIds: optional(
      v.pipe(v.array(reference('Ungültiger Partner')), v.maxLength(20, 'Höchstens 20 Beteiligte')),
    ),
    hygiene: optional(hygieneChecks),
    reminderMinutes: optional(
      v.pipe(count(), v.maxValue(MAX_REMINDER_MINUTES, 'Höchstens eine Woche vorher erinnern')),
    ),
    headCount: optional(
      v.pipe(count(), v.maxValue(10_000, 'Bitte eine realistische Zahl eingeben')),
    ),
    notes: optional(text(LONG)),
    /** The THM whose calendar this is (overlaps are checked per owner). */
    ownerId: optional(v.pipe(v.string(), v.maxLength(64))),
    rescheduledToId: optional(reference('Ungültiger Folgetermin')),
    rescheduledFromId: optional(reference('Ungültiger früherer Termin')),
  }),
  v.forward(
    v.partialCheck(
      [['startsAt'], ['endsAt']],
      (input) => input.endsAt >= input.startsAt,
      'Das Ende liegt vor dem Beginn.',
    ),
    ['endsAt'],
  ),
  v.forward(
    v.partialCheck(
      [['caseId'], ['title']],
      (input) => Boolean(input.caseId) || Boolean(input.title),
      'Bitte einen Titel für den Gruppentermin eingeben.',
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
): string | null {
  if (next.endsAt < next.startsAt) return 'Das Ende liegt vor dem Beginn.';
  if (next.status === 'rescheduled' && !next.rescheduledToId) {
    return 'Ein verschobener Termin braucht den neuen Termin.';
  }
  if (!prev) {
    return initialAppointmentStatuses.includes(next.status)
      ? null
      : 'Ein neuer Termin ist vorgeschlagen oder bestätigt.';
  }
  if (!canMoveAppointment(prev.status, next.status)) {
    return 'Dieser Statuswechsel ist für den Termin nicht möglich.';
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
