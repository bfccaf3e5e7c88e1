// Administration: teams (and each team's privacy settings), accounts (create, disable, reset the
// password, change the role) and each account's devices (revoke). A one-time password is shown
// once, in a dialog, and kept nowhere; its owner must replace it at the first sign-in.
import { useEffect, useState } from 'preact/hooks';
import type { SessionUser } from '../../shared/sync/protocol';
import { ct } from './console-texts';
import {
  onlineRequest as consoleRequest,
  type OnlineOutcome as ApiOutcome,
} from '../features/session/online-request';
import type { TeamSettings } from '../../shared/domain/team-settings';
import { formRefusal, problem } from './outcome-message';
import { settingsSummary, TeamSettingsForm } from './team-settings-form';
import { isAccountEmail, roles, type Role } from '../../shared/domain/account';
import { formatDateTime, t } from '../../shared/i18n/t';
import { Button } from '../ui/button';
import { SelectField, TextField } from '../ui/field';
import { FormAlert } from '../ui/form-alert';
import { refused, useDraftForm } from '../ui/use-draft-form';

interface TeamRow {
  id: string;
  name: string;
  users: number;
  settings: TeamSettings;
}
interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  team: { id: string; name: string };
  disabled: boolean;
}
interface DeviceRow {
  deviceId: string;
  name: string;
  lastSeenAt: string;
  revokedAt: string | null;
  /** Hand-outs of the recovery secret to this device (it could open its data without the PIN). */
  recoveries: number;
  lastRecoveryAt: string | null;
}

export function AdminPage({ user }: { user: SessionUser }) {
  const [teams, setTeams] = useState<TeamRow[] | null>(null);
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [secret, setSecret] = useState<{ email: string; password: string } | null>(null);

  const load = async () => {
    const [t, u] = await Promise.all([
      consoleRequest<{ teams: TeamRow[] }>('GET', '/api/admin/teams'),
      consoleRequest<{ users: UserRow[] }>('GET', '/api/admin/users'),
    ]);
    const trouble = problem(t) ?? problem(u);
    if (trouble) return setMessage({ text: trouble, error: true });
    if (t.ok) setTeams(t.value.teams);
    if (u.ok) setUsers(u.value.users);
  };
  useEffect(() => {
    void load();
  }, []);

  /** Runs a change; shows its refusal or `done`, then reloads the lists. */
  const change = async <T,>(request: Promise<ApiOutcome<T>>, done: (data: T) => string) => {
    const outcome = await request;
    if (!outcome.ok) {
      setMessage({ text: problem(outcome) ?? ct('serverError'), error: true });
      return false;
    }
    setMessage({ text: done(outcome.value), error: false });
    await load();
    return true;
  };

  return (
    <div class="admin">
      <h2>{ct('admin.heading')}</h2>
      {message && (
        <p
          class={message.error ? 'console-alert' : 'console-ok'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {secret && (
        <div
          class="one-time"
          role="alertdialog"
          aria-labelledby="otp-title"
          aria-describedby="otp-hint"
        >
          <h3 id="otp-title">{ct('admin.oneTimePassword', { email: secret.email })}</h3>
          <p class="one-time__password">
            <code>{secret.password}</code>
          </p>
          <p id="otp-hint">
            {ct('admin.oneTimeHint')} {ct('admin.oneTimeForced')}
          </p>
          <button type="button" class="button button--primary" onClick={() => setSecret(null)}>
            {ct('admin.close')}
          </button>
        </div>
      )}

      <section aria-labelledby="admin-teams">
        <h3 id="admin-teams">{ct('admin.teams')}</h3>
        {teams && (
          <ul class="admin-list">
            {teams.map((team) => (
              <TeamItem
                key={team.id}
                team={team}
                onSaved={async (name) => {
                  setMessage({ text: ct('admin.settingsSaved', { name }), error: false });
                  await load();
                }}
              />
            ))}
          </ul>
        )}
        <NewTeamForm
          onCreated={async (name) => {
            setMessage({ text: ct('admin.teamCreated', { name }), error: false });
            await load();
          }}
        />
      </section>

      <section aria-labelledby="admin-users">
        <h3 id="admin-users">{ct('admin.users')}</h3>
        {users && users.length === 0 && <p>{ct('admin.noUsers')}</p>}
        {users && (
          <ul class="admin-list">
            {users.map((row) => (
              <UserItem
                key={row.id}
                row={row}
                self={row.id === user.id}
                onRole={(role) =>
                  change(consoleRequest('PATCH', `/api/admin/users/${row.id}`, { role }), () =>
                    ct('admin.roleChanged'),
                  )
                }
                onDisable={() => {
                  if (!window.confirm(ct('admin.disableConfirm', { name: row.name }))) return;
                  void change(consoleRequest('POST', `/api/admin/users/${row.id}/disable`), () =>
                    ct('admin.disabledDone'),
                  );
                }}
                onReset={() =>
                  void change(
                    consoleRequest<{ oneTimePassword: string }>(
                      'POST',
                      `/api/admin/users/${row.id}/password`,
                    ),
                    (data) => {
                      setSecret({ email: row.email, password: data.oneTimePassword });
                      return ct('admin.oneTimePassword', { email: row.email });
                    },
                  )
                }
              />
            ))}
          </ul>
        )}
        {teams && (
          <NewUserForm
            teams={teams}
            defaultTeam={user.team.id}
            onCreated={async (created) => {
              setSecret({ email: created.user.email, password: created.oneTimePassword });
              setMessage({
                text: ct('admin.created', { email: created.user.email }),
                error: false,
              });
              await load();
            }}
          />
        )}
      </section>
    </div>
  );
}

function TeamItem({ team, onSaved }: { team: TeamRow; onSaved(name: string): Promise<void> }) {
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

function UserItem({
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

function NewTeamForm({ onCreated }: { onCreated(name: string): Promise<void> }) {
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

interface NewUserDraft {
  teamId: string;
  email: string;
  name: string;
  role: string;
}

function NewUserForm({
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
