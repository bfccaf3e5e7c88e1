// One appointment: when, where, with whom; reaching the person; the lifecycle buttons; export.
import { useRoute } from 'preact-iso';
import { hygieneWarning } from '../../../shared/domain/appointment-hygiene';
import type { Appointment } from '../../../shared/domain/appointment';
import { fullName } from '../../../shared/domain/case';
import { toLocalDate } from '../../../shared/domain/common';
import { formatLongDay, formatTime, t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { usePageTitle } from '../../state/page-title';
import { StatusPill } from '../../ui/status-pill';
import { useLiveQuery } from '../../ui/use-live-query';
import { PendingBadge } from '../sync/pending-badge';
import { ConferenceOutcomeLink } from '../network/conference-outcome-link';
import { appointmentHeading } from './appointment-row';
import { IcsExport } from './ics-export';
import {
  hygieneItemLabel,
  modeLabel,
  placeLabel,
  purposeLabel,
  statusLabel,
  statusTone,
} from './labels';
import { LifecycleActions } from './lifecycle-actions';
import { ReachLinks } from './reach-links';
import { peopleOf } from './use-appointments-between';
import { useHygieneItems } from './use-hygiene-items';

export function AppointmentDetailPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  usePageTitle(t('appointments.detail.title'), '/termine');
  const db = useDb();
  const data = useLiveQuery(async () => {
    const appointment = await db.appointments.get(id);
    return appointment ? { appointment, people: await peopleOf(db, [appointment]) } : null;
  }, [db, id]);
  const items = useHygieneItems() ?? [];
  if (data === undefined) return null;
  if (data === null) return <EmptyState>{t('appointments.detail.notFound')}</EmptyState>;
  const { appointment: a, people } = data;
  const person = a.caseId ? people.get(a.caseId) : undefined;
  const open = hygieneWarning(a, items, toLocalDate(new Date()));

  return (
    <>
      <h2 class="section__title">
        {appointmentHeading(a, person)}{' '}
        <StatusPill tone={statusTone[a.status]}>{statusLabel(a.status)}</StatusPill>{' '}
        <PendingBadge table="appointments" id={a.id} />
      </h2>
      {open.length > 0 && (
        <p class="form-alert" role="status">
          {t('appointments.form.hygieneOpen', { items: open.map(hygieneItemLabel).join(', ') })}
        </p>
      )}
      <div class="card">
        <dl class="facts">
          <dt>{t('appointments.detail.when')}</dt>
          <dd>
            {formatLongDay(a.startsAt)}, {formatTime(a.startsAt)}–{formatTime(a.endsAt)}
          </dd>
          {a.purpose && (
            <>
              <dt>{t('appointments.form.purpose')}</dt>
              <dd>{purposeLabel(a.purpose)}</dd>
            </>
          )}
          <dt>{t('appointments.detail.where')}</dt>
          <dd>{whereText(a)}</dd>
          {person && (
            <>
              <dt>{t('appointments.detail.with')}</dt>
              <dd>
                <a href={`/faelle/${person.id}`}>{fullName(person)}</a>
              </dd>
            </>
          )}
          {!a.caseId && typeof a.headCount === 'number' && (
            <>
              <dt>{t('appointments.form.headCount')}</dt>
              <dd>{a.headCount}</dd>
            </>
          )}
          {a.interpreter && (
            <>
              <dt>{t('appointments.detail.interpreterTerm')}</dt>
              <dd>{a.interpreterLanguage || t('appointments.detail.interpreterUnknown')}</dd>
            </>
          )}
          {a.notes && (
            <>
              <dt>{t('appointments.form.notes')}</dt>
              <dd>{a.notes}</dd>
            </>
          )}
        </dl>
        {a.rescheduledFromId && (
          <a href={`/termine/${a.rescheduledFromId}`}>{t('appointments.detail.rescheduledFrom')}</a>
        )}
        {a.rescheduledToId && (
          <a href={`/termine/${a.rescheduledToId}`}>{t('appointments.detail.rescheduledTo')}</a>
        )}
      </div>
      {a.mode === 'video' && a.videoLink && (
        <a
          href={a.videoLink}
          target="_blank"
          rel="noopener noreferrer"
          class="button button--primary button--block"
        >
          {t('appointments.detail.openVideo')}
        </a>
      )}
      {a.caseId && <ReachLinks caseId={a.caseId} appointment={a} />}
      {a.caseId && a.purpose === 'case_conference' && (
        <LinkButton href={`/faelle/${a.caseId}/fallkonferenz/${a.id}`} block>
          {t('appointments.detail.conferenceOutcome')}
        </LinkButton>
      )}
      {a.caseId && a.purpose === 'case_conference' && (
        <ConferenceOutcomeLink caseId={a.caseId} appointmentId={a.id} />
      )}
      <LifecycleActions appointment={a} />
      <div class="form-actions">
        <LinkButton href={`/termine/${a.id}/bearbeiten`} block>
          {t('common.actions.edit')}
        </LinkButton>
      </div>
      <IcsExport
        appointments={[a]}
        people={people}
        label={t('appointments.ics.download')}
        fileName={`termin-${toLocalDate(new Date(a.startsAt))}.ics`}
      />
    </>
  );
}

function whereText(a: Appointment): string {
  const parts = [modeLabel(a.mode)];
  if (a.mode === 'in_person' && a.placeKind) parts.push(placeLabel(a.placeKind));
  if (a.mode === 'in_person' && a.address) parts.push(a.address);
  return parts.join(', ');
}
