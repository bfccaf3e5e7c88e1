// Appointments in a time range, read live from the `startsAt` index, with the people of their
// cases (for the row title) and the ids that overlap another appointment of the same THM.
import type { FeldakteDb, StoredRecord } from '../../../local/db';
import type { Appointment } from '../../../shared/domain/appointment';
import { overlapIds } from '../../../shared/domain/appointment-overlap';
import { isMyAppointment } from '../../../shared/domain/case-ownership';
import { toLocalDate } from '../../../shared/domain/common';
import { useDb, useSession } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { useScope } from '../../state/scope';

export type CasePerson = Pick<
  StoredRecord<'cases'>,
  'id' | 'givenName' | 'familyName' | 'assignedTo' | 'coveredBy' | 'coveredUntil'
>;

export interface AgendaData {
  appointments: Appointment[];
  people: Map<string, CasePerson>;
  overlaps: Set<string>;
}

/** `mine`: only the user's own appointments (case-ownership.ts); without it, the team's. */
export async function loadAppointmentsBetween(
  db: FeldakteDb,
  from: string,
  to: string,
  mine?: { userId: string; today: string },
): Promise<AgendaData> {
  const all = await db.appointments.where('startsAt').between(from, to, true, false).toArray();
  const people = await peopleOf(db, all);
  const appointments = mine
    ? all.filter((a) =>
        isMyAppointment(a, a.caseId ? people.get(a.caseId) : undefined, mine.userId, mine.today),
      )
    : all;
  return { appointments, people, overlaps: overlapIds(all) };
}

export async function peopleOf(
  db: FeldakteDb,
  appointments: readonly Pick<Appointment, 'caseId'>[],
): Promise<Map<string, CasePerson>> {
  const ids = [...new Set(appointments.map((a) => a.caseId).filter((id): id is string => !!id))];
  const cases = ids.length ? await db.cases.bulkGet(ids) : [];
  return new Map(cases.filter((c) => c !== undefined).map((c) => [c.id, c]));
}

/** `undefined` while loading. Follows the "Meine / Ganzes Team" choice. */
export function useAppointmentsBetween(from: string, to: string): AgendaData | undefined {
  const db = useDb();
  const userId = useSession((state) => state.user?.id ?? '');
  const scope = useScope((state) => state.scope);
  const today = toLocalDate(new Date());
  return useLiveQuery(
    () => loadAppointmentsBetween(db, from, to, scope === 'mine' ? { userId, today } : undefined),
    [db, from, to, scope, userId, today],
  );
}
