// Calendar export (.ics) of one appointment or a week. Names of young people leave the app only
// when the THM opts in; by default a case appointment is shown with initials. Notes never leave.
import type {
  Appointment,
  AppointmentMode,
  AppointmentPurpose,
  AppointmentStatus,
  PlaceKind,
} from './appointment';
import { fullName, initials, type Case } from './case';
import { escapeIcsText, icsDocument, icsProperty, icsUtcDateTime } from './ics/ics-text';

export interface IcsLabels {
  purpose(purpose: AppointmentPurpose): string;
  mode(mode: AppointmentMode): string;
  place(place: PlaceKind): string;
  /** Fallback summary of an appointment without purpose and title. */
  appointment: string;
  /** The alarm text: content-free, like the local notifications. */
  alarm: string;
  interpreter(language: string): string;
}

export interface IcsOptions {
  labels: IcsLabels;
  /** The people of the exported appointments' cases, by case id. */
  people: ReadonlyMap<string, Pick<Case, 'givenName' | 'familyName'>>;
  /** Full names instead of initials (the THM opted in for this export). */
  withNames: boolean;
  /** Export time (DTSTAMP). */
  now: Date;
}

/** Stable across exports, so re-importing updates the calendar entry instead of duplicating it. */
export function icsUid(appointmentId: string): string {
  return `${appointmentId}@feldakte`;
}

export function appointmentsToIcs(
  appointments: readonly Appointment[],
  options: IcsOptions,
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Feldakte//Termine//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const appointment of appointments) lines.push(...eventLines(appointment, options));
  lines.push('END:VCALENDAR');
  return icsDocument(lines);
}

function eventLines(a: Appointment, options: IcsOptions): string[] {
  const { labels } = options;
  const lines = [
    'BEGIN:VEVENT',
    icsProperty('UID', icsUid(a.id)),
    icsProperty('DTSTAMP', icsUtcDateTime(options.now)),
    icsProperty('DTSTART', icsUtcDateTime(a.startsAt)),
    icsProperty('DTEND', icsUtcDateTime(a.endsAt)),
    icsProperty('SUMMARY', escapeIcsText(summary(a, options))),
    icsProperty('STATUS', icsStatus(a.status)),
  ];
  const location = locationOf(a, options);
  if (location) lines.push(icsProperty('LOCATION', escapeIcsText(location)));
  if (a.mode === 'video' && a.videoLink) lines.push(icsProperty('URL', a.videoLink));
  const description = [labels.mode(a.mode)];
  if (a.interpreterLanguage) description.push(labels.interpreter(a.interpreterLanguage));
  lines.push(icsProperty('DESCRIPTION', escapeIcsText(description.join('\n'))));
  if (
    typeof a.reminderMinutes === 'number' &&
    (a.status === 'proposed' || a.status === 'confirmed')
  ) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      icsProperty('DESCRIPTION', escapeIcsText(options.labels.alarm)),
      `TRIGGER:-PT${a.reminderMinutes}M`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

function summary(a: Appointment, { labels, people, withNames }: IcsOptions): string {
  const what = a.title || (a.purpose ? labels.purpose(a.purpose) : labels.appointment);
  const person = a.caseId ? people.get(a.caseId) : undefined;
  if (!person) return what;
  return `${what} – ${withNames ? fullName(person) : initials(person)}`;
}

// A home address says where a young person lives: it leaves the app only with the opt-in.
function locationOf(a: Appointment, { labels, withNames }: IcsOptions): string | null {
  if (a.mode !== 'in_person') return null;
  const place = a.placeKind ? labels.place(a.placeKind) : null;
  const address = a.address && (a.placeKind !== 'home' || withNames) ? a.address : null;
  return [place, address].filter(Boolean).join(', ') || null;
}

function icsStatus(status: AppointmentStatus): string {
  if (status === 'proposed') return 'TENTATIVE';
  if (status === 'confirmed' || status === 'attended' || status === 'no_show') return 'CONFIRMED';
  return 'CANCELLED';
}
