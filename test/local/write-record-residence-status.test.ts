import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type FeldakteDb } from '../../src/local/db';
import { createRecord, putRecord } from '../../src/local/write-record';
import { saveResidenceStatus } from '../../src/local/save-residence-status';

let db: FeldakteDb;
let caseId: string;
const now = new Date(2025, 2, 14, 10, 0);

beforeEach(async () => {
  db = openDatabase(`test-${Math.random().toString(36).slice(2)}`);
  const created = await createRecord(db, 'cases', {
    givenName: 'Amina',
    familyName: 'Haidari',
    status: 'active',
  });
  if (!created.ok) throw new Error('setup');
  caseId = created.id;
});
afterEach(() => db.close());

describe('a residence status with a valid-until date', () => {
  it('creates its expiry task in the same write', async () => {
    const result = await saveResidenceStatus(
      db,
      { caseId, kind: 'duldung', validUntil: '2025-06-30' },
      undefined,
      now,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [statusId, taskId] = result.ids;
    expect(await db.tasks.get(taskId!)).toMatchObject({
      caseId,
      kind: 'document_expiry',
      dueOn: '2025-05-19',
      sourceTable: 'statuses',
      sourceId: statusId,
    });
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox.slice(1).map((e) => e.table)).toEqual(['statuses', 'tasks']);
  });

  it('makes no task without a date', async () => {
    await saveResidenceStatus(db, { caseId, kind: 'unclear' }, undefined, now);
    expect(await db.tasks.count()).toBe(0);
  });

  it('moves the open task when the date changes, and leaves a done one alone', async () => {
    const first = await saveResidenceStatus(
      db,
      { caseId, kind: 'duldung', validUntil: '2025-06-30' },
      undefined,
      now,
    );
    if (!first.ok) throw new Error('setup');
    const [statusId, taskId] = first.ids as [string, string];
    await saveResidenceStatus(db, { validUntil: '2025-09-30' }, statusId, now);
    expect(await db.tasks.count()).toBe(1);
    expect((await db.tasks.get(taskId))?.dueOn).toBe('2025-08-19');

    await putRecord(db, 'tasks', taskId, { doneOn: '2025-03-14' }, now);
    await saveResidenceStatus(db, { validUntil: '2025-12-31' }, statusId, now);
    const tasks = await db.tasks.toArray();
    expect(tasks).toHaveLength(2);
    expect(tasks.find((task) => task.id === taskId)?.dueOn).toBe('2025-08-19');
  });

  it('stores neither status nor task when the dates contradict each other', async () => {
    const result = await saveResidenceStatus(
      db,
      { caseId, kind: 'duldung', issuedOn: '2025-03-01', validUntil: '2025-02-01' },
      undefined,
      now,
    );
    expect(result).toMatchObject({
      ok: false,
      message: 'Das Ablaufdatum liegt vor dem Ausstellungsdatum.',
    });
    expect(await db.statuses.count()).toBe(0);
    expect(await db.tasks.count()).toBe(0);
  });
});
