// The restore drill as a test (issue 24), on PGlite and on PostgreSQL: two phones push (every push
// acknowledged), a backup is taken, the phones push more and erase a person, the server is
// stopped, restored from the backup into an empty data directory / database and started again.
// The phones come back: every acknowledged write is on the server again with the newest value of
// each field, a pending edit lands, the person erased after the backup stays erased, nothing is
// duplicated, no conflict is made of a record with itself, and both phones equal the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/store';
import { openPgliteStore } from '../../src/server/store/pglite-store';
import { openPgStore } from '../../src/server/store/pg-store';
import { migrate } from '../../src/server/store/migrate';
import { restoreBackup, takeBackup, type DatabaseEnv } from '../../src/server/ops/backup';
import { readErasureJournal, useErasureJournal } from '../../src/server/ops/erasure-journal';
import { openDatabase, type FeldakteDb } from '../../src/local/db';
import { createRecord, putRecord } from '../../src/local/write-record';
import { syncOnce } from '../../src/local/sync/sync-engine';
import { createFetchTransport } from '../../src/local/sync/fetch-transport';
import { getMeta } from '../../src/local/meta';
import { quickContactFields } from '../../src/shared/domain/contact';
import { tableNames } from '../../src/shared/domain/tables';
import { addUser, signIn, TEST_DATABASE_URL } from '../support/server-harness';

const work = mkdtempSync(join(tmpdir(), 'feldakte-restore-drill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Backend {
  name: 'pglite' | 'postgres';
  env: DatabaseEnv;
  open(): Promise<Store>;
  /** The server's disk is lost: what remains is the backup. */
  lose(): Promise<void>;
}

function pgliteBackend(): Backend {
  const dir = join(work, `data-${randomUUID().slice(0, 8)}`);
  return {
    name: 'pglite',
    env: { DATA_DIR: dir, BACKUP_KEY: 'drill-key-123' },
    open: () => openPgliteStore(dir),
    lose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresBackend(): Backend {
  const schema = `ops_drill_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const drop = async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  };
  afterAll(drop);
  return {
    name: 'postgres',
    env: { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema },
    open: () => openPgStore({ connectionString: TEST_DATABASE_URL, schema }),
    lose: drop,
  };
}

describe.each([{ make: pgliteBackend }, { make: postgresBackend }])('restore drill', ({ make }) => {
  it(`[B1] [B2] [B3] [B4] nothing a phone holds is lost by a restore (${make.name.replace('Backend', '')})`, async () => {
    const backend = make();
    const journal = join(work, `erasures-${randomUUID().slice(0, 8)}.jsonl`);
    useErasureJournal(journal);
    let clockMs = Date.parse('2026-05-04T08:00:00.000Z');
    const now = () => new Date(clockMs);
    const tick = () => (clockMs += 1_000);

    let store = await backend.open();
    await migrate(store);
    let app: FastifyInstance = await buildApp({ store, now });
    const team = `Team Drill ${randomUUID().slice(0, 6)}`;
    const users = [await addUser(store, { team }), await addUser(store, { team })];
    const cookies = await Promise.all(users.map((user) => signIn(app, user.email)));
    const phones = users.map((user, i) => {
      const db = openDatabase(`drill-${randomUUID()}`);
      const fetch = (async (url: string, init: RequestInit) => {
        const response = await app.inject({
          method: 'POST',
          url,
          headers: { cookie: cookies[i]!, 'content-type': 'application/json' },
          payload: init.body as string,
        });
        return new Response(response.body, {
          status: response.statusCode,
          headers: { 'content-type': 'application/json' },
        });
      }) as typeof globalThis.fetch;
      return { user, db, transport: createFetchTransport({ fetch }) };
    });
    const [anna, ben] = phones as [(typeof phones)[0], (typeof phones)[0]];
    const sync = async (phone: typeof anna) => {
      tick();
      const result = await syncOnce(phone.db, phone.transport, { now });
      if (!result.ok) throw new Error(`sync failed: ${result.error.kind} ${result.error.message}`);
      return result;
    };
    const create = async (db: FeldakteDb, givenName: string) => {
      tick();
      const written = await createRecord(
        db,
        'cases',
        { givenName, familyName: 'Haddad', status: 'inquiry' },
        now(),
      );
      if (!written.ok) throw new Error(written.message);
      return written.id;
    };
    const edit = async (db: FeldakteDb, id: string, fields: Record<string, string>) => {
      tick();
      const written = await putRecord(db, 'cases', id, fields, now());
      if (!written.ok) throw new Error(written.message);
    };

    // Before the backup: cases on both phones, acknowledged and pulled by both.
    const c1 = await create(anna.db, 'Amina');
    const c2 = await create(ben.db, 'Yonas');
    const c5 = await create(anna.db, 'Samir');
    await sync(anna);
    await sync(ben);
    await sync(anna);

    const backup = await takeBackup(store, backend.env, now());
    expect(backup.header.encrypted).toBe(backend.env.BACKUP_KEY !== undefined);
    const oldEpoch = await getMeta(anna.db, 'epoch');
    expect(oldEpoch).toBeTruthy();

    // After the backup: edits of both, new records of both, an edit of the colleague's case,
    // two people erased (one made after the backup); every push acknowledged.
    await edit(anna.db, c1, { familyName: 'Tesfaye' });
    const c3 = await create(anna.db, 'Dilan');
    tick();
    const contact = await createRecord(
      ben.db,
      'contacts',
      quickContactFields(c2, 'phone', 'Rückruf vereinbart', now()),
      now(),
    );
    if (!contact.ok) throw new Error(contact.message);
    const c6 = await create(ben.db, 'Hevin');
    await sync(anna);
    await sync(ben);
    await edit(ben.db, c1, { givenName: 'Aminata' });
    await edit(ben.db, c2, { familyName: 'Rahimi' });
    await sync(ben);
    await sync(anna);
    await sync(ben);
    // Anna erases two people online; Ben does not pull before the restore: he still holds them.
    for (const caseId of [c5, c6]) {
      const erased = await app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/erase`,
        headers: { cookie: cookies[0]!, 'content-type': 'application/json' },
        payload: JSON.stringify({ reason: 'Widerspruch der Person (Art. 17)' }),
      });
      expect(erased.statusCode).toBe(200);
    }
    await sync(anna);
    expect(await anna.db.cases.get(c5)).toBeUndefined();
    expect(await ben.db.cases.get(c6)).toBeDefined();
    // Anna's edit the server never acknowledged before it stops: it must land after the restore.
    await edit(anna.db, c3, { familyName: 'Ahmadi' });
    const acknowledged = await serverCases(store, users[0]!.teamId);

    // The server stops; its disk is gone; the backup is restored into an empty one.
    await app.close();
    await store.close();
    await backend.lose();
    const restored = await restoreBackup(
      backup.bytes,
      backend.env,
      readErasureJournal(journal),
      now(),
    );
    expect(restored.epoch).not.toBe(oldEpoch);
    expect(restored.erasuresReplayed).toBe(1); // c5 was in the backup; c6 only in the journal
    store = await backend.open();
    app = await buildApp({ store, now });
    // The restored server lacks the day's work.
    expect((await serverCases(store, users[0]!.teamId)).get(c3)).toBeUndefined();

    // The phones come back, each twice, in turn.
    await sync(ben);
    await sync(anna);
    await sync(ben);
    await sync(anna);

    const onServer = await serverCases(store, users[0]!.teamId);
    for (const [id, fields] of acknowledged) {
      if (id === c5 || id === c6 || id === c3) continue; // c3: its pending edit, below
      expect(onServer.get(id), `case ${id}`).toMatchObject(fields);
    }
    expect(onServer.get(c1)).toMatchObject({ givenName: 'Aminata', familyName: 'Tesfaye' });
    expect(onServer.get(c2)).toMatchObject({ familyName: 'Rahimi' });
    expect(onServer.get(c3)).toMatchObject({ givenName: 'Dilan', familyName: 'Ahmadi' });
    expect(await serverRow(store, 'contacts', contact.id)).toMatchObject({
      summary: 'Rückruf vereinbart',
    });
    // Erased before or after the backup: erased, on the server and on both phones.
    for (const id of [c5, c6]) {
      expect(await purged(store, id), `case ${id} purged`).toBe(true);
      expect(await anna.db.cases.get(id)).toBeUndefined();
      expect(await ben.db.cases.get(id)).toBeUndefined();
    }
    // No conflict of a record with itself: the copies were copies, not edits.
    expect(await conflictCount(store, users[0]!.teamId)).toBe(0);
    // Both phones hold exactly what the server holds; nothing pending, nothing refused.
    for (const phone of phones) {
      expect(await phone.db.outbox.count()).toBe(0);
      expect(await phone.db.rejections.count()).toBe(0);
      expect(await getMeta(phone.db, 'epoch')).toBe(restored.epoch);
      for (const table of tableNames) {
        const local = await phone.db.table(table).toArray();
        const remote = await serverTable(store, users[0]!.teamId, table);
        expect(sortById(local), `${phone.user.email} ${table}`).toEqual(sortById(remote));
      }
    }
    await app.close();
    await store.close();
    for (const phone of phones) phone.db.close();
    useErasureJournal(undefined);
  }, 120_000);
});

async function serverCases(store: Store, teamId: string) {
  const rows = await store.query<{ id: string; fields: Record<string, unknown> }>(
    `SELECT id, fields FROM records WHERE team_id = $1 AND tbl = 'cases' AND NOT deleted`,
    [teamId],
  );
  return new Map(rows.map((row) => [row.id, row.fields]));
}

async function serverRow(store: Store, table: string, id: string) {
  const [row] = await store.query<{ fields: Record<string, unknown> }>(
    'SELECT fields FROM records WHERE tbl = $1 AND id = $2',
    [table, id],
  );
  return row?.fields;
}

async function serverTable(store: Store, teamId: string, table: string) {
  const rows = await store.query<{ id: string; fields: Record<string, unknown> }>(
    'SELECT id, fields FROM records WHERE team_id = $1 AND tbl = $2 AND NOT deleted',
    [teamId, table],
  );
  return rows.map((row) => ({ ...row.fields, id: row.id }));
}

async function purged(store: Store, id: string): Promise<boolean> {
  const [row] = await store.query<{ purged: boolean }>(
    `SELECT purged FROM records WHERE tbl = 'cases' AND id = $1`,
    [id],
  );
  return row?.purged === true;
}

async function conflictCount(store: Store, teamId: string): Promise<number> {
  const [row] = await store.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM records WHERE team_id = $1 AND tbl = 'conflicts'`,
    [teamId],
  );
  return Number(row!.n);
}

function sortById(rows: Record<string, unknown>[]) {
  return [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
