// "Termin verschieben": a new time creates a new appointment (proposed) and marks the old one
// rescheduled with a link to it, both in ONE transaction: never one without the other.
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { writeRecords } from '../../../local/write-record';
import { rescheduleAppointment } from '../../../shared/domain/appointment-reschedule';
import type { Appointment } from '../../../shared/domain/appointment';
import { newRecordId } from '../../../shared/domain/record-id';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { DateField } from '../../ui/field';
import { EmptyState } from '../../ui/empty-state';
import { FormAlert } from '../../ui/form-alert';
import { usePageTitle } from '../../ui/page-title';
import { showToast } from '../../ui/toast';
import { useLiveQuery } from '../../ui/use-live-query';
import { instantToLocalDate, instantToLocalTime, localToInstant } from './local-time';
import { OverlapWarning } from './overlap-warning';
import { TimeField } from './time-field';

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
  const [date, setDate] = useState(instantToLocalDate(old.startsAt));
  const [start, setStart] = useState(instantToLocalTime(old.startsAt));
  const [end, setEnd] = useState(instantToLocalTime(old.endsAt));
  const [message, setMessage] = useState<string | null>(null);
  const startsAt = localToInstant(date, start);
  const endsAt = localToInstant(date, end);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const planned = rescheduleAppointment(old, { startsAt, endsAt }, newRecordId());
    if (!planned.ok) {
      setMessage(planned.reason);
      return;
    }
    const { next, previous } = planned.value;
    const { id: nextId, ...nextFields } = next;
    const result = await writeRecords(db, [
      { table: 'appointments', id: nextId, fields: nextFields },
      { table: 'appointments', id: old.id, fields: previous },
    ]);
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    showToast(t('appointments.form.saved'));
    route(`/termine/${nextId}`, true);
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <p class="page-intro">{t('appointments.reschedule.explain')}</p>
      <FormAlert message={message} />
      <DateField
        name="date"
        label={t('appointments.form.date')}
        required
        value={date}
        onValue={setDate}
      />
      <TimeField
        name="start"
        label={t('appointments.form.start')}
        required
        value={start}
        onValue={setStart}
      />
      <TimeField
        name="end"
        label={t('appointments.form.end')}
        required
        value={end}
        onValue={setEnd}
      />
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
