import { findTeam } from '../../auth/accounts';
import { legalBases, type TeamSettings } from '../../../shared/domain/team-settings';
import { HttpError } from '../../http/api-error';
import { getTeamSettings, updateTeamSettings } from '../../privacy/team-settings';
import { defineCommand, required, UsageError } from '../admin-command';

export const teamSettings = defineCommand({
  name: 'team settings',
  usage: `team settings --team <name> [--retention-years <1-10>] [--legal-basis <${legalBases.join('|')}>]
                   [--reports-need-consent <ja|nein>] [--controller <Name und Anschrift>] [--dpo <Kontakt>]`,
  options: ['team', 'retention-years', 'legal-basis', 'reports-need-consent', 'controller', 'dpo'],
  unknownOption: (flag) => `Unbekannte Einstellung „${flag}“.`,
  async run({ options }, { store, now }) {
    const name = required(options, 'team');
    const team = await findTeam(store, name);
    if (!team) throw new UsageError(`Das Team „${name}“ gibt es nicht.`);
    const change: Partial<Record<keyof TeamSettings, unknown>> = {};
    if (options['retention-years'] !== undefined)
      change.retentionYears = Number(options['retention-years']);
    if (options['legal-basis'] !== undefined) change.legalBasis = options['legal-basis'];
    if (options['reports-need-consent'] !== undefined)
      change.reportsNeedConsent = yesNo(options['reports-need-consent']);
    if (options.controller !== undefined) change.controller = options.controller;
    if (options.dpo !== undefined) change.dataProtectionOfficer = options.dpo;
    let settings: TeamSettings;
    try {
      settings =
        Object.keys(change).length === 0
          ? await getTeamSettings(store, team.id)
          : await updateTeamSettings(store, team.id, change, now);
    } catch (error) {
      if (error instanceof HttpError) throw new UsageError(error.message);
      throw error;
    }
    return [
      `Einstellungen des Teams „${team.name}“:`,
      `  Aufbewahrungsfrist:        ${settings.retentionYears} Jahre nach Abschluss`,
      `  Rechtsgrundlage:           ${settings.legalBasis === 'consent' ? 'Einwilligung (consent, Art. 6 Abs. 1 lit. a DSGVO)' : 'öffentliche Aufgabe (public_task, Art. 6 Abs. 1 lit. e DSGVO)'}`,
      `  Berichte nur mit Einwilligung: ${settings.reportsNeedConsent ? 'ja' : 'nein'}`,
      `  Verantwortliche Stelle:    ${settings.controller ?? '(nicht eingetragen)'}`,
      `  Datenschutzbeauftragte:    ${settings.dataProtectionOfficer ?? '(nicht eingetragen)'}`,
    ].join('\n');
  },
});

function yesNo(value: string): boolean {
  if (['ja', 'yes', 'true', '1'].includes(value.toLowerCase())) return true;
  if (['nein', 'no', 'false', '0'].includes(value.toLowerCase())) return false;
  throw new UsageError(`Bitte „ja“ oder „nein“ angeben, nicht „${value}“.`);
}
