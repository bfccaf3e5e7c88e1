// Teams and users: used by the admin CLI, the first-start demo account and the tests.
import '../../shared/i18n/messages-console';
import { isAccountEmail, normaliseEmail, roles, type Role } from '../../shared/domain/account';
import { randomUUID } from 'node:crypto';
import type { Queryable, Store } from '../store/store';
import { hashPassword } from './password';
import { revokeAllDevices } from './devices';
import { MIN_PASSWORD_LENGTH } from '../../shared/domain/password';
import { AccountError } from './account-error';

export { normaliseEmail, roles, type Role } from '../../shared/domain/account';

export interface Team {
  id: string;
  name: string;
}

export interface User {
  id: string;
  teamId: string;
  email: string;
  name: string;
  role: Role;
}

export async function createTeam(db: Queryable, name: string, now = new Date()): Promise<Team> {
  const trimmed = name.trim();
  if (!trimmed)
    throw new AccountError('invalid', 'server.account.teamNameMissing', undefined, 'name');
  if (await findTeam(db, trimmed))
    throw new AccountError('exists', 'server.account.teamExists', { team: trimmed }, 'name');
  const team = { id: randomUUID(), name: trimmed };
  await db.query('INSERT INTO teams (id, name, version, created_at) VALUES ($1, $2, 0, $3)', [
    team.id,
    team.name,
    now.toISOString(),
  ]);
  return team;
}

export async function findTeam(db: Queryable, name: string): Promise<Team | undefined> {
  const [row] = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM teams WHERE name = $1',
    [name.trim()],
  );
  return row;
}

/** Every team with its number of active accounts, by name (for `team list`). */
export async function listTeams(db: Queryable): Promise<{ name: string; accounts: number }[]> {
  const rows = await db.query<{ name: string; accounts: string | number }>(
    `SELECT t.name, count(u.id) FILTER (WHERE u.disabled_at IS NULL) AS accounts
       FROM teams t LEFT JOIN users u ON u.team_id = t.id
      GROUP BY t.id, t.name ORDER BY t.name`,
  );
  return rows.map((row) => ({ name: row.name, accounts: Number(row.accounts) }));
}

/** The accounts of one team, by name (for `user list --team`). */
export async function listUsers(
  db: Queryable,
  teamName: string,
): Promise<{ email: string; name: string; role: Role; disabled: boolean }[]> {
  const team = await findTeam(db, teamName);
  if (!team)
    throw new AccountError('missing', 'server.account.teamMissing', { team: teamName.trim() });
  return db.query(
    `SELECT email, name, role, disabled_at IS NOT NULL AS disabled FROM users
      WHERE team_id = $1 ORDER BY name, email`,
    [team.id],
  );
}

export interface NewUser {
  teamName: string;
  email: string;
  name: string;
  role: string;
  password: string;
  /** A one-time password someone else chose: its owner must set their own at the next sign-in. */
  passwordChangeRequired?: boolean;
}

export { MIN_PASSWORD_LENGTH };

export async function createUser(db: Queryable, input: NewUser, now = new Date()): Promise<User> {
  const team = await findTeam(db, input.teamName);
  if (!team)
    throw new AccountError('missing', 'server.account.teamMissing', { team: input.teamName });
  const email = normaliseEmail(input.email);
  if (!isAccountEmail(email))
    throw new AccountError('invalid', 'server.account.emailInvalid', undefined, 'email');
  if (!input.name.trim())
    throw new AccountError('invalid', 'server.account.nameMissing', undefined, 'name');
  if (!isRole(input.role))
    throw new AccountError('invalid', 'server.admin.role', { roles: roles.join(', ') }, 'role');
  checkPassword(input.password);
  if (await findUser(db, email))
    throw new AccountError('exists', 'server.account.userExists', { email }, 'email');
  const user: User = {
    id: randomUUID(),
    teamId: team.id,
    email,
    name: input.name.trim(),
    role: input.role,
  };
  await db.query(
    `INSERT INTO users (id, team_id, email, name, role, password_hash, created_at,
       password_change_required)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      user.id,
      user.teamId,
      user.email,
      user.name,
      user.role,
      await hashPassword(input.password),
      now.toISOString(),
      input.passwordChangeRequired ?? false,
    ],
  );
  return user;
}

export async function findUser(
  db: Queryable,
  email: string,
): Promise<(User & { disabled: boolean }) | undefined> {
  const [row] = await db.query<{
    id: string;
    team_id: string;
    email: string;
    name: string;
    role: Role;
    disabled: boolean;
  }>(
    `SELECT id, team_id, email, name, role, disabled_at IS NOT NULL AS disabled FROM users WHERE email = $1`,
    [normaliseEmail(email)],
  );
  return (
    row && {
      id: row.id,
      teamId: row.team_id,
      email: row.email,
      name: row.name,
      role: row.role,
      disabled: row.disabled,
    }
  );
}

/**
 * Sets an account's password. `oneTime`: an admin chose it (console reset, `user passwd`), so its
 * owner must set their own at the next sign-in (issue 14); a password the owner chose clears that.
 * Every session of the account ends in the same statement (issue 22 item 6): whoever held one
 * must sign in with the new password.
 */
export async function setPassword(
  db: Queryable,
  email: string,
  password: string,
  { oneTime }: { oneTime: boolean },
): Promise<void> {
  checkPassword(password);
  const rows = await db.query(
    `WITH changed AS (
       UPDATE users SET password_hash = $2, password_change_required = $3 WHERE email = $1
       RETURNING id),
     ended AS (DELETE FROM sessions WHERE user_id IN (SELECT id FROM changed))
     SELECT id FROM changed`,
    [normaliseEmail(email), await hashPassword(password), oneTime],
  );
  if (rows.length === 0)
    throw new AccountError('missing', 'server.account.userMissing', {
      email: normaliseEmail(email),
    });
}

/**
 * Disabling ends every session of the user at once and revokes all their devices. The sessions
 * stay (refused with user_disabled) so each phone learns why at its next request and wipes itself.
 */
export async function disableUser(db: Queryable, email: string, now = new Date()): Promise<void> {
  const rows = await db.query<{ id: string }>(
    'UPDATE users SET disabled_at = COALESCE(disabled_at, $2) WHERE email = $1 RETURNING id',
    [normaliseEmail(email), now.toISOString()],
  );
  if (rows.length === 0)
    throw new AccountError('missing', 'server.account.userMissing', {
      email: normaliseEmail(email),
    });
  await revokeAllDevices(db, rows[0]!.id, now);
}

/**
 * Gives an account another role. A THM's phones hold case data, so when a THM becomes anything
 * else their devices are revoked in the same transaction: each wipes at its next request.
 */
export async function changeRole(
  store: Store,
  userId: string,
  role: Role,
  now = new Date(),
): Promise<void> {
  await store.transaction(async (tx) => {
    const [before] = await tx.query<{ role: Role }>(
      'SELECT role FROM users WHERE id = $1 FOR UPDATE',
      [userId],
    );
    if (!before || before.role === role) return;
    await tx.query('UPDATE users SET role = $2 WHERE id = $1', [userId, role]);
    if (before.role === 'thm') await revokeAllDevices(tx, userId, now);
  });
}

export async function countTeams(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM teams');
  return Number(row?.n ?? 0);
}

function isRole(role: string): role is Role {
  return (roles as readonly string[]).includes(role);
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountError('invalid', 'server.account.passwordTooShort', {
      min: MIN_PASSWORD_LENGTH,
    });
  }
}
