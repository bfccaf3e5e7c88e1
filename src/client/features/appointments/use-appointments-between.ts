// Appointments in a time range, read live from the `startsAt` index, with the people of their
// cases (for the row title) and the ids that overlap another appointment of the same THM.
import type { FeldakteDb, StoredRecord } from '../../../local/db';
import type { Appointment } from '../../../shared/domain/appointment';
import { overlapIds } from '../../../shared/domain/appointment-overlap';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';

export type CasePerson = Pick<StoredRecord<'cases'>, 'id' | 'givenName' | 'familyName'>;

export interface AgendaData {
  appointments: Appointment[];
  people: Map<string, CasePerson>;
  overlaps: Set<string>;
}

export async function loadAppointmentsBetween(
  db: FeldakteDb,
  from: string,
  to: string,
): Promise<AgendaData> {
  const appointments = await db.appointments
    .where('startsAt')
    .between(from, to, true, false)
    .toArray();
  return {
    appointments,
    people: await peopleOf(db, appointments),
    overlaps: overlapIds(appointments),
  };
}

export async function peopleOf(
  db: FeldakteDb,
  appointments: readonly Pick<Appointment, 'caseId'>[],
): Promise<Map<string, CasePerson>> {
  const ids = [...new Set(appointments.map((a) => a.caseId).filter((id): id is string => !!id))];
  const cases = ids.length ? await db.cases.bulkGet(ids) : [];
  return new Map(cases.filter((c) => c !== undefined).map((c) => [c.id, c]));
}

/** `undefined` while loading. */
export function useAppointmentsBetween(from: string, to: string): AgendaData | undefined {
  const db = useDb();
  return useLiveQuery(() => loadAppointmentsBetween(db, from, to), [db, from, to]);
}
