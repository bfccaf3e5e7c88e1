// "Termine": today first, one day or one week, appointments of every case plus group events.
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { toLocalDate, parseLocalDay } from '../../../shared/domain/common';
import { formatDay, formatLongDay, formatWeekdayDay, t } from '../../../shared/i18n/t';
import { Button, LinkButton } from '../../ui/button';
import { ChipChoice } from '../../ui/chips';
import { EmptyState } from '../../ui/empty-state';
import { Icon } from '../../ui/icon';
import { RowList } from '../../ui/list-row';
import { usePageTitle } from '../../state/page-title';
import { setAgendaView, useAgendaView, type AgendaView } from '../../state/agenda-view';
import { AppointmentRow } from './appointment-row';
import { IcsExport } from './ics-export';
import { dayRange, instantToLocalDate, shiftDay, weekDays, weekRange } from './local-time';
import { useAppointmentsBetween, type AgendaData } from './use-appointments-between';
import { ScopeToggle } from '../team/scope-toggle';

export function AgendaPage() {
  usePageTitle(t('appointments.title'));
  const { view, day } = useAgendaView();
  const today = toLocalDate(new Date());
  const [from, to] = view === 'day' ? dayRange(day) : weekRange(day);
  const data = useAppointmentsBetween(from, to);
  const step = view === 'day' ? 1 : 7;
  const days = view === 'day' ? [day] : weekDays(day);

  return (
    <>
      <ScopeToggle />
      <div class="filter-bar">
        <ChipChoice
          legend={t('appointments.agenda.view')}
          name="agendaView"
          value={view}
          options={[
            { value: 'day', label: t('appointments.agenda.day') },
            { value: 'week', label: t('appointments.agenda.week') },
          ]}
          onValue={(value) => setAgendaView({ view: value as AgendaView })}
        />
      </div>
      <nav class="filter-bar" aria-label={t('appointments.agenda.view')}>
        <Button
          aria-label={t(
            view === 'day' ? 'appointments.agenda.previousDay' : 'appointments.agenda.previousWeek',
          )}
          onClick={() => setAgendaView({ day: shiftDay(day, -step) })}
        >
          <Icon name="back" />
        </Button>
        <Button onClick={() => setAgendaView({ day: today })} disabled={days.includes(today)}>
          {t('appointments.agenda.today')}
        </Button>
        <Button
          aria-label={t(
            view === 'day' ? 'appointments.agenda.nextDay' : 'appointments.agenda.nextWeek',
          )}
          onClick={() => setAgendaView({ day: shiftDay(day, step) })}
        >
          <Icon name="chevron" />
        </Button>
      </nav>
      <h2 class="section__title" aria-live="polite">
        {view === 'day'
          ? dayHeading(day, today)
          : t('appointments.agenda.weekOf', {
              week: getISOWeek(parseLocalDay(day)),
              from: formatDay(days[0]!),
              to: formatDay(days[6]!),
            })}
      </h2>
      {!data ? (
        <p class="hint">{t('appointments.agenda.loading')}</p>
      ) : view === 'day' ? (
        <DayList data={data} day={day} />
      ) : (
        <WeekList data={data} days={days} today={today} />
      )}
      {view === 'week' && data && data.appointments.length > 0 && (
        <IcsExport
          appointments={data.appointments}
          people={data.people}
          label={t('appointments.ics.downloadWeek')}
          fileName={`termine-kw${String(getISOWeek(parseLocalDay(day))).padStart(2, '0')}-${getISOWeekYear(parseLocalDay(day))}.ics`}
        />
      )}
      <div class="form-actions">
        <LinkButton href={`/termine/neu?datum=${day}`} variant="primary" block>
          <Icon name="plus" /> {t('appointments.agenda.newAppointment')}
        </LinkButton>
        <LinkButton href="/termine/hygiene" variant="ghost" block>
          {t('appointments.agenda.hygieneSettings')}
        </LinkButton>
      </div>
    </>
  );
}

function dayHeading(day: string, today: string): string {
  const label = formatLongDay(day);
  return day === today ? `${t('appointments.agenda.today')}, ${label}` : label;
}

function DayList({ data, day }: { data: AgendaData; day: string }) {
  if (data.appointments.length === 0)
    return <EmptyState>{t('appointments.agenda.empty')}</EmptyState>;
  return (
    <RowList label={formatWeekdayDay(day)}>
      {data.appointments.map((a) => (
        <AppointmentRow
          key={a.id}
          appointment={a}
          person={a.caseId ? data.people.get(a.caseId) : undefined}
          overlaps={data.overlaps.has(a.id)}
        />
      ))}
    </RowList>
  );
}

function WeekList({ data, days, today }: { data: AgendaData; days: string[]; today: string }) {
  if (data.appointments.length === 0)
    return <EmptyState>{t('appointments.agenda.emptyWeek')}</EmptyState>;
  return (
    <>
      {days.map((day) => {
        const list = data.appointments.filter((a) => instantToLocalDate(a.startsAt) === day);
        if (list.length === 0) return null;
        return (
          <section key={day} aria-label={dayHeading(day, today)}>
            <h3 class="section__title">{dayHeading(day, today)}</h3>
            <RowList>
              {list.map((a) => (
                <AppointmentRow
                  key={a.id}
                  appointment={a}
                  person={a.caseId ? data.people.get(a.caseId) : undefined}
                  overlaps={data.overlaps.has(a.id)}
                />
              ))}
            </RowList>
          </section>
        );
      })}
    </>
  );
}
