// /api/admin/*: what the admin CLI does, for admins only; bad input is a German 4xx that stores
// nothing; one-time passwords work once handed out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signIn, startTestServer, type TestServer } from '../support/server-harness';

let server: TestServer;
let admin: string;
let adminId: string;
let coordinator: string;
let thm: string;

beforeAll(async () => {
  server = await startTestServer();
  const a = await addUser(server.store, { team: 'Verwaltung', role: 'admin' });
  adminId = a.id;
  admin = await signIn(server.app, a.email);
  coordinator = await signIn(
    server.app,
    (await addUser(server.store, { team: 'Nord', role: 'coordinator' })).email,
  );
  thm = await signIn(server.app, (await addUser(server.store, { team: 'Nord' })).email);
});
afterAll(() => server?.close());

const call = (cookie: string | null, method: string, url: string, payload?: unknown) =>
  server.app.inject({
    method: method as 'GET',
    url,
    headers: cookie ? { cookie } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const counts = async () => ({
  teams: (await server.store.query('SELECT id FROM teams')).length,
  users: (await server.store.query('SELECT id FROM users')).length,
});
const teamId = async (name: string) =>
  (await server.store.query<{ id: string }>('SELECT id FROM teams WHERE name = $1', [name]))[0]!.id;

describe('admin API', () => {
  it('answers 401 signed out and 403 to coordinators and THMs', async () => {
    for (const [method, url] of [
      ['GET', '/api/admin/teams'],
      ['GET', '/api/admin/users'],
      ['POST', '/api/admin/teams'],
      ['POST', '/api/admin/users'],
    ]) {
      expect((await call(null, method!, url!, {})).statusCode).toBe(401);
      expect((await call(coordinator, method!, url!, {})).statusCode).toBe(403);
      expect((await call(thm, method!, url!, {})).statusCode).toBe(403);
    }
  });

  it('creates a team; an empty or existing name is a German 4xx and stores nothing', async () => {
    const created = await call(admin, 'POST', '/api/admin/teams', { name: 'Süd' });
    expect(created.statusCode).toBe(201);
    const before = await counts();
    const empty = await call(admin, 'POST', '/api/admin/teams', { name: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('Bitte einen Teamnamen angeben.');
    expect(empty.json().field).toBe('name');
    const twice = await call(admin, 'POST', '/api/admin/teams', { name: 'Süd' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('Das Team „Süd“ gibt es schon.');
    // The console renders the key in its language (issue 13, item 7).
    expect(twice.json()).toMatchObject({
      code: 'server.account.teamExists',
      params: { team: 'Süd' },
      field: 'name',
    });
    const notText = await call(admin, 'POST', '/api/admin/teams', { name: 42 });
    expect(notText.statusCode).toBe(400);
    expect(notText.json().field).toBe('name');
    expect(await counts()).toEqual(before);
    const list = await call(admin, 'GET', '/api/admin/teams');
    expect(list.json().teams.map((t: { name: string }) => t.name)).toContain('Süd');
  });

  it('creates an account with a one-time password that signs in', async () => {
    const response = await call(admin, 'POST', '/api/admin/users', {
      teamId: await teamId('Nord'),
      email: 'Neu@Team.example',
      name: 'Nora Neu',
      role: 'coordinator',
    });
    expect(response.statusCode).toBe(201);
    const { user, oneTimePassword } = response.json();
    expect(user).toMatchObject({ email: 'neu@team.example', role: 'coordinator', disabled: false });
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await signIn(server.app, 'neu@team.example', oneTimePassword);
    // Not kept anywhere in clear.
    const [row] = await server.store.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE email = $1',
      ['neu@team.example'],
    );
    expect(row!.password_hash).not.toContain(oneTimePassword);
  });

  it.each([
    [
      'a bad e-mail',
      { email: 'kein-at', name: 'X', role: 'thm' },
      400,
      'E-Mail',
      'emailInvalid',
      'email',
    ],
    [
      'an unknown role',
      { email: 'a@b.example', name: 'X', role: 'boss' },
      400,
      'Rolle',
      'role',
      'role',
    ],
    [
      'no name',
      { email: 'a@b.example', name: ' ', role: 'thm' },
      400,
      'Namen',
      'nameMissing',
      'name',
    ],
    [
      'an existing e-mail',
      { email: 'neu@team.example', name: 'X', role: 'thm' },
      409,
      'schon',
      'userExists',
      'email',
    ],
    [
      'an unknown team',
      { teamId: 'kein-team', email: 'b@b.example', name: 'X', role: 'thm' },
      400,
      'Team',
      'unknownTeam',
      'teamId',
    ],
  ])(
    'refuses %s with a German message at its field and stores nothing',
    async (_n, body, status, text, code, field) => {
      const before = await counts();
      const response = await call(admin, 'POST', '/api/admin/users', {
        teamId: await teamId('Nord'),
        ...body,
      });
      expect(response.statusCode).toBe(status);
      expect(response.json().message).toContain(text);
      expect(response.json().code).toMatch(new RegExp(`^server\\.(account|admin)\\.${code}$`));
      expect(response.json().field).toBe(field);
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses a new account without an e-mail at that field and stores nothing', async () => {
    const before = await counts();
    const response = await call(admin, 'POST', '/api/admin/users', {
      teamId: await teamId('Nord'),
      name: 'X',
      role: 'thm',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ message: 'Bitte ausfüllen.', field: 'email' });
    expect(await counts()).toEqual(before);
  });

  it('resets a password (the old one stops working) and disables an account', async () => {
    const user = await addUser(server.store, { team: 'Nord' });
    const reset = await call(admin, 'POST', `/api/admin/users/${user.id}/password`);
    expect(reset.statusCode).toBe(200);
    const { oneTimePassword } = reset.json();
    await expect(signIn(server.app, user.email)).rejects.toThrow();
    const cookie = await signIn(server.app, user.email, oneTimePassword);

    const disabled = await call(admin, 'POST', `/api/admin/users/${user.id}/disable`);
    expect(disabled.json().user.disabled).toBe(true);
    expect((await call(cookie, 'GET', '/api/session')).statusCode).toBe(401);
    await expect(signIn(server.app, user.email, oneTimePassword)).rejects.toThrow();
    expect((await call(admin, 'POST', '/api/admin/users/nope/disable')).statusCode).toBe(404);
  });

  it('changes a role; an admin cannot disable or demote their own account', async () => {
    const user = await addUser(server.store, { team: 'Nord' });
    const changed = await call(admin, 'PATCH', `/api/admin/users/${user.id}`, {
      role: 'coordinator',
    });
    expect(changed.json().user.role).toBe('coordinator');
    const bad = await call(admin, 'PATCH', `/api/admin/users/${user.id}`, { role: 'chef' });
    expect(bad.statusCode).toBe(400);
    expect((await call(admin, 'POST', `/api/admin/users/${adminId}/disable`)).statusCode).toBe(400);
    const demote = await call(admin, 'PATCH', `/api/admin/users/${adminId}`, { role: 'thm' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().message).toContain('eigene Konto');
  });

  it("revokes a THM's devices when the THM gets another role, and only then", async () => {
    const user = await addUser(server.store, { team: 'Nord' });
    const deviceId = '0190a0b0-0000-7000-8000-0000000000d2';
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: user.password, deviceId, deviceName: 'Diensthandy' },
    });
    expect(login.statusCode).toBe(200);
    const devices = async () =>
      (await call(admin, 'GET', `/api/admin/users/${user.id}/devices`)).json().devices;
    await call(admin, 'PATCH', `/api/admin/users/${user.id}`, { role: 'coordinator' });
    expect((await devices())[0].revokedAt).not.toBeNull();

    const other = await addUser(server.store, { team: 'Nord', role: 'coordinator' });
    const otherDevice = '0190a0b0-0000-7000-8000-0000000000d3';
    await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: other.email, password: other.password, deviceId: otherDevice },
    });
    await call(admin, 'PATCH', `/api/admin/users/${other.id}`, { role: 'thm' });
    const kept = (await call(admin, 'GET', `/api/admin/users/${other.id}/devices`)).json().devices;
    expect(kept.every((device: { revokedAt: string | null }) => device.revokedAt === null)).toBe(
      true,
    );
  });

  it('lists and revokes the devices of an account', async () => {
    const user = await addUser(server.store, { team: 'Nord' });
    const deviceId = '0190a0b0-0000-7000-8000-0000000000d1';
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: user.password, deviceId, deviceName: 'Diensthandy' },
    });
    expect(login.statusCode).toBe(200);
    const list = await call(admin, 'GET', `/api/admin/users/${user.id}/devices`);
    expect(list.json().devices).toEqual([
      expect.objectContaining({ deviceId, name: 'Diensthandy', revokedAt: null }),
    ]);
    const revoked = await call(
      admin,
      'POST',
      `/api/admin/users/${user.id}/devices/${deviceId}/revoke`,
    );
    expect(revoked.json().devices[0].revokedAt).not.toBeNull();
    const unknown = await call(
      admin,
      'POST',
      `/api/admin/users/${user.id}/devices/0190a0b0-0000-7000-8000-0000000000ff/revoke`,
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('status: version, data epoch and last backup, for admins only', async () => {
    expect((await call(thm, 'GET', '/api/admin/status')).statusCode).toBe(403);
    expect((await call(coordinator, 'GET', '/api/admin/status')).statusCode).toBe(403);
    const response = await call(admin, 'GET', '/api/admin/status');
    expect(response.statusCode).toBe(200);
    const [row] = await server.store.query<{ epoch: string }>('SELECT epoch FROM data_epoch');
    expect(response.json()).toMatchObject({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      store: 'pglite',
      epoch: row!.epoch,
    });
    expect(response.json()).toHaveProperty('lastBackup');
  });
});
