// Administration: teams (and each team's privacy settings), accounts (create, disable, reset the
// password, change the role) and each account's devices (revoke). A one-time password is shown
// once, in a dialog, and kept nowhere; its owner must replace it at the first sign-in. This page
// fetches and holds the lists; the teams' parts are in admin-teams.tsx, the accounts' in
// admin-users.tsx.
import { useEffect, useState } from 'preact/hooks';
import type { SessionUser } from '../../shared/sync/protocol';
import { ct } from './console-texts';
import {
  onlineRequest as consoleRequest,
  type OnlineOutcome as ApiOutcome,
} from '../features/session/online-request';
import { problem } from './outcome-message';
import type { TeamRow, UserRow } from './admin-rows';
import { NewTeamForm, TeamItem } from './admin-teams';
import { NewUserForm, UserItem } from './admin-users';

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
