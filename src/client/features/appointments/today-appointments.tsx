// Top of "Heute": today's appointments in time order, with the hygiene warning where an
// in-person meeting still has open items.
import { hygieneWarning } from '../../../shared/domain/appointment-hygiene';
import { toLocalDate } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { RowList } from '../../ui/list-row';
import { Section } from '../../ui/section';
import { AppointmentRow } from './appointment-row';
import { hygieneItemLabel } from './labels';
import { dayRange } from './local-time';
import { useAppointmentsBetween } from './use-appointments-between';
import { useHygieneItems } from './use-hygiene-items';

export function TodayAppointments() {
  const today = toLocalDate(new Date());
  const [from, to] = dayRange(today);
  const data = useAppointmentsBetween(from, to);
  const items = useHygieneItems() ?? [];
  return (
    <Section
      title={t('appointments.today.title')}
      action={
        <LinkButton href="/termine" variant="ghost">
          {t('appointments.today.all')}
        </LinkButton>
      }
    >
      {data && data.appointments.length === 0 && (
        <EmptyState>{t('appointments.today.empty')}</EmptyState>
      )}
      {data && data.appointments.length > 0 && (
        <RowList label={t('appointments.today.title')}>
          {data.appointments.map((a) => {
            const open = hygieneWarning(a, items, today);
            return (
              <AppointmentRow
                key={a.id}
                appointment={a}
                person={a.caseId ? data.people.get(a.caseId) : undefined}
                overlaps={data.overlaps.has(a.id)}
                warning={
                  open.length
                    ? t('appointments.form.hygieneOpen', {
                        items: open.map(hygieneItemLabel).join(', '),
                      })
                    : undefined
                }
              />
            );
          })}
        </RowList>
      )}
    </Section>
  );
}
