import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  checkTaskChange,
  compareTasks,
  isTaskOverdue,
  taskBucket,
  taskDoneChange,
  taskSchema,
  type Task,
} from '../../src/shared/domain/task';
import { saysGerman } from '../support/says-german';

const today = '2025-03-14';
const task = (patch: Partial<Task> = {}): Task => ({
  id: '01900000-0000-7000-8000-000000000001',
  caseId: '01890a5d-ac96-774b-bcce-b302099a8057',
  title: 'Schulzeugnis übersetzen lassen',
  dueOn: today,
  kind: 'follow_up',
  ...patch,
});

describe('tasks', () => {
  it.each([
    [{ dueOn: '2025-03-13' }, 'overdue'],
    [{ dueOn: '2025-03-14' }, 'today'],
    [{ dueOn: '2025-03-15' }, 'upcoming'],
    [{ dueOn: '2025-03-01', doneOn: '2025-03-02' }, 'done'],
  ] as const)('%o is %s', (patch, bucket) => {
    expect(taskBucket(task(patch), today)).toBe(bucket);
    expect(isTaskOverdue(task(patch), today)).toBe(bucket === 'overdue');
  });

  it('marks done with today and undoes by clearing', () => {
    expect(taskDoneChange(true, today)).toEqual({ doneOn: today });
    expect(taskDoneChange(false, today)).toEqual({ doneOn: null });
  });

  it('refuses a done date in the future', () => {
    expect(checkTaskChange(task(), task({ doneOn: '2025-03-20' }), today)).toEqual(
      saysGerman('Eine Aufgabe kann nicht in der Zukunft erledigt werden.'),
    );
    expect(checkTaskChange(task(), task({ doneOn: today }), today)).toBeNull();
  });

  it('keeps a task in its case', () => {
    expect(
      checkTaskChange(task(), task({ caseId: '01900000-0000-7000-8000-000000000009' }), today),
    ).toEqual(saysGerman(/anderen Fall/));
  });

  it('asks what is to be done, in German', () => {
    const result = v.safeParse(taskSchema, task({ title: ' ' }));
    expect(result.issues?.[0]?.message).toEqual(saysGerman('Bitte beschreiben, was zu tun ist'));
  });

  it('sorts open tasks by due date before done ones', () => {
    const a = task({ id: '01900000-0000-7000-8000-00000000000a', dueOn: '2025-03-20' });
    const b = task({ id: '01900000-0000-7000-8000-00000000000b', dueOn: '2025-03-10' });
    const c = task({
      id: '01900000-0000-7000-8000-00000000000c',
      dueOn: '2025-03-01',
      doneOn: '2025-03-02',
    });
    expect([a, c, b].sort(compareTasks)).toEqual([b, a, c]);
  });
});
