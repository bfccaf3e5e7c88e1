// On a case conference appointment: the way to its outcome (minutes, agreed steps).
import { t } from '../../../shared/i18n/t';
import { LinkButton } from '../../ui/button';

export function ConferenceOutcomeLink({
  caseId,
  appointmentId,
}: {
  caseId: string;
  appointmentId: string;
}) {
  return (
    <LinkButton href={`/faelle/${caseId}/fallkonferenz/${appointmentId}`} block>
      {t('network.conference.outcomeTitle')}
    </LinkButton>
  );
}
