// "Neuer Termin": from the agenda (with the shown day) or from a case (`?fall=<id>`); the query
// carries only an id and a date, never content.
import { useLocation } from 'preact-iso';
import { toLocalDate } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { usePageTitle } from '../../state/page-title';
import { emptyAppointmentDraft } from './appointment-draft';
import { AppointmentEditor } from './appointment-editor';

export function AppointmentCreatePage() {
  const { query, route } = useLocation();
  const caseId = query.fall ?? '';
  const back = caseId ? `/faelle/${caseId}` : '/termine';
  usePageTitle(t('appointments.form.newTitle'), back);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(query.datum ?? '')
    ? query.datum!
    : toLocalDate(new Date());
  return (
    <AppointmentEditor
      initial={emptyAppointmentDraft(date, caseId)}
      cancelHref={back}
      onSaved={(id) => route(`/termine/${id}`, true)}
    />
  );
}
