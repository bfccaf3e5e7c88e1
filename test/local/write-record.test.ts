import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type FeldakteDb } from '../../src/local/db';
import {
  createRecord,
  deleteRecord,
  putRecord,
  withoutLocalColumns,
  writeRecords,
} from '../../src/local/write-record';
import { setMeta } from '../../src/local/meta';

let db: FeldakteDb;
let userId: string;

beforeEach(() => {
  userId = `test-${Math.random().toString(36).slice(2)}`;
  db = openDatabase(userId);
});
afterEach(() => db.close());

const ahmad = { givenName: 'Ahmad', familyName: 'Karimi', status: 'intake' as const };

describe('writing a record', () => {
  it('[L1] stores the record and its outbox entry together', async () => {
    const result = await createRecord(db, 'cases', ahmad);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await db.cases.get(result.id)).toEqual({ ...ahmad, id: result.id });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ id: 1, table: 'cases', recordId: result.id, op: 'put' });
    expect(outbox[0]?.fields).toMatchObject(ahmad);
  });

  it('refuses invalid input with German messages per field and stores nothing', async () => {
    const result = await createRecord(db, 'cases', {
      givenName: '',
      familyName: 'Karimi',
      status: 'intake',
    });
    expect(result).toEqual({
      ok: false,
      message: 'Bitte die markierten Felder korrigieren.',
      errors: { givenName: 'Bitte den Vornamen eingeben' },
    });
    expect(await db.cases.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a change the shared rules forbid and keeps the stored record', async () => {
    const created = await createRecord(db, 'cases', ahmad);
    if (!created.ok) throw new Error('setup');
    const result = await putRecord(db, 'cases', created.id, { status: 'closed' });
    expect(result).toMatchObject({ ok: false, message: 'Bitte einen Abschlussgrund wählen.' });
    expect((await db.cases.get(created.id))?.status).toBe('intake');
    expect(await db.outbox.count()).toBe(1);
  });

  it('[L3] sends only the changed fields, and nothing for a write that changes nothing', async () => {
    const created = await createRecord(db, 'cases', ahmad);
    if (!created.ok) throw new Error('setup');
    await putRecord(db, 'cases', created.id, { ...ahmad, phone: '0171 1234567' });
    await putRecord(db, 'cases', created.id, { phone: '0171 1234567' });
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox.map((entry) => entry.fields)).toEqual([
      expect.objectContaining(ahmad),
      { phone: '0171 1234567' },
    ]);
  });

  it('[L3] a write whose parsed value equals the stored one stores nothing', async () => {
    const created = await createRecord(db, 'cases', ahmad);
    if (!created.ok) throw new Error('setup');
    // The schema trims: 'Ahmad ' is 'Ahmad'. Without this, an empty write with a newer clock
    // could beat a real concurrent edit on the server.
    const result = await putRecord(db, 'cases', created.id, {
      givenName: 'Ahmad ',
      familyName: ' Karimi',
    });
    expect(result).toEqual({ ok: true, id: created.id, changed: [] });
    expect(await db.outbox.count()).toBe(1);
    const changed = await putRecord(db, 'cases', created.id, { givenName: ' Ahmed ', phone: null });
    expect(changed).toEqual({ ok: true, id: created.id, changed: ['givenName'] });
    expect((await db.outbox.toArray())[1]!.fields).toEqual({ givenName: 'Ahmed' });
  });

  it('[P8] refuses text with a lone surrogate before anything is saved', async () => {
    const result = await createRecord(db, 'cases', { ...ahmad, givenName: 'A\ud800B' });
    expect(result).toMatchObject({
      ok: false,
      errors: { givenName: expect.stringMatching(/ungültiges Zeichen/) },
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps records and outbox across a reload', async () => {
    const created = await createRecord(db, 'cases', ahmad);
    if (!created.ok) throw new Error('setup');
    await deleteRecord(db, 'cases', created.id);
    const kept = await createRecord(db, 'cases', { ...ahmad, givenName: 'Amina' });
    db.close();
    db = openDatabase(userId);
    expect((await db.cases.toArray()).map((c) => c.givenName)).toEqual(['Amina']);
    expect((await db.outbox.orderBy('id').toArray()).map((e) => [e.id, e.op])).toEqual([
      [1, 'put'],
      [2, 'delete'],
      [3, 'put'],
    ]);
    expect(kept.ok).toBe(true);
  });
});

describe('the rules of a local write', () => {
  it('[R1] a new record gets a UUIDv7 id made on the device', async () => {
    const result = await createRecord(db, 'cases', ahmad, new Date('2025-03-01T10:00:00Z'));
    if (!result.ok) throw new Error('setup');
    expect(result.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    // The first 48 bits are the creation time, so ids sort by creation.
    expect(parseInt(result.id.replace(/-/g, '').slice(0, 12), 16)).toBe(
      Date.parse('2025-03-01T10:00:00Z'),
    );
  });

  it('[L2] outbox ids are consecutive from 1 and never reused after acknowledged entries are removed', async () => {
    await createRecord(db, 'cases', ahmad);
    await createRecord(db, 'cases', { ...ahmad, givenName: 'Amina' });
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([1, 2]);
    await db.outbox.clear(); // what an acknowledgement ([A4]) does
    await createRecord(db, 'cases', { ...ahmad, givenName: 'Samir' });
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([3]);
  });

  it('[L4] an outbox entry carries the pull cursor the device had reached when it wrote', async () => {
    await createRecord(db, 'cases', ahmad);
    await setMeta(db, 'cursor', 41);
    await createRecord(db, 'cases', { ...ahmad, givenName: 'Amina' });
    expect((await db.outbox.orderBy('id').toArray()).map((e) => e.baseCursor)).toEqual([0, 41]);
  });

  it('[L5] a write resolves when it is stored on the device, without touching the network', async () => {
    const fetch = vi.fn(() => new Promise<Response>(() => {}));
    vi.stubGlobal('fetch', fetch);
    try {
      const result = await createRecord(db, 'cases', ahmad);
      expect(result.ok).toBe(true);
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('[R4] sync metadata (clock, cursor, outbox id) never enters the stored record', async () => {
    const result = await createRecord(db, 'cases', { ...ahmad, phone: '0171 1234567' });
    if (!result.ok) throw new Error('setup');
    const stored = await db.cases.get(result.id);
    expect(withoutLocalColumns(stored!)).toEqual({
      id: result.id,
      ...ahmad,
      phone: '0171 1234567',
    });
    const [entry] = await db.outbox.toArray();
    for (const key of ['hlc', 'baseCursor', 'version', '_terms']) {
      expect(entry!.fields).not.toHaveProperty(key);
      expect(withoutLocalColumns(stored!)).not.toHaveProperty(key);
    }
  });
});

describe('a full disk', () => {
  it('[L1] becomes a clear German message; neither the record nor its outbox entry is stored', async () => {
    const first = await createRecord(db, 'cases', ahmad);
    if (!first.ok) throw new Error('setup');
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<typeof put>
    ) {
      if (this.name === 'cases') throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const result = await createRecord(db, 'cases', { ...ahmad, givenName: 'Amina' });
      expect(result).toEqual({
        ok: false,
        message:
          'Der Speicher des Geräts ist voll. Bereits gespeicherte Daten bleiben erhalten; bitte Platz schaffen und erneut speichern.',
        errors: {},
      });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect((await db.cases.toArray()).map((c) => c.givenName)).toEqual(['Ahmad']);
    expect(await db.outbox.count()).toBe(1);
    const again = await createRecord(db, 'cases', { ...ahmad, givenName: 'Amina' });
    expect(again.ok).toBe(true);
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([1, 2]);
  });
});

describe('writing several records at once', () => {
  it('stores every record with its outbox entry in order', async () => {
    const result = await writeRecords(db, [
      { table: 'cases', fields: ahmad },
      { table: 'tasks', fields: { title: 'Anrufen', dueOn: '2025-03-20', kind: 'follow_up' } },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ids).toHaveLength(2);
    expect((await db.outbox.orderBy('id').toArray()).map((e) => [e.table, e.recordId])).toEqual([
      ['cases', result.ids[0]],
      ['tasks', result.ids[1]],
    ]);
  });

  it('stores none when one write is refused, and says which', async () => {
    const result = await writeRecords(db, [
      { table: 'cases', fields: ahmad },
      { table: 'tasks', fields: { title: '', dueOn: '2025-03-20', kind: 'follow_up' } },
    ]);
    expect(result).toEqual({
      ok: false,
      index: 1,
      message: 'Bitte die markierten Felder korrigieren.',
      errors: { title: 'Bitte beschreiben, was zu tun ist' },
    });
    expect(await db.cases.count()).toBe(0);
    expect(await db.tasks.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    // The outbox counter did not move either: the next write is mutation 1.
    await createRecord(db, 'cases', ahmad);
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([1]);
  });
});
