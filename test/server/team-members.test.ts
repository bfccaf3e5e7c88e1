// GET /api/team: the names of the team's case workers for the phone (handover, cover, conflicts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { disableUser } from '../../src/server/auth/accounts';
import type { TeamResponse } from '../../src/shared/sync/protocol';
import { startTestServer, type TestServer } from '../support/server-harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const team = (cookie: string) =>
  server.app.inject({ method: 'GET', url: '/api/team', headers: { cookie } });

it('lists the names of the team’s THMs, a disabled one as inactive, nobody of another team', async () => {
  const lena = await server.member('Team Nord');
  const omar = await server.member('Team Nord');
  const gone = await server.member('Team Nord');
  await server.member('Team Nord', 'coordinator');
  await server.member('Team Süd');
  await disableUser(server.store, gone.email);

  const response = await team(lena.cookie);
  expect(response.statusCode).toBe(200);
  const body = response.json<TeamResponse>();
  expect(body.team.name).toBe('Team Nord');
  expect(body.members.map((m) => [m.id, m.active]).sort()).toEqual(
    [
      [lena.userId, true],
      [omar.userId, true],
      [gone.userId, false],
    ].sort(),
  );
  // Names only: no e-mail or role reaches the phone.
  expect(Object.keys(body.members[0]!).sort()).toEqual(['active', 'id', 'name']);
});

it('answers 401 without a session and 403 to a coordinator', async () => {
  expect((await server.app.inject({ method: 'GET', url: '/api/team' })).statusCode).toBe(401);
  const coordinator = await server.member('Team Ost', 'coordinator');
  const response = await team(coordinator.cookie);
  expect(response.statusCode).toBe(403);
  expect(response.json()).toMatchObject({ error: 'no_case_access' });
});
