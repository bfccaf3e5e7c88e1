// "Termin bearbeiten": the same form over the stored appointment. Status changes happen on the
// detail page (the lifecycle buttons), not here.
import { useLocation, useRoute } from 'preact-iso';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { EmptyState } from '../../ui/empty-state';
import { usePageTitle } from '../../state/page-title';
import { useLiveQuery } from '../../ui/use-live-query';
import { draftFromAppointment } from './appointment-draft';
import { AppointmentEditor } from './appointment-editor';

export function AppointmentEditPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id ?? '';
  usePageTitle(t('appointments.form.editTitle'), `/termine/${id}`);
  const db = useDb();
  const appointment = useLiveQuery(async () => (await db.appointments.get(id)) ?? null, [db, id]);
  if (appointment === undefined) return null;
  if (appointment === null) return <EmptyState>{t('appointments.detail.notFound')}</EmptyState>;
  return (
    <AppointmentEditor
      key={appointment.id}
      id={appointment.id}
      ownerId={appointment.ownerId}
      initial={draftFromAppointment(appointment)}
      cancelHref={`/termine/${id}`}
      onSaved={() => route(`/termine/${id}`, true)}
    />
  );
}
