import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type FeldakteDb } from '../../src/local/db';
import { putRecord } from '../../src/local/write-record';
import { saveCase } from '../../src/local/save-case';

let db: FeldakteDb;
const now = new Date(2025, 2, 14, 10, 0);
const person = { givenName: 'Amina', familyName: 'Haidari', status: 'active' } as const;

beforeEach(() => {
  db = openDatabase(`test-${Math.random().toString(36).slice(2)}`);
});
afterEach(() => db.close());

async function created(fields: Parameters<typeof saveCase>[1]): Promise<string[]> {
  const result = await saveCase(db, fields, undefined, now);
  if (!result.ok) throw new Error(`setup: ${result.message}`);
  return result.ids;
}

describe('a case with a birth date', () => {
  it('is stored with its age-limit task and both outbox entries in one write', async () => {
    const [caseId, taskId] = await created({ ...person, birthDate: '2000-09-01' });
    expect(await db.cases.get(caseId!)).toMatchObject({ birthDate: '2000-09-01' });
    expect(await db.tasks.get(taskId!)).toMatchObject({
      caseId,
      kind: 'age_limit',
      dueOn: '2027-06-03',
      title: 'Altersgrenze: 27 Jahre am 01.09.2027 — Übergang planen',
      sourceTable: 'cases',
      sourceId: caseId,
    });
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox.map((e) => [e.table, e.recordId])).toEqual([
      ['cases', caseId],
      ['tasks', taskId],
    ]);
  });

  it('makes no task without a birth date, or once the 27th birthday has passed', async () => {
    await created(person);
    await created({ ...person, birthDate: '1990-01-01' });
    expect(await db.cases.count()).toBe(2);
    expect(await db.tasks.count()).toBe(0);
  });

  it('moves the open task when the birth date is corrected, without a second one', async () => {
    const [caseId, taskId] = (await created({ ...person, birthDate: '2000-09-01' })) as [
      string,
      string,
    ];
    await saveCase(db, { birthDate: '2001-01-15' }, caseId, now);
    expect(await db.tasks.count()).toBe(1);
    expect(await db.tasks.get(taskId)).toMatchObject({
      dueOn: '2027-10-17',
      title: 'Altersgrenze: 27 Jahre am 15.01.2028 — Übergang planen',
    });

    const before = await db.outbox.count();
    await saveCase(db, { phone: '0151 123456' }, caseId, now);
    expect(await db.outbox.count()).toBe(before + 1);
    expect((await db.tasks.get(taskId))?.dueOn).toBe('2027-10-17');
  });

  it('leaves a done task alone', async () => {
    const [caseId, taskId] = (await created({ ...person, birthDate: '2000-09-01' })) as [
      string,
      string,
    ];
    await putRecord(db, 'tasks', taskId, { doneOn: '2025-03-14' }, now);
    await saveCase(db, { birthDate: '2001-01-15' }, caseId, now);
    expect(await db.tasks.get(taskId)).toMatchObject({ dueOn: '2027-06-03', doneOn: '2025-03-14' });
    const open = (await db.tasks.toArray()).filter((task) => !task.doneOn);
    expect(open.map((task) => task.dueOn)).toEqual(['2027-10-17']);
  });

  it('leaves the task alone when the birth date is cleared', async () => {
    const [caseId, taskId] = (await created({ ...person, birthDate: '2000-09-01' })) as [
      string,
      string,
    ];
    await saveCase(db, { birthDate: null }, caseId, now);
    expect((await db.cases.get(caseId))?.birthDate ?? null).toBeNull();
    expect(await db.tasks.get(taskId)).toMatchObject({ dueOn: '2027-06-03' });
    expect(await db.tasks.count()).toBe(1);
  });

  it('gives a closed case no new task', async () => {
    const [caseId] = (await created(person)) as [string];
    await putRecord(db, 'cases', caseId, { status: 'closed', closingReason: 'work' }, now);
    const result = await saveCase(db, { birthDate: '2000-09-01' }, caseId, now);
    expect(result).toMatchObject({ ok: true, ids: [caseId] });
    expect(await db.tasks.count()).toBe(0);
  });

  it.each([
    [
      'a missing name',
      { ...person, givenName: '', birthDate: '2000-09-01' },
      { givenName: 'Bitte den Vornamen eingeben' },
    ],
    [
      'a birth date in the future',
      { ...person, birthDate: '2025-12-01' },
      { _record: 'Das Geburtsdatum liegt in der Zukunft.' },
    ],
  ])('stores neither case nor task for %s', async (_rule, fields, errors) => {
    const result = await saveCase(db, fields, undefined, now);
    expect(result).toMatchObject({ ok: false, index: 0, errors });
    expect(await db.cases.count()).toBe(0);
    expect(await db.tasks.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
