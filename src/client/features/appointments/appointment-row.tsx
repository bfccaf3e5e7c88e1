// One appointment in a list: time, who or what, mode and status; the row opens the detail.
import type { Appointment } from '../../../shared/domain/appointment';
import { fullName } from '../../../shared/domain/case';
import { formatTime, t } from '../../../shared/i18n/t';
import { ListRow } from '../../ui/list-row';
import { StatusPill } from '../../ui/status-pill';
import { modeLabel, purposeLabel, statusLabel, statusTone } from './labels';
import type { CasePerson } from './use-appointments-between';

export interface AppointmentRowProps {
  appointment: Appointment;
  person?: CasePerson | undefined;
  overlaps?: boolean;
  /** Extra line, e.g. the day in a case's list. */
  prefix?: string;
  warning?: string | undefined;
}

export function appointmentHeading(a: Appointment, person?: CasePerson): string {
  if (person) return fullName(person);
  if (a.title) return a.title;
  return a.caseId ? t('appointments.detail.title') : t('appointments.agenda.groupEvent');
}

export function AppointmentRow({
  appointment: a,
  person,
  overlaps,
  prefix,
  warning,
}: AppointmentRowProps) {
  const time = `${formatTime(a.startsAt)}–${formatTime(a.endsAt)}`;
  const meta = [
    prefix,
    a.purpose ? purposeLabel(a.purpose) : null,
    modeLabel(a.mode),
    typeof a.headCount === 'number'
      ? t('appointments.agenda.headCount', { count: a.headCount })
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <ListRow
      href={`/termine/${a.id}`}
      title={`${time} ${appointmentHeading(a, person)}`}
      meta={
        <>
          {meta}
          {warning && <span class="row__warning"> · {warning}</span>}
        </>
      }
      trailing={
        <>
          {overlaps && <StatusPill tone="warning">{t('appointments.agenda.overlap')}</StatusPill>}{' '}
          <StatusPill tone={statusTone[a.status]}>{statusLabel(a.status)}</StatusPill>
        </>
      }
    />
  );
}
