// The hygiene checklist of an in-person meeting: the team's items as checkboxes, with the warning
// for items still open on the day of the meeting.
import { hygieneWarning } from '../../../shared/domain/appointment-hygiene';
import type { AppointmentStatus } from '../../../shared/domain/appointment';
import { toLocalDate } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { CheckboxField } from '../../ui/field';
import { hygieneItemLabel } from './labels';

export interface HygieneChecklistProps {
  items: readonly string[];
  checks: Record<string, boolean>;
  onChecks(checks: Record<string, boolean>): void;
  /** UTC instant of the meeting ('' while the time is incomplete). */
  startsAt: string;
  status: AppointmentStatus;
}

export function HygieneChecklist({
  items,
  checks,
  onChecks,
  startsAt,
  status,
}: HygieneChecklistProps) {
  const open = startsAt
    ? hygieneWarning(
        { mode: 'in_person', status, startsAt, hygiene: checks },
        items,
        toLocalDate(new Date()),
      )
    : [];
  // No checklist until the team switched one on (team setting).
  if (items.length === 0) return null;
  return (
    <fieldset class="group">
      <legend>{t('appointments.form.hygiene')}</legend>
      {open.length > 0 && (
        <p class="form-alert" role="status">
          {t('appointments.form.hygieneOpen', { items: open.map(hygieneItemLabel).join(', ') })}
        </p>
      )}
      {items.map((item, index) => (
        <CheckboxField
          key={item}
          name={`hygiene-${index}`}
          label={hygieneItemLabel(item)}
          checked={checks[item] === true}
          onValue={(checked) => onChecks({ ...checks, [item]: checked })}
        />
      ))}
    </fieldset>
  );
}
