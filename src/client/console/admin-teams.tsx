// The console's teams: one team with its privacy settings, and the form for a new team.
import { useState } from 'preact/hooks';
import { ct } from './console-texts';
import { onlineRequest as consoleRequest } from '../features/session/online-request';
import { formRefusal } from './outcome-message';
import { settingsSummary, TeamSettingsForm } from './team-settings-form';
import { t } from '../../shared/i18n/t';
import { Button } from '../ui/button';
import { TextField } from '../ui/field';
import { FormAlert } from '../ui/form-alert';
import { refused, useDraftForm } from '../ui/use-draft-form';
import type { TeamRow } from './admin-rows';

export function TeamItem({
  team,
  onSaved,
}: {
  team: TeamRow;
  onSaved(name: string): Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  return (
    <li class="admin-team">
      <div class="admin-user__head">
        <strong>{team.name}</strong>
        <span class="admin-list__meta">
          ({team.users}) · {settingsSummary(team.settings)}
        </span>
      </div>
      <button
        type="button"
        class="button button--ghost"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {ct('admin.settings')}
      </button>
      {open && (
        <TeamSettingsForm
          team={team}
          onSaved={(name) => {
            setOpen(false);
            void onSaved(name);
          }}
        />
      )}
    </li>
  );
}

export function NewTeamForm({ onCreated }: { onCreated(name: string): Promise<void> }) {
  const form = useDraftForm({
    initial: { name: '' },
    // The console shows its own confirmation line (it has no toast).
    savedMessage: null,
    async save(draft) {
      if (!draft.name.trim()) return refused(null, { name: t('server.account.teamNameMissing') });
      const outcome = await consoleRequest<{ team: { name: string } }>('POST', '/api/admin/teams', {
        name: draft.name.trim(),
      });
      return outcome.ok
        ? { ok: true as const, name: outcome.value.team.name }
        : formRefusal(outcome, ['name']);
    },
    onSaved: (saved) => {
      form.reset();
      void onCreated(saved.name);
    },
  });
  return (
    <form class="admin-form" {...form.formProps}>
      <h4>{ct('admin.newTeam')}</h4>
      <FormAlert message={form.message} />
      <TextField {...form.field('name')} label={ct('admin.teamName')} autoComplete="off" required />
      <Button type="submit" variant="primary" disabled={form.saving}>
        {ct('admin.createTeam')}
      </Button>
    </form>
  );
}
