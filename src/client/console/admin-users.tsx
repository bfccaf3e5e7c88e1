// The console's accounts: one account with its role, its devices (revoke) and its actions, and the
// form for a new account.
import { useState } from 'preact/hooks';
import { ct } from './console-texts';
import {
  onlineRequest as consoleRequest,
  type OnlineOutcome as ApiOutcome,
} from '../features/session/online-request';
import { formRefusal, problem } from './outcome-message';
import { isAccountEmail, roles, type Role } from '../../shared/domain/account';
import { formatDateTime, t } from '../../shared/i18n/t';
import { Button } from '../ui/button';
import { SelectField, TextField } from '../ui/field';
import { FormAlert } from '../ui/form-alert';
import { refused, useDraftForm } from '../ui/use-draft-form';
import type { DeviceRow, TeamRow, UserRow } from './admin-rows';

export function UserItem({
  row,
  self,
  onRole,
  onDisable,
  onReset,
}: {
  row: UserRow;
  self: boolean;
  onRole(role: Role): Promise<boolean>;
  onDisable(): void;
  onReset(): void;
}) {
  const [devices, setDevices] = useState<DeviceRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const showDevices = async (outcome?: ApiOutcome<{ devices: DeviceRow[] }>) => {
    const result =
      outcome ??
      (await consoleRequest<{ devices: DeviceRow[] }>('GET', `/api/admin/users/${row.id}/devices`));
    const trouble = problem(result);
    setError(trouble);
    if (result.ok) setDevices(result.value.devices);
  };
  return (
    <li class="admin-user">
      <div class="admin-user__head">
        <strong>{row.name}</strong>
        <span class="admin-list__meta">
          {row.email} · {row.team.name} · {ct(`role.${row.role}`)}
          {row.disabled && ` · ${ct('admin.disabled')}`}
        </span>
      </div>
      {!row.disabled && (
        <div class="admin-user__actions">
          <label class="field admin-user__role">
            <span class="field__label">{ct('admin.changeRole')}</span>
            <select
              autoComplete="off"
              class="field__input"
              value={row.role}
              disabled={self}
              onChange={(e) => void onRole((e.target as HTMLSelectElement).value as Role)}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {ct(`role.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="button button--secondary" onClick={onReset}>
            {ct('admin.resetPassword')}
          </button>
          {!self && (
            <button type="button" class="button button--danger" onClick={onDisable}>
              {ct('admin.disable')}
            </button>
          )}
          <button
            type="button"
            class="button button--ghost"
            aria-expanded={devices !== null}
            onClick={() => (devices ? setDevices(null) : void showDevices())}
          >
            {ct('admin.devices')}
          </button>
        </div>
      )}
      {error && <p class="console-alert">{error}</p>}
      {devices && (
        <ul class="admin-devices" aria-label={ct('admin.devicesOf', { name: row.name })}>
          {devices.length === 0 && <li>{ct('admin.noDevices')}</li>}
          {devices.map((device) => (
            <li key={device.deviceId}>
              <span>
                {device.name || device.deviceId.slice(0, 8)} ·{' '}
                {ct('admin.lastSeen', { at: formatDateTime(device.lastSeenAt) })}
                {device.revokedAt && ` · ${ct('admin.revoked')}`}
                {device.recoveries > 0 && device.lastRecoveryAt && (
                  <>
                    <br />
                    {ct('admin.recoveries', {
                      count: device.recoveries,
                      at: formatDateTime(device.lastRecoveryAt),
                    })}
                  </>
                )}
              </span>
              {!device.revokedAt && (
                <button
                  type="button"
                  class="button button--danger"
                  onClick={async () => {
                    if (!window.confirm(ct('admin.revokeConfirm'))) return;
                    await showDevices(
                      await consoleRequest<{ devices: DeviceRow[] }>(
                        'POST',
                        `/api/admin/users/${row.id}/devices/${device.deviceId}/revoke`,
                      ),
                    );
                  }}
                >
                  {ct('admin.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

interface NewUserDraft {
  teamId: string;
  email: string;
  name: string;
  role: string;
}

export function NewUserForm({
  teams,
  defaultTeam,
  onCreated,
}: {
  teams: TeamRow[];
  defaultTeam: string;
  onCreated(created: { user: UserRow; oneTimePassword: string }): Promise<void>;
}) {
  const form = useDraftForm({
    initial: { teamId: defaultTeam, email: '', name: '', role: 'thm' } as NewUserDraft,
    savedMessage: null,
    async save(draft) {
      const errors: Record<string, string> = {};
      if (!draft.name.trim()) errors.name = t('server.account.nameMissing');
      if (!isAccountEmail(draft.email)) errors.email = t('server.account.emailInvalid');
      if (Object.keys(errors).length > 0) return refused(null, errors);
      const outcome = await consoleRequest<{ user: UserRow; oneTimePassword: string }>(
        'POST',
        '/api/admin/users',
        { ...draft, email: draft.email.trim(), name: draft.name.trim() },
      );
      return outcome.ok
        ? { ok: true as const, created: outcome.value }
        : formRefusal(outcome, ['teamId', 'email', 'name', 'role']);
    },
    onSaved: (saved) => {
      form.reset();
      void onCreated(saved.created);
    },
  });
  return (
    <form class="admin-form" {...form.formProps}>
      <h4>{ct('admin.newUser')}</h4>
      <FormAlert message={form.message} />
      <TextField {...form.field('name')} label={ct('admin.name')} autoComplete="off" required />
      <TextField
        {...form.field('email')}
        type="email"
        inputMode="email"
        label={ct('admin.email')}
        autoComplete="off"
        required
      />
      <SelectField
        {...form.field('teamId')}
        label={ct('admin.team')}
        allowEmpty={false}
        options={teams.map((team) => ({ value: team.id, label: team.name }))}
      />
      <SelectField
        {...form.field('role')}
        label={ct('admin.role')}
        allowEmpty={false}
        options={roles.map((role) => ({ value: role, label: ct(`role.${role}`) }))}
      />
      <Button type="submit" variant="primary" disabled={form.saving}>
        {ct('admin.createUser')}
      </Button>
    </form>
  );
}
