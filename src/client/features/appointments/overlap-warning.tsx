// Flags appointments of the same THM that intersect the one being planned (a hint: the THM may
// still double-book on purpose, e.g. a short call during office hours).
import type { AppointmentStatus } from '../../../shared/domain/appointment';
import { overlappingAppointments } from '../../../shared/domain/appointment-overlap';
import { formatTime, t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';

export interface OverlapWarningProps {
  id: string | undefined;
  startsAt: string;
  endsAt: string;
  status: AppointmentStatus;
  ownerId: string | null;
}

/** Longest appointment considered when looking back for ones that started earlier. */
const LOOK_BACK_MS = 24 * 60 * 60_000;

export function OverlapWarning({ id, startsAt, endsAt, status, ownerId }: OverlapWarningProps) {
  const db = useDb();
  const overlaps = useLiveQuery(async () => {
    if (!startsAt || !endsAt || endsAt < startsAt) return [];
    const from = new Date(Date.parse(startsAt) - LOOK_BACK_MS).toISOString();
    const nearby = await db.appointments
      .where('startsAt')
      .between(from, endsAt, true, true)
      .toArray();
    return overlappingAppointments({ id: id ?? '', startsAt, endsAt, status, ownerId }, nearby);
  }, [db, id, startsAt, endsAt, status, ownerId]);
  if (!overlaps || overlaps.length === 0) return null;
  const times = overlaps.map((a) => `${formatTime(a.startsAt)}–${formatTime(a.endsAt)}`).join(', ');
  return (
    <p class="form-alert" role="status">
      {t('appointments.form.overlap', { times })}
    </p>
  );
}
