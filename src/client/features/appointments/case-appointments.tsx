// The case detail's appointments: how to reach the person, what is planned, and (folded) what
// was. Reads live by `caseId`.
import { isActiveAppointment } from '../../../shared/domain/appointment';
import { formatShortWeekdayDay, t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { RowList } from '../../ui/list-row';
import { Section } from '../../ui/section';
import { useLiveQuery } from '../../ui/use-live-query';
import { AppointmentRow } from './appointment-row';
import { ReachLinks } from './reach-links';

export function CaseAppointments({ caseId }: { caseId: string }) {
  const db = useDb();
  const list = useLiveQuery(
    async () =>
      (await db.appointments.where('caseId').equals(caseId).toArray()).sort((a, b) =>
        a.startsAt.localeCompare(b.startsAt),
      ),
    [db, caseId],
  );
  const now = new Date().toISOString();
  const planned = list?.filter((a) => isActiveAppointment(a.status) && a.endsAt >= now) ?? [];
  const earlier = (list?.filter((a) => !planned.includes(a)) ?? []).reverse();
  const row = (a: (typeof planned)[number]) => (
    <AppointmentRow key={a.id} appointment={a} prefix={formatShortWeekdayDay(a.startsAt)} />
  );

  return (
    <Section
      title={t('appointments.case.title')}
      action={
        <LinkButton href={`/termine/neu?fall=${caseId}`} variant="ghost">
          {t('appointments.case.add')}
        </LinkButton>
      }
    >
      <ReachLinks caseId={caseId} appointment={planned[0]} />
      {list && planned.length === 0 && <EmptyState>{t('appointments.case.empty')}</EmptyState>}
      {planned.length > 0 && (
        <RowList label={t('appointments.case.title')}>{planned.map(row)}</RowList>
      )}
      {earlier.length > 0 && (
        <details class="more">
          <summary>
            {t('appointments.case.past')} ({earlier.length})
          </summary>
          <RowList label={t('appointments.case.past')}>{earlier.map(row)}</RowList>
        </details>
      )}
    </Section>
  );
}
