// Devices, revocation and the 401 codes (issue 11), as one suite run on PGlite and PostgreSQL:
// `device list/revoke` through the CLI function, `user disable` revoking every device, revoked
// devices that can neither push nor pull while the user's other devices keep working, an expired
// session that is told apart from a wipe, and sealed push entries opened before validation ([K4]).
import { randomUUID, webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcm } from '@noble/ciphers/aes.js';
import { runAdmin } from '../../src/server/cli/admin';
import { SESSION_TTL_MS } from '../../src/server/auth/sessions';
import type { Store } from '../../src/server/store/store';
import {
  addUser,
  newRecordId,
  putCase,
  startTestServer,
  validCase,
  type Member,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';
import {
  fromBase64url,
  sealAdditionalData,
  sealKeyBytes,
  toBase64url,
  type SealKey,
} from '../../src/shared/sync/sealed-envelope';

export function describeDevices(label: string, makeStore: StoreFactory): void {
  describe(`devices and revocation (${label})`, () => {
    let store: Store;
    let server: TestServer;
    let nowMs = Date.parse('2026-03-02T08:00:00Z');
    beforeAll(async () => {
      store = await makeStore();
      server = await startTestServer({ store, keepStore: true, now: () => new Date(nowMs) });
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await store?.close();
    });

    const admin = (...args: string[]) => runAdmin(args, store, new Date(nowMs));
    const login = (email: string, extra: Record<string, unknown> = {}) =>
      server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password: 'richtig-geheim-123', ...extra },
      });
    /** Signs in from a device; a Member whose pushes and pulls carry that device's session. */
    const onDevice = async (email: string, userId: string, teamId: string, deviceName: string) => {
      const deviceId = randomUUID();
      const response = await login(email, { deviceId, deviceName });
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === 'feldakte_session')!;
      const member: Member = {
        userId,
        email,
        teamId,
        cookie: `${cookie.name}=${cookie.value}`,
        clientId: randomUUID(),
      };
      return { deviceId, member, body: response.json() };
    };
    const newUser = async (team: string) => {
      const user = await addUser(store, { team });
      return user;
    };
    const me = (member: Member) =>
      server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: member.cookie } });

    it('a sign-in with deviceId and deviceName records the device; device list prints it', async () => {
      const user = await newUser('Team Geräte');
      const phone = await onDevice(user.email, user.id, user.teamId, 'Diensthandy Mara');
      nowMs += 5 * 60_000;
      expect((await me(phone.member)).statusCode).toBe(200);
      const listed = await admin('device', 'list', '--email', user.email);
      expect(listed.split('\n')).toEqual([
        `${phone.deviceId}  Diensthandy Mara  zuletzt gesehen 2026-03-02 08:05 UTC`,
      ]);
      expect(
        await admin('device', 'list', '--email', (await newUser('Team Geräte')).email),
      ).toMatch(/^Keine Geräte/);
    });

    it('the THM names the own device (issue 27 item 8); a blank name is refused, nothing stored', async () => {
      const user = await newUser('Team Geräte');
      const phone = await onDevice(user.email, user.id, user.teamId, 'Chrome auf Linux');
      const rename = (name: unknown, cookie = phone.member.cookie) =>
        server.app.inject({
          method: 'PATCH',
          url: '/api/session/device',
          headers: { cookie },
          payload: { name },
        });
      const blank = await rename('  \u0007 ');
      expect(blank.statusCode).toBe(400);
      expect(blank.json().code).toBe('server.session.deviceNameMissing');
      expect((await rename('Diensthandy 2')).json()).toEqual({ name: 'Diensthandy 2' });
      expect(await admin('device', 'list', '--email', user.email)).toContain('Diensthandy 2');
      expect((await rename('x', 'feldakte_session=unbekannt')).statusCode).toBe(401);
      // A sign-in without a device id has no device to name.
      const bare = await login(user.email);
      const cookie = bare.cookies.find((c) => c.name === 'feldakte_session')!;
      expect((await rename('Tablet', `${cookie.name}=${cookie.value}`)).statusCode).toBe(409);
      expect(await admin('device', 'list', '--email', user.email)).not.toContain('Tablet');
    });

    it('the sign-in answer carries the recovery secret and the seal key; GET only the seal key', async () => {
      const user = await newUser('Team Geräte');
      const first = await onDevice(user.email, user.id, user.teamId, 'A');
      const second = await onDevice(user.email, user.id, user.teamId, 'B');
      expect(first.body.recoverySecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // One secret per user: every device of the user can recover with it.
      expect(second.body.recoverySecret).toBe(first.body.recoverySecret);
      expect(first.body.sealKey).toEqual({
        kid: expect.any(String),
        publicKey: expect.any(String),
      });
      const got = (await me(first.member)).json();
      expect(got.recoverySecret).toBeUndefined();
      expect(got.sealKey).toEqual(first.body.sealKey);
    });

    describe('[S5] recovery policy (issue 22 item 5)', () => {
      const adminCookie = async () => {
        const boss = await addUser(store, { team: 'Verwaltung', role: 'admin' });
        const response = await login(boss.email);
        const cookie = response.cookies.find((c) => c.name === 'feldakte_session')!;
        return `${cookie.name}=${cookie.value}`;
      };

      it('[S5] never to a sign-in with a one-time password; the own password set, a sign-in gets it', async () => {
        const user = await newUser('Team Geräte');
        const phone = await onDevice(user.email, user.id, user.teamId, 'Diensthandy');
        const secret = phone.body.recoverySecret as string;
        await admin('user', 'passwd', '--email', user.email, '--password', 'einmal-vom-admin-1');
        const deviceId = randomUUID();
        const oneTime = await login(user.email, { password: 'einmal-vom-admin-1', deviceId });
        expect(oneTime.statusCode).toBe(200);
        expect(oneTime.json().user.passwordChangeRequired).toBe(true);
        expect(oneTime.json().recoverySecret).toBeUndefined();
        expect(JSON.stringify(oneTime.json())).not.toContain(secret);
        const cookie = oneTime.cookies.find((c) => c.name === 'feldakte_session')!;
        const changed = await server.app.inject({
          method: 'POST',
          url: '/api/session/password',
          headers: { cookie: `${cookie.name}=${cookie.value}` },
          payload: { password: 'mein-eigenes-passwort' },
        });
        expect(changed.statusCode).toBe(200);
        expect(JSON.stringify(changed.json())).not.toContain(secret);
        const own = await login(user.email, { password: 'mein-eigenes-passwort', deviceId });
        expect(own.json().recoverySecret).toBe(secret);
      });

      it('[S5] never to a revoked device, a sign-in without a device, or an account without cases', async () => {
        const user = await newUser('Team Geräte');
        const phone = await onDevice(user.email, user.id, user.teamId, 'Verloren');
        await admin('device', 'revoke', '--email', user.email, '--device', phone.deviceId);
        const revoked = await login(user.email, { deviceId: phone.deviceId });
        expect(revoked.statusCode).toBe(401);
        expect(revoked.json().error).toBe('device_revoked');
        expect(revoked.json().recoverySecret).toBeUndefined();
        const noDevice = await login(user.email);
        expect(noDevice.statusCode).toBe(200);
        expect(noDevice.json().recoverySecret).toBeUndefined();
        const coordinator = await addUser(store, { team: 'Team Geräte', role: 'coordinator' });
        const consoleSignIn = await login(coordinator.email, { deviceId: randomUUID() });
        expect(consoleSignIn.statusCode).toBe(200);
        expect(consoleSignIn.json().recoverySecret).toBeUndefined();
      });

      it("[S5] every hand-out is recorded and shown in the console's device list", async () => {
        const user = await newUser('Team Geräte');
        const phone = await onDevice(user.email, user.id, user.teamId, 'Diensthandy');
        nowMs += 60 * 60_000;
        expect((await login(user.email, { deviceId: phone.deviceId })).json().recoverySecret).toBe(
          phone.body.recoverySecret,
        );
        const other = await onDevice(user.email, user.id, user.teamId, 'Tablet');
        await admin('user', 'passwd', '--email', user.email, '--password', 'einmal-vom-admin-2');
        // A one-time sign-in from the tablet hands nothing out and records nothing.
        await login(user.email, { password: 'einmal-vom-admin-2', deviceId: other.deviceId });
        const listed = await server.app.inject({
          method: 'GET',
          url: `/api/admin/users/${user.id}/devices`,
          headers: { cookie: await adminCookie() },
        });
        expect(listed.statusCode).toBe(200);
        const devices = listed.json<{
          devices: { deviceId: string; recoveries: number; lastRecoveryAt: string | null }[];
        }>().devices;
        expect(devices.find((d) => d.deviceId === phone.deviceId)).toMatchObject({
          recoveries: 2,
          lastRecoveryAt: new Date(nowMs).toISOString(),
        });
        expect(devices.find((d) => d.deviceId === other.deviceId)).toMatchObject({
          recoveries: 1,
        });
      });
    });

    it('a malformed deviceId is refused with 400 and no session', async () => {
      const user = await newUser('Team Geräte');
      const response = await login(user.email, { deviceId: 'nicht-eine-uuid' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toBe('invalid_device');
      expect(response.cookies).toHaveLength(0);
    });

    it('[S7] device revoke: that device gets 401 device_revoked (and Clear-Site-Data) on push, pull and session; the other keeps working', async () => {
      const user = await newUser('Team Sperre');
      const lost = await onDevice(user.email, user.id, user.teamId, 'Verloren');
      const kept = await onDevice(user.email, user.id, user.teamId, 'Behalten');
      const caseId = newRecordId();
      expect(
        (await server.push(lost.member, [putCase(lost.member, 1, caseId, validCase())])).statusCode,
      ).toBe(200);

      expect(
        await admin('device', 'revoke', '--email', user.email, '--device', lost.deviceId),
      ).toMatch(/gesperrt/);
      for (const response of [
        await server.push(lost.member, [putCase(lost.member, 2, newRecordId(), validCase())]),
        await server.pull(lost.member, null),
        await me(lost.member),
      ]) {
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ error: 'device_revoked' });
        // [S7] the browser removes the origin's storage itself, not only the app.
        expect(response.headers['clear-site-data']).toBe('"storage"');
      }
      // A revoked device id never signs in again (the phone wipes and makes a new id).
      const again = await login(user.email, { deviceId: lost.deviceId });
      expect(again.statusCode).toBe(401);
      expect(again.json().error).toBe('device_revoked');
      expect(again.headers['clear-site-data']).toBe('"storage"');
      // The other device's answers never carry it.
      expect((await server.pull(kept.member, null)).headers['clear-site-data']).toBeUndefined();

      expect((await server.pull(kept.member, null)).statusCode).toBe(200);
      expect(
        (await server.push(kept.member, [putCase(kept.member, 1, newRecordId(), validCase())]))
          .statusCode,
      ).toBe(200);
      expect(await admin('device', 'list', '--email', user.email)).toMatch(
        new RegExp(`${lost.deviceId}  Verloren  zuletzt gesehen .* UTC  gesperrt seit`),
      );
    });

    it('[S7] user disable revokes every device: 401 user_disabled (and Clear-Site-Data) everywhere', async () => {
      const user = await newUser('Team Sperre');
      const a = await onDevice(user.email, user.id, user.teamId, 'A');
      const b = await onDevice(user.email, user.id, user.teamId, 'B');
      // Synced a moment before: the session is not reused after a change made through this process.
      expect((await server.pull(a.member, null)).statusCode).toBe(200);
      await admin('user', 'disable', '--email', user.email);
      for (const member of [a.member, b.member]) {
        const pulled = await server.pull(member, null);
        expect(pulled.statusCode).toBe(401);
        expect(pulled.json().error).toBe('user_disabled');
        expect(pulled.headers['clear-site-data']).toBe('"storage"');
        const pushed = await server.push(member, []);
        expect(pushed.json().error).toBe('user_disabled');
        expect(pushed.headers['clear-site-data']).toBe('"storage"');
        expect((await me(member)).headers['clear-site-data']).toBe('"storage"');
      }
      expect(await admin('device', 'list', '--email', user.email)).toMatch(
        /gesperrt seit.*\n.*gesperrt seit/,
      );
    });

    it('[N3] a revocation written by any writer (raw SQL, as another instance would) ends sync reuse at once', async () => {
      const user = await newUser('Team Zweite Instanz');
      const phone = await onDevice(user.email, user.id, user.teamId, 'Handy');
      // Two syncs a moment apart: the second reuses the session checked by the first.
      expect((await server.pull(phone.member, null)).statusCode).toBe(200);
      expect((await server.pull(phone.member, null)).statusCode).toBe(200);
      // Written past every function of auth/: the database trigger tells the app (migration 080).
      await store.query('UPDATE devices SET revoked_at = $2 WHERE device_id = $1', [
        phone.deviceId,
        new Date(nowMs).toISOString(),
      ]);
      for (const response of [
        await server.pull(phone.member, null),
        await server.push(phone.member, []),
        await me(phone.member),
      ]) {
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ error: 'device_revoked' });
      }
    });

    it('with the bus deaf, the epoch a sync statement reads still refuses at once (nothing kept)', async () => {
      // An app on a store whose notifications never arrive: as an instance that has not heard yet.
      const deaf: Store = {
        ...store,
        kind: store.kind,
        listen: async () => async () => undefined,
      };
      const other = await startTestServer({
        store: deaf,
        keepStore: true,
        now: () => new Date(nowMs),
      });
      try {
        const user = await newUser('Team Taub');
        const deviceId = randomUUID();
        const signedIn = await other.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: user.email, password: 'richtig-geheim-123', deviceId },
        });
        const cookie = signedIn.cookies.find((c) => c.name === 'feldakte_session')!;
        const member: Member = {
          userId: user.id,
          email: user.email,
          teamId: user.teamId,
          cookie: `${cookie.name}=${cookie.value}`,
          clientId: randomUUID(),
        };
        expect((await other.pull(member, null)).statusCode).toBe(200);
        expect((await other.pull(member, null)).statusCode).toBe(200);
        await store.query('UPDATE devices SET revoked_at = now() WHERE device_id = $1', [deviceId]);
        const caseId = newRecordId();
        const pushed = await other.push(member, [putCase(member, 1, caseId, validCase())]);
        expect(pushed.statusCode).toBe(401);
        expect(pushed.json().error).toBe('device_revoked');
        expect(await store.query('SELECT id FROM records WHERE id = $1', [caseId])).toEqual([]);
        const pulled = await other.pull(member, null);
        expect(pulled.statusCode).toBe(401);
        expect(pulled.json().error).toBe('device_revoked');
      } finally {
        await other.close();
      }
    });

    it('[S7] an expired session answers session_expired (sign in again, never a wipe)', async () => {
      const user = await newUser('Team Ablauf');
      const phone = await onDevice(user.email, user.id, user.teamId, 'Alt');
      nowMs += SESSION_TTL_MS + 60_000;
      const response = await server.pull(phone.member, null);
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toBe('session_expired');
      // [S7] nothing is wiped: the outbox waits for the next sign-in.
      expect(response.headers['clear-site-data']).toBeUndefined();
      const unknown = await server.pull(
        { ...phone.member, cookie: 'feldakte_session=unbekannt' },
        null,
      );
      expect(unknown.json().error).toBe('not_signed_in');
      expect(unknown.headers['clear-site-data']).toBeUndefined();
      const fresh = await onDevice(user.email, user.id, user.teamId, 'Alt');
      expect((await server.pull(fresh.member, null)).statusCode).toBe(200);
    });

    it('unknown device revoke, unknown e-mail: German errors', async () => {
      const user = await newUser('Team Geräte');
      await expect(
        admin('device', 'revoke', '--email', user.email, '--device', randomUUID()),
      ).rejects.toThrow(/gibt es für/);
      await expect(admin('device', 'list', '--email', 'niemand@example.org')).rejects.toThrow(
        /gibt es nicht/,
      );
      await expect(admin('device', 'revoke', '--email', user.email)).rejects.toThrow(/--device/);
    });

    describe('sealed push entries', () => {
      /** Seals a mutation the way the phone does ([K3]). */
      async function seal(key: SealKey, mutation: { id: number } & Record<string, unknown>) {
        const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
        const pair = await webcrypto.subtle.generateKey(ECDH, true, ['deriveBits']);
        const server = await webcrypto.subtle.importKey(
          'raw',
          fromBase64url(key.publicKey),
          ECDH,
          false,
          [],
        );
        const secret = await webcrypto.subtle.deriveBits(
          { name: 'ECDH', public: server },
          pair.privateKey,
          256,
        );
        const aes = await sealKeyBytes(secret, key.kid);
        const iv = webcrypto.getRandomValues(new Uint8Array(12));
        const ct = gcm(aes, iv, sealAdditionalData(mutation.id)).encrypt(
          new TextEncoder().encode(JSON.stringify(mutation)),
        );
        const epk = new Uint8Array(await webcrypto.subtle.exportKey('raw', pair.publicKey));
        return {
          id: mutation.id,
          sealed: {
            v: 1,
            kid: key.kid,
            epk: toBase64url(epk),
            iv: toBase64url(iv),
            ct: toBase64url(ct),
          },
        };
      }

      it('[K4] a sealed entry is opened and applied like a plain one; validation still runs', async () => {
        const user = await newUser('Team Siegel');
        const phone = await onDevice(user.email, user.id, user.teamId, 'S');
        const key = phone.body.sealKey as SealKey;
        const caseId = newRecordId();
        const good = await seal(
          key,
          putCase(phone.member, 1, caseId, validCase({ givenName: 'Zeynep' })),
        );
        const bad = await seal(key, putCase(phone.member, 2, newRecordId(), { givenName: '' }));
        const response = await server.push(phone.member, [good, bad] as never);
        expect(response.statusCode).toBe(200);
        expect(response.json().results.map((r: { status: string }) => r.status)).toEqual([
          'applied',
          'rejected',
        ]);
        const pulled = await server.pullAll(phone.member);
        expect(pulled.changes.find((c) => c.id === caseId)?.fields.givenName).toBe('Zeynep');
      });

      it('[K4] a flipped byte, a wrong key id or an id that does not match refuses the whole push', async () => {
        const user = await newUser('Team Siegel');
        const phone = await onDevice(user.email, user.id, user.teamId, 'S');
        const key = phone.body.sealKey as SealKey;
        const sealed = await seal(key, putCase(phone.member, 1, newRecordId(), validCase()));
        const ct = fromBase64url(sealed.sealed.ct);
        ct[3]! ^= 1;
        const tampered = { ...sealed, sealed: { ...sealed.sealed, ct: toBase64url(ct) } };
        const wrongKid = { ...sealed, sealed: { ...sealed.sealed, kid: 'unbekannt' } };
        const moved = { ...sealed, id: 2 };
        for (const entry of [tampered, wrongKid, moved]) {
          const response = await server.push(phone.member, [entry] as never);
          expect(response.statusCode).toBe(400);
          expect(response.json().error).toBe('invalid_sealed');
        }
        expect((await server.pullAll(phone.member)).lastMutationId).toBe(0);
      });
    });
  });
}
