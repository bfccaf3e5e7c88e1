// /api/admin/*: what the admin CLI does, for the console. Admins only (403 for everyone else, 401
// signed out). Auth MUST come before anything reads the body. Every refusal is a German 4xx and
// stores nothing; passwords are made here and shown once, never logged or stored in clear.
import '../../shared/i18n/messages-console';
import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import type { Store } from '../store/store';
import { requireSession } from '../auth/request-session';
import { HttpError } from '../http/api-error';
import {
  changeRole,
  createTeam,
  createUser,
  disableUser,
  roles,
  setPassword,
  type Role,
} from '../auth/accounts';
import { listDevices, revokeDevice } from '../auth/devices';
import {
  settingsFromRow,
  TEAM_SETTINGS_COLUMNS,
  updateTeamSettings,
  type TeamSettingsRow,
} from '../privacy/team-settings';
import { issueMessage, key, message } from '../../shared/i18n/message';
import { AccountError } from '../auth/account-error';
import { serverStatus } from '../ops/server-status';

const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 3 groups of 4 from 31 letters and digits (about 59 bits), easy to read out and type. */
export function oneTimePassword(): string {
  const group = () =>
    Array.from({ length: 4 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]).join(
      '',
    );
  return `${group()}-${group()}-${group()}`;
}

const noNul = v.check(
  (text: string) => !text.includes('\0'),
  key('server.admin.invalidCharacters'),
);
const teamBody = v.object({
  name: v.pipe(v.string(key('server.admin.teamName')), v.maxLength(200), noNul),
});
const userBody = v.object({
  teamId: v.pipe(v.string(key('server.admin.team')), v.maxLength(64)),
  email: v.pipe(v.string(key('server.admin.email')), v.maxLength(320), noNul),
  name: v.pipe(v.string(key('server.admin.name')), v.maxLength(200), noNul),
  role: v.picklist(roles, key('server.admin.role')),
});
const roleBody = v.object({ role: v.picklist(roles, key('server.admin.role')) });

function parse<T extends v.GenericSchema>(schema: T, body: unknown): v.InferOutput<T> {
  const result = v.safeParse(schema, body);
  if (!result.success) {
    const why = issueMessage(result.issues[0]);
    const roleList = { roles: roles.join(', ') };
    // The field the refusal is about, so the console shows it there (like the settings route).
    const field = v.getDotPath(result.issues[0]);
    throw new HttpError(
      400,
      'invalid_request',
      why.key === 'server.admin.role' ? message(why.key, roleList) : why,
      field ? { field } : {},
    );
  }
  return result.output;
}

/** The account functions refuse bad input with an AccountError: that is the person's 4xx. */
async function accountCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    const status = { invalid: 400, exists: 409, missing: 404 } as const;
    throw new HttpError(
      status[error.kind],
      error.kind === 'exists' ? 'exists' : 'invalid_request',
      error.text,
      error.field ? { field: error.field } : {},
    );
  }
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string;
  team_name: string;
  disabled: boolean;
}

export function adminConsoleRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const admin = async (request: FastifyRequest, reply: FastifyReply) => {
    const { user } = await requireSession(store, request, reply, now());
    if (user.role !== 'admin') {
      throw new HttpError(403, 'not_admin', message('server.admin.notAdmin'));
    }
    return user;
  };
  const userById = async (id: string): Promise<UserRow> => {
    const [row] = await store.query<UserRow>(
      `SELECT u.id, u.email, u.name, u.role, u.team_id, t.name AS team_name,
              u.disabled_at IS NOT NULL AS disabled
         FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = $1`,
      [id],
    );
    if (!row) throw new HttpError(404, 'unknown_user', message('server.admin.unknownUser'));
    return row;
  };
  const notSelf = (adminId: string, userId: string) => {
    if (adminId === userId) {
      throw new HttpError(400, 'own_account', message('server.admin.ownAccount'));
    }
  };
  const userJson = (row: UserRow) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    team: { id: row.team_id, name: row.team_name },
    disabled: row.disabled,
  });

  // Issue 24: what `admin status` prints, for the console: version, data epoch, last backup.
  app.get('/api/admin/status', async (request, reply) => {
    await admin(request, reply);
    reply.header('cache-control', 'no-store');
    return serverStatus(store, process.env, now());
  });

  app.get('/api/admin/teams', async (request, reply) => {
    await admin(request, reply);
    const rows = await store.query<TeamSettingsRow & { id: string; name: string; users: number }>(
      `SELECT t.id, t.name, count(u.id)::int AS users, ${TEAM_SETTINGS_COLUMNS}
         FROM teams t LEFT JOIN users u ON u.team_id = t.id AND u.disabled_at IS NULL
         LEFT JOIN team_settings ts ON ts.team_id = t.id
        GROUP BY t.id, t.name, ${TEAM_SETTINGS_COLUMNS} ORDER BY t.name`,
    );
    return {
      teams: rows.map((row) => ({
        id: row.id,
        name: row.name,
        users: Number(row.users),
        settings: settingsFromRow(row),
      })),
    };
  });

  // The team's privacy settings (issue 12 item 6, issue 14 item 6): retention period, legal
  // basis, reports need consent. Admins only; coordinators read their own team's settings from
  // the session and change nothing. Bad input: 400 with the German message and the field.
  app.patch('/api/admin/teams/:id/settings', async (request, reply) => {
    await admin(request, reply);
    const { id } = request.params as { id: string };
    const [team] = await store.query<{ id: string; name: string }>(
      'SELECT id, name FROM teams WHERE id = $1',
      [id],
    );
    if (!team) throw new HttpError(404, 'unknown_team', message('server.reports.unknownTeam'));
    const settings = await store.transaction((tx) =>
      updateTeamSettings(tx, team.id, request.body ?? {}, now()),
    );
    return { team: { ...team, settings } };
  });

  app.post('/api/admin/teams', async (request, reply) => {
    await admin(request, reply);
    const { name } = parse(teamBody, request.body);
    const team = await accountCall(() => createTeam(store, name, now()));
    return reply.code(201).send({ team });
  });

  app.get('/api/admin/users', async (request, reply) => {
    await admin(request, reply);
    const rows = await store.query<UserRow>(
      `SELECT u.id, u.email, u.name, u.role, u.team_id, t.name AS team_name,
              u.disabled_at IS NOT NULL AS disabled
         FROM users u JOIN teams t ON t.id = u.team_id ORDER BY t.name, u.name, u.email`,
    );
    return { users: rows.map(userJson) };
  });

  app.post('/api/admin/users', async (request, reply) => {
    await admin(request, reply);
    const input = parse(userBody, request.body);
    const [team] = await store.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [
      input.teamId,
    ]);
    if (!team) {
      throw new HttpError(400, 'unknown_team', message('server.admin.unknownTeam'), {
        field: 'teamId',
      });
    }
    const password = oneTimePassword();
    const user = await accountCall(() =>
      createUser(
        store,
        { ...input, teamName: team.name, password, passwordChangeRequired: true },
        now(),
      ),
    );
    reply.header('cache-control', 'no-store');
    return reply
      .code(201)
      .send({ user: userJson(await userById(user.id)), oneTimePassword: password });
  });

  app.patch('/api/admin/users/:id', async (request, reply) => {
    const me = await admin(request, reply);
    const { id } = request.params as { id: string };
    const { role } = parse(roleBody, request.body);
    const user = await userById(id);
    if (role !== 'admin') notSelf(me.id, user.id);
    if (user.role === role) return { user: userJson(user) };
    await changeRole(store, id, role, now());
    return { user: userJson(await userById(id)) };
  });

  app.post('/api/admin/users/:id/disable', async (request, reply) => {
    const me = await admin(request, reply);
    const { id } = request.params as { id: string };
    const user = await userById(id);
    notSelf(me.id, user.id);
    await disableUser(store, user.email, now());
    return { user: userJson(await userById(id)) };
  });

  app.post('/api/admin/users/:id/password', async (request, reply) => {
    await admin(request, reply);
    const { id } = request.params as { id: string };
    const user = await userById(id);
    const password = oneTimePassword();
    // Replaced by its owner at the next sign-in (issue 14).
    await setPassword(store, user.email, password, { oneTime: true });
    reply.header('cache-control', 'no-store');
    return { oneTimePassword: password };
  });

  app.get('/api/admin/users/:id/devices', async (request, reply) => {
    await admin(request, reply);
    const { id } = request.params as { id: string };
    const user = await userById(id);
    return { devices: await listDevices(store, user.email) };
  });

  app.post('/api/admin/users/:id/devices/:deviceId/revoke', async (request, reply) => {
    await admin(request, reply);
    const { id, deviceId } = request.params as { id: string; deviceId: string };
    const user = await userById(id);
    await accountCall(() => revokeDevice(store, user.email, deviceId, now()));
    return { devices: await listDevices(store, user.email) };
  });
}
