// Marking an appointment "attended" offers a contact-log entry prefilled from it, so documenting a
// visit takes two taps: the channel follows the mode, the duration the planned times.
import { appointmentMinutes, type Appointment } from './appointment';
import { MAX_CONTACT_MINUTES, type Contact, type ContactChannel } from './contact';

/** In person at an outreach place is outreach work; otherwise the mode names the channel. */
export function contactChannelFor(a: Pick<Appointment, 'mode' | 'placeKind'>): ContactChannel {
  if (a.mode === 'in_person') return a.placeKind === 'outreach' ? 'outreach' : 'in_person';
  return a.mode;
}

/** The prefilled entry, or null for a group event without a case (the log is per case). */
export function contactDraftFor(
  a: Appointment,
  authorId?: string | null,
): Omit<Contact, 'id'> | null {
  if (!a.caseId) return null;
  return {
    caseId: a.caseId,
    at: a.startsAt,
    channel: contactChannelFor(a),
    initiatedBy: 'thm',
    durationMinutes: Math.min(appointmentMinutes(a), MAX_CONTACT_MINUTES),
    summary: null,
    authorId: authorId ?? null,
    appointmentId: a.id,
  };
}
