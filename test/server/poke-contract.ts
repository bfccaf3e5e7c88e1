// The poke channel over real HTTP ([N1]-[N5]), one suite run on PGlite and PostgreSQL: a push of one
// device pokes the team's other open channels with the new version, never another team's; an
// erasure pokes the team; a revoked device and a disabled account are poked and their channels
// closed; the stream is refused like sync, carries the security headers, is not compressed, and
// closing the server ends it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { runAdmin } from '../../src/server/cli/admin';
import type { Store } from '../../src/server/store/store';
import { buildApp } from '../../src/server/app';
import {
  addUser,
  newRecordId,
  putCase,
  startTestServer,
  validCase,
  type Member,
  type PushResponse,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';
import { openPokeStream, type PokeStream } from '../support/poke-stream';

export function describePoke(label: string, makeStore: StoreFactory): void {
  describe(`poke channel (${label})`, () => {
    let store: Store;
    let server: TestServer;
    let base: string;
    const open: PokeStream[] = [];
    beforeAll(async () => {
      store = await makeStore();
      server = await startTestServer({ store, keepStore: true });
      base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    }, 120_000);
    afterAll(async () => {
      for (const stream of open) stream.close();
      await server?.close();
      await store?.close();
    });

    const stream = async (cookie: string | undefined, headers: Record<string, string> = {}) => {
      const opened = await openPokeStream(base, cookie, headers);
      open.push(opened);
      return opened;
    };
    /** A THM signed in from a device of its own (the session knows the device). */
    const onDevice = async (team: string, email = `${randomUUID().slice(0, 8)}@example.org`) => {
      const user = await addUser(store, { team, email });
      const response = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email,
          password: user.password,
          deviceId: randomUUID(),
          deviceName: 'Telefon',
        }),
      });
      expect(response.status).toBe(200);
      const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
      const member: Member = {
        userId: user.id,
        email,
        teamId: user.teamId,
        cookie,
        clientId: randomUUID(),
      };
      return { member };
    };
    const mutationIds = new Map<string, number>();
    const pushCase = async (member: Member) => {
      const id = (mutationIds.get(member.clientId) ?? 0) + 1;
      mutationIds.set(member.clientId, id);
      const response = await server.push(member, [putCase(member, id, newRecordId(), validCase())]);
      expect(response.statusCode).toBe(200);
      const pulled = await server.pullAll(member);
      expect(response.json<PushResponse>().results[0]!.status).toBe('applied');
      return pulled.cursor;
    };

    it("[N1][N2] a push pokes the team's other channels with the new version", async () => {
      const team = `Poke ${randomUUID().slice(0, 6)}`;
      const anna = await server.member(team);
      const ben = await server.member(team);
      const channel = await stream(ben.cookie);
      expect(channel.status).toBe(200);
      expect(channel.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const version = await pushCase(anna);
      const poke = await channel.next();
      expect(poke.event).toBe('pull');
      expect(JSON.parse(poke.data)).toEqual({ version });
      // The stream opened with a comment at once (a buffering proxy would hold it back).
      expect(channel.comments[0]).toBe(':ok');
    });

    it("[N2] another team's push pokes no one here; the poke carries no record data", async () => {
      const team = `Poke ${randomUUID().slice(0, 6)}`;
      const anna = await server.member(team);
      const stranger = await server.member(`Fremd ${randomUUID().slice(0, 6)}`);
      const channel = await stream(anna.cookie);
      await pushCase(stranger);
      const own = await pushCase(anna);
      // The first poke this channel sees is its own team's, with nothing but the version.
      const poke = await channel.next();
      expect(JSON.parse(poke.data)).toEqual({ version: own });
    });

    it('[N2] an erasure pokes the team', async () => {
      const team = `Poke ${randomUUID().slice(0, 6)}`;
      const anna = await server.member(team);
      const ben = await server.member(team);
      const caseId = newRecordId();
      const pushed = await server.push(anna, [putCase(anna, 1, caseId, validCase())]);
      expect(pushed.statusCode).toBe(200);
      const channel = await stream(ben.cookie);
      const erased = await server.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/erase`,
        headers: { cookie: anna.cookie },
        payload: { reason: 'Antrag der Person' },
      });
      expect(erased.statusCode, erased.body).toBe(200);
      const { cursor } = await server.pullAll(ben);
      expect(JSON.parse((await channel.next()).data)).toEqual({ version: cursor });
    });

    it("[N3] revoking a device pokes and closes its channel; the same user's other device stays", async () => {
      const team = `Poke ${randomUUID().slice(0, 6)}`;
      const email = `${randomUUID().slice(0, 8)}@example.org`;
      const phone = await onDevice(team, email);
      const login = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email,
          password: 'richtig-geheim-123',
          deviceId: randomUUID(),
          deviceName: 'Tablet',
        }),
      });
      const tabletCookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const lost = await stream(phone.member.cookie);
      const kept = await stream(tabletCookie);
      const devices = await store.query<{ device_id: string; name: string }>(
        'SELECT device_id, name FROM devices WHERE user_id = $1',
        [phone.member.userId],
      );
      const phoneId = devices.find((device) => device.name === 'Telefon')!.device_id;
      await runAdmin(['device', 'revoke', '--email', email, '--device', phoneId], store);
      const poke = await lost.next();
      expect(poke.event).toBe('pull');
      expect(JSON.parse(poke.data)).toEqual({});
      await lost.ended;
      // The poked phone's pull is refused at once: it wipes ([K6]).
      const pull = await server.pull(phone.member, null);
      expect(pull.statusCode).toBe(401);
      expect(pull.json<{ error: string }>().error).toBe('device_revoked');
      // A refused phone cannot open a channel again.
      expect((await openPokeStream(base, phone.member.cookie)).status).toBe(401);
      // The tablet's channel is open still: the next team write reaches it.
      const other = await server.member(team);
      const version = await pushCase(other);
      expect(JSON.parse((await kept.next()).data)).toEqual({ version });
    });

    it('[N3] disabling an account pokes and closes all of its channels', async () => {
      const team = `Poke ${randomUUID().slice(0, 6)}`;
      const phone = await onDevice(team);
      const channel = await stream(phone.member.cookie);
      await runAdmin(['user', 'disable', '--email', phone.member.email], store);
      expect(JSON.parse((await channel.next()).data)).toEqual({});
      await channel.ended;
      const pull = await server.pull(phone.member, null);
      expect(pull.json<{ error: string }>().error).toBe('user_disabled');
    });

    it('[N5] the channel is refused like sync: signed out 401, a coordinator 403', async () => {
      const signedOut = await stream(undefined);
      expect(signedOut.status).toBe(401);
      const coordinator = await server.member(`Poke ${randomUUID().slice(0, 6)}`, 'coordinator');
      const refused = await stream(coordinator.cookie);
      expect(refused.status).toBe(403);
    });

    it('[N1] the stream has the security headers and is never compressed or cached', async () => {
      const anna = await server.member(`Poke ${randomUUID().slice(0, 6)}`);
      const channel = await stream(anna.cookie, { 'accept-encoding': 'br, gzip' });
      expect(channel.status).toBe(200);
      expect(channel.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(channel.headers.get('content-encoding')).toBeNull();
      expect(channel.headers.get('cache-control')).toBe('no-store');
      expect(channel.headers.get('x-accel-buffering')).toBe('no');
    });

    it('[N1] closing the server ends its open channels', async () => {
      const second = await buildApp({ store });
      const url = await second.listen({ port: 0, host: '127.0.0.1' });
      const { port } = second.server.address() as AddressInfo;
      expect(url).toContain(String(port));
      const anna = await server.member(`Poke ${randomUUID().slice(0, 6)}`);
      const channel = await openPokeStream(url, anna.cookie);
      expect(channel.status).toBe(200);
      await second.close();
      await channel.ended;
    });
  });
}
