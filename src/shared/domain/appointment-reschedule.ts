// Rescheduling never moves an appointment in place: the old one keeps its time as history and is
// marked `rescheduled` with a link to a new one, which links back.
import { canMoveAppointment, type Appointment } from './appointment';
import { message, type Message } from '../i18n/message';

export interface RescheduleResult {
  /** The new appointment (proposed again: the new time still has to be agreed). */
  next: Appointment;
  /** Fields to write over the old appointment. */
  previous: Pick<Appointment, 'status' | 'rescheduledToId'>;
}

export function rescheduleAppointment(
  old: Appointment,
  time: Pick<Appointment, 'startsAt' | 'endsAt'>,
  newId: string,
): { ok: true; value: RescheduleResult } | { ok: false; reason: Message } {
  if (!canMoveAppointment(old.status, 'rescheduled') || old.status === 'rescheduled') {
    return { ok: false, reason: message('rules.appointments.cannotReschedule') };
  }
  if (time.endsAt < time.startsAt)
    return { ok: false, reason: message('rules.validation.endBeforeStart') };
  // The checklist belongs to the day it was ticked on; the new day starts unticked.
  const { hygiene: _hygiene, rescheduledToId: _to, ...kept } = old;
  return {
    ok: true,
    value: {
      next: {
        ...kept,
        id: newId,
        startsAt: time.startsAt,
        endsAt: time.endsAt,
        status: 'proposed',
        rescheduledFromId: old.id,
      },
      previous: { status: 'rescheduled', rescheduledToId: newId },
    },
  };
}
