// Administration: teams (and each team's privacy settings), accounts (create, disable, reset the
// password, change the role) and each account's devices (revoke). A one-time password is shown
// once, in a dialog, and kept nowhere; its owner must replace it at the first sign-in.
import { useEffect, useState } from 'preact/hooks';
import type { SessionUser } from '../../shared/sync/protocol';
import { formatDateTime } from '../../shared/i18n/t';
import { ct } from './console-texts';
import {
  onlineRequest as consoleRequest,
  type OnlineOutcome as ApiOutcome,
} from '../features/session/online-request';
import type { TeamSettings } from '../../shared/domain/team-settings';
import { problem } from './outcome-message';
import { settingsSummary, TeamSettingsForm } from './team-settings-form';

type Role = SessionUser['role'];
const roles: Role[] = ['thm', 'coordinator', 'admin'];

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
          onCreate={(name) =>
            change(
              consoleRequest<{ team: { name: string } }>('POST', '/api/admin/teams', { name }),
              (data) => ct('admin.teamCreated', { name: data.team.name }),
            )
          }
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
            onCreate={(input) =>
              change(
                consoleRequest<{ user: UserRow; oneTimePassword: string }>(
                  'POST',
                  '/api/admin/users',
                  input,
                ),
                (data) => {
                  setSecret({ email: data.user.email, password: data.oneTimePassword });
                  return ct('admin.created', { email: data.user.email });
                },
              )
            }
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

function NewTeamForm({ onCreate }: { onCreate(name: string): Promise<boolean> }) {
  const [name, setName] = useState('');
  return (
    <form
      class="admin-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await onCreate(name)) setName('');
      }}
    >
      <h4>{ct('admin.newTeam')}</h4>
      <label class="field">
        <span class="field__label">{ct('admin.teamName')}</span>
        <input
          class="field__input"
          required
          maxLength={200}
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
      </label>
      <button type="submit" class="button button--primary">
        {ct('admin.createTeam')}
      </button>
    </form>
  );
}

function NewUserForm({
  teams,
  defaultTeam,
  onCreate,
}: {
  teams: TeamRow[];
  defaultTeam: string;
  onCreate(input: { teamId: string; email: string; name: string; role: Role }): Promise<boolean>;
}) {
  const empty = { teamId: defaultTeam, email: '', name: '', role: 'thm' as Role };
  const [input, setInput] = useState(empty);
  const set = (patch: Partial<typeof input>) => setInput({ ...input, ...patch });
  return (
    <form
      class="admin-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await onCreate(input)) setInput(empty);
      }}
    >
      <h4>{ct('admin.newUser')}</h4>
      <label class="field">
        <span class="field__label">{ct('admin.name')}</span>
        <input
          class="field__input"
          required
          autocomplete="off"
          value={input.name}
          onInput={(e) => set({ name: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label class="field">
        <span class="field__label">{ct('admin.email')}</span>
        <input
          class="field__input"
          type="email"
          required
          autocomplete="off"
          value={input.email}
          onInput={(e) => set({ email: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label class="field">
        <span class="field__label">{ct('admin.team')}</span>
        <select
          class="field__input"
          value={input.teamId}
          onChange={(e) => set({ teamId: (e.target as HTMLSelectElement).value })}
        >
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field__label">{ct('admin.role')}</span>
        <select
          class="field__input"
          value={input.role}
          onChange={(e) => set({ role: (e.target as HTMLSelectElement).value as Role })}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {ct(`role.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="button button--primary">
        {ct('admin.createUser')}
      </button>
    </form>
  );
}
