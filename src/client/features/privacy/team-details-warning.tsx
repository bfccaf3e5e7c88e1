// Issue 27 item 2: the texts for the person name the controller and the data protection officer
// from the team's settings; until the team has entered them the texts show a placeholder. The THM
// is warned before showing, printing or recording such a text (texts page and consent form).
import { teamSettingsOf, type TeamSettings } from '../../../shared/domain/team-settings';
import { t } from '../../../shared/i18n/t';
import { useSession } from '../../state/session';

/** The team's details the texts need and the team has not entered yet, as their names. */
export function missingTeamDetails(settings: TeamSettings): string[] {
  return [
    ...(settings.controller ? [] : [t('privacy.placeholders.controller')]),
    ...(settings.dataProtectionOfficer ? [] : [t('privacy.placeholders.dpo')]),
  ];
}

export function TeamDetailsWarning() {
  const settings = teamSettingsOf(useSession((state) => state.user?.team));
  const missing = missingTeamDetails(settings);
  if (missing.length === 0) return null;
  return (
    <div class="form-warning no-print">
      <p class="form-warning__title">{t('privacy.placeholders.title')}</p>
      <p>{t('privacy.placeholders.explain', { missing: missing.join(', ') })}</p>
    </div>
  );
}
