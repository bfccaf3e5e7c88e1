// A team's privacy settings in the console (issue 14 item 6, issue 12 item 6): retention period,
// legal basis and whether reports need consent. Admins only; the form helper shows the shared
// rule's German messages inline (checked here first, then by the server) and stores nothing on
// bad input. Coordinators do not see it: their report says when it counts consented cases only.
import * as v from 'valibot';
import {
  legalBases,
  teamSettingsChangeSchema,
  type LegalBasis,
  type TeamSettings,
} from '../../shared/domain/team-settings';
import { fieldErrors } from '../../local/record-errors';
import { Button } from '../ui/button';
import { CheckboxField, SelectField, TextField } from '../ui/field';
import { FormAlert } from '../ui/form-alert';
import { refused, useDraftForm } from '../ui/use-draft-form';
import { onlineRequest } from '../features/session/online-request';
import { formRefusal } from './outcome-message';
import { ct } from './console-texts';

interface Draft {
  retentionYears: string;
  legalBasis: string;
  reportsNeedConsent: boolean;
}

const basisLabel = (basis: LegalBasis) =>
  basis === 'consent' ? ct('admin.basisConsent') : ct('admin.basisPublicTask');

/** One line for the team list: what is set now. */
export function settingsSummary(settings: TeamSettings): string {
  return ct('admin.summary', {
    years: settings.retentionYears,
    basis: basisLabel(settings.legalBasis),
    consent: settings.reportsNeedConsent ? ct('admin.summaryConsent') : ct('admin.summaryAll'),
  });
}

export function TeamSettingsForm({
  team,
  onSaved,
}: {
  team: { id: string; name: string; settings: TeamSettings };
  onSaved(name: string): void;
}) {
  const form = useDraftForm({
    initial: {
      retentionYears: String(team.settings.retentionYears),
      legalBasis: team.settings.legalBasis,
      reportsNeedConsent: team.settings.reportsNeedConsent,
    } as Draft,
    // The console shows its own confirmation line (it has no toast).
    savedMessage: null,
    async save(draft) {
      const years = draft.retentionYears.trim();
      const change = {
        retentionYears: /^-?\d+([.,]\d+)?$/.test(years) ? Number(years.replace(',', '.')) : NaN,
        legalBasis: draft.legalBasis,
        reportsNeedConsent: draft.reportsNeedConsent,
      };
      const checked = v.safeParse(teamSettingsChangeSchema, change);
      if (!checked.success) {
        const errors = fieldErrors(checked.issues);
        for (const key of Object.keys(errors)) errors[key] = `${errors[key]}.`;
        return refused(null, errors);
      }
      const outcome = await onlineRequest<{ team: { settings: TeamSettings } }>(
        'PATCH',
        `/api/admin/teams/${team.id}/settings`,
        checked.output,
      );
      return outcome.ok
        ? { ok: true as const }
        : formRefusal(outcome, ['retentionYears', 'legalBasis', 'reportsNeedConsent']);
    },
    onSaved: () => onSaved(team.name),
  });

  return (
    <form class="admin-form admin-settings" {...form.formProps}>
      <h4>{ct('admin.settingsOf', { name: team.name })}</h4>
      <FormAlert message={form.message} />
      <TextField
        {...form.field('retentionYears')}
        type="text"
        inputMode="numeric"
        label={ct('admin.retentionYears')}
        hint={ct('admin.retentionHint')}
        required
      />
      <SelectField
        {...form.field('legalBasis')}
        label={ct('admin.legalBasis')}
        hint={ct('admin.legalBasisHint')}
        allowEmpty={false}
        options={legalBases.map((basis) => ({ value: basis, label: basisLabel(basis) }))}
      />
      <CheckboxField {...form.check('reportsNeedConsent')} label={ct('admin.reportsNeedConsent')} />
      <Button type="submit" variant="primary" disabled={form.saving}>
        {ct('admin.saveSettings')}
      </Button>
    </form>
  );
}
