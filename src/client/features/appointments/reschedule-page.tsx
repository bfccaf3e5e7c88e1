// "Termin verschieben": a new time creates a new appointment (proposed) and marks the old one
// rescheduled with a link to it, both in ONE transaction: never one without the other.
import { useLocation, useRoute } from 'preact-iso';
import { writeRecords } from '../../../local/write-record';
import { rescheduleAppointment } from '../../../shared/domain/appointment-reschedule';
import type { Appointment } from '../../../shared/domain/appointment';
import { newRecordId } from '../../../shared/domain/record-id';
import { t } from '../../../shared/i18n/t';
import { renderMessage } from '../../../shared/i18n/message';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { DateField, TimeField } from '../../ui/field';
import { EmptyState } from '../../ui/empty-state';
import { FormAlert } from '../../ui/form-alert';
import { usePageTitle } from '../../state/page-title';
import { refused, useDraftForm } from '../../ui/use-draft-form';
import { formErrorKey } from './appointment-draft';
import { useLiveQuery } from '../../ui/use-live-query';
import { instantToLocalDate, instantToLocalTime, localToInstant } from './local-time';
import { OverlapWarning } from './overlap-warning';

export function ReschedulePage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  usePageTitle(t('appointments.reschedule.title'), `/termine/${id}`);
  const db = useDb();
  const old = useLiveQuery(async () => (await db.appointments.get(id)) ?? null, [db, id]);
  if (old === undefined) return null;
  if (old === null) return <EmptyState>{t('appointments.detail.notFound')}</EmptyState>;
  return <RescheduleForm old={old} />;
}

function RescheduleForm({ old }: { old: Appointment }) {
  const db = useDb();
  const { route } = useLocation();
  const { draft, field, message, formProps } = useDraftForm({
    initial: {
      date: instantToLocalDate(old.startsAt),
      start: instantToLocalTime(old.startsAt),
      end: instantToLocalTime(old.endsAt),
    },
    save: async ({ date, start, end }) => {
      const times = { startsAt: localToInstant(date, start), endsAt: localToInstant(date, end) };
      const planned = rescheduleAppointment(old, times, newRecordId());
      if (!planned.ok) return refused(renderMessage(planned.reason));
      const { next, previous } = planned.value;
      const { id: nextId, ...nextFields } = next;
      const result = await writeRecords(db, [
        { table: 'appointments', id: nextId, fields: nextFields },
        { table: 'appointments', id: old.id, fields: previous },
      ]);
      // Errors of the new appointment (write 0) show at its times; the old one's only above.
      return result.ok || result.index === 0 ? result : { ...result, errors: {} };
    },
    savedMessage: t('appointments.form.saved'),
    onSaved: (result) => route(`/termine/${result.ids[0]}`, true),
    errorField: formErrorKey,
  });
  const startsAt = localToInstant(draft.date, draft.start);
  const endsAt = localToInstant(draft.date, draft.end);

  return (
    <form {...formProps}>
      <p class="page-intro">{t('appointments.reschedule.explain')}</p>
      <FormAlert message={message} />
      <DateField {...field('date')} label={t('appointments.form.date')} required />
      <TimeField {...field('start')} label={t('appointments.form.start')} required />
      <TimeField {...field('end')} label={t('appointments.form.end')} required />
      <OverlapWarning
        id={old.id}
        startsAt={startsAt}
        endsAt={endsAt}
        status="proposed"
        ownerId={old.ownerId ?? null}
      />
      <div class="form-actions">
        <Button type="submit" variant="primary" block>
          {t('appointments.reschedule.save')}
        </Button>
        <a class="button button--ghost button--block" href={`/termine/${old.id}`}>
          {t('common.actions.cancel')}
        </a>
      </div>
    </form>
  );
}
