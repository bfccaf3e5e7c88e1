// Sync while locked and remote wipe, device engine against the real server code ([K3]-[K6]):
// a change saved before the lock reaches the server from the locked device (sealed copy), the
// unlocked sync then confirms it without a duplicate; a revoked device or a disabled account
// deletes the local database at its next sync; an expired session never does.
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../../src/local/db';
import { createRecord } from '../../src/local/write-record';
import { syncOnce } from '../../src/local/sync/sync-engine';
import { createFetchTransport } from '../../src/local/sync/fetch-transport';
import { dataKeyOf, dropDataKey, holdDataKey } from '../../src/local/crypto/keyring';
import { startSealSession } from '../../src/local/crypto/outbox-seal';
import { takeWipeNotice } from '../../src/local/active-user';
import { runAdmin } from '../../src/server/cli/admin';
import { openSealedPush } from '../../src/server/sync/seal-keys';
import { SESSION_TTL_MS } from '../../src/server/auth/sessions';
import type { Store } from '../../src/server/store/store';
import { addUser, memoryStore, startTestServer, type TestServer } from '../support/server-harness';

let store: Store;
let server: TestServer;
let nowMs = Date.now();
beforeAll(async () => {
  store = await memoryStore();
  server = await startTestServer({ store, keepStore: true, now: () => new Date(nowMs) });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await store?.close();
});

/** A phone: a signed-in session on a device id, its own database, unlocked with a seal session. */
async function phone(app: FastifyInstance) {
  const user = await addUser(store, { team: 'Team Sperre' });
  const deviceId = randomUUID();
  const login = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email: user.email, password: user.password, deviceId, deviceName: 'Test' },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const fetch = (async (url: string, init: RequestInit) => {
    const response = await app.inject({
      method: init.method as 'POST',
      url,
      headers: { cookie, 'content-type': 'application/json' },
      payload: init.body as string,
    });
    return new Response(response.body, { status: response.statusCode });
  }) as typeof globalThis.fetch;
  const db = openDatabase(user.id); // unlocked (test setup holds a key)
  await startSealSession(db.name, login.json().sealKey);
  return { user, deviceId, db, transport: createFetchTransport({ fetch }) };
}

async function serverCase(userId: string, caseId: string) {
  const [row] = await store.query<{ fields: Record<string, unknown> }>(
    `SELECT r.fields FROM records r JOIN users u ON u.team_id = r.team_id
      WHERE u.id = $1 AND r.tbl = 'cases' AND r.id = $2`,
    [userId, caseId],
  );
  return row?.fields;
}

describe('sync while locked', () => {
  it('[K3] every outbox entry has a sealed copy that only the server opens, bound to its mutation id', async () => {
    const { db } = await phone(server.app);
    const saved = await createRecord(db, 'cases', {
      givenName: 'Samira',
      familyName: 'Haidari',
      status: 'intake',
    });
    if (!saved.ok) throw new Error('not saved');
    const [entry] = await db.outbox.toArray();
    const [row] = await db.sealed.toArray();
    expect(row?.id).toBe(entry!.id);
    expect(JSON.stringify(row!.envelope)).not.toContain('Samira');

    const opened = (await openSealedPush(store, {
      mutations: [{ id: entry!.id, sealed: row!.envelope }],
    })) as { mutations: { id: number; fields: { givenName?: string } }[] };
    expect(opened.mutations[0]).toMatchObject({ id: entry!.id, fields: { givenName: 'Samira' } });
    // Under another mutation id the additional data differs: the whole push is refused.
    await expect(
      openSealedPush(store, { mutations: [{ id: entry!.id + 1, sealed: row!.envelope }] }),
    ).rejects.toMatchObject({ statusCode: 400 });
    db.close();
  });

  it('[K5] a change saved before the lock reaches the server from the locked device; the unlocked sync confirms it', async () => {
    const { user, db, transport } = await phone(server.app);
    const saved = await createRecord(db, 'cases', {
      givenName: 'Samira',
      familyName: 'Haidari',
      status: 'intake',
    });
    if (!saved.ok) throw new Error('not saved');
    const key = dataKeyOf(db.name)!.slice();
    dropDataKey(db.name); // the lock

    const locked = await syncOnce(db, transport);
    expect(locked).toMatchObject({ ok: true, pushed: 1, pulled: 0 });
    expect(await serverCase(user.id, saved.id)).toMatchObject({ givenName: 'Samira' });
    expect(await db.outbox.count()).toBe(1); // [A4] removed only after a pull confirms it

    holdDataKey(db.name, key); // the unlock
    const unlocked = await syncOnce(db, transport);
    expect(unlocked).toMatchObject({ ok: true, rejected: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sealed.count()).toBe(0);
    const [row] = await store.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM change_log WHERE record_id = $1`,
      [saved.id],
    );
    expect(row?.n).toBe(1);
    db.close();
  });
});

describe('[K6] revocation wipes, expiry does not', () => {
  it('device revoke: the next sync deletes the local database, outbox included, and says why', async () => {
    const { user, deviceId, db, transport } = await phone(server.app);
    await createRecord(db, 'cases', { givenName: 'Omid', familyName: 'Rahimi', status: 'intake' });
    await runAdmin(['device', 'revoke', '--email', user.email, '--device', deviceId], store);
    const result = await syncOnce(db, transport);
    expect(result).toMatchObject({ ok: false, error: { kind: 'revoked', code: 'device_revoked' } });
    expect(await Dexie.exists(db.name)).toBe(false);
    expect(await takeWipeNotice()).toBe('device_revoked');
  });

  it('user disable: the locked device wipes too (the sealed push is refused first)', async () => {
    const { user, db, transport } = await phone(server.app);
    await createRecord(db, 'cases', { givenName: 'Omid', familyName: 'Rahimi', status: 'intake' });
    dropDataKey(db.name);
    await runAdmin(['user', 'disable', '--email', user.email], store);
    expect((await syncOnce(db, transport)).ok).toBe(false);
    expect(await Dexie.exists(db.name)).toBe(false);
    expect(await takeWipeNotice()).toBe('user_disabled');
  });

  it('an expired session keeps everything: outbox and records stay, the error asks to sign in', async () => {
    const { db, transport } = await phone(server.app);
    await createRecord(db, 'cases', { givenName: 'Omid', familyName: 'Rahimi', status: 'intake' });
    nowMs += SESSION_TTL_MS + 60_000;
    const result = await syncOnce(db, transport);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.cases.count()).toBe(1);
    expect(await takeWipeNotice()).toBeNull();
    db.close();
  });
});
