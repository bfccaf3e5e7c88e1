// Tasks ("Wiedervorlage"): something to do by a date, for a case or for the THM in general. Some are
// made by the app (a residence status expiry), pointing back to their source record.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import {
  choice,
  isoDate,
  latestAcceptedDay,
  LONG,
  optional,
  recordId,
  reference,
  requiredText,
  SHORT,
  text,
} from './common';
import { germanText, key, message, type Message } from '../i18n/message';
import type { MessageKey, Params } from '../i18n/t';

export const taskKinds = ['follow_up', 'deadline', 'document_expiry', 'age_limit'] as const;
export type TaskKind = (typeof taskKinds)[number];
/** The kinds a THM picks for a task of their own; expiry and age-limit tasks are made by the app. */
export const manualTaskKinds = ['follow_up', 'deadline'] as const satisfies readonly TaskKind[];

export const taskSchema = v.object({
  id: recordId,
  caseId: optional(reference('rules.validation.invalidCase')),
  title: requiredText(SHORT, 'rules.tasks.title'),
  dueOn: isoDate('rules.tasks.dueOn'),
  kind: choice(taskKinds, 'rules.validation.kindFromList'),
  doneOn: optional(isoDate('rules.validation.date')),
  note: optional(text(LONG)),
  /** The record that made this task (e.g. `statuses`), for tasks the app creates. */
  sourceTable: optional(v.pipe(v.string(), v.maxLength(40))),
  sourceId: optional(reference('rules.tasks.invalidSource')),
  /**
   * For a task the app made: its title as a catalogue key with parameters (an ISO day as `date`),
   * rendered in the phone's language; `title` holds the German text for older apps and exports.
   * The phone shows `title` for a key it does not know.
   */
  titleKey: optional(
    v.pipe(
      v.string(key('rules.tasks.titleKey')),
      v.maxLength(100, key('rules.tasks.titleKey')),
      // Any key-shaped text: a newer app's key renders as `title` on an older one (taskTitle).
      v.regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$/, key('rules.tasks.titleKey')),
    ),
  ),
  titleParams: optional(
    v.pipe(
      v.record(
        v.pipe(v.string(key('rules.tasks.titleKey')), v.maxLength(40, key('rules.tasks.titleKey'))),
        v.union([text(SHORT), v.number(key('rules.tasks.titleKey'))], key('rules.tasks.titleKey')),
        key('rules.tasks.titleKey'),
      ),
      v.check((params) => Object.keys(params).length <= 5, key('rules.tasks.titleKey')),
    ),
  ),
});
export type Task = v.InferOutput<typeof taskSchema>;

/**
 * The title of a task the app makes: the catalogue key and its parameters (rendered in the phone's
 * language, see taskTitle on the phone) and the German text for older apps and the server.
 */
export function autoTaskTitle(
  titleKey: MessageKey,
  titleParams: Params,
): { title: string; titleKey: MessageKey; titleParams: Params } {
  return { title: germanText({ key: titleKey, params: titleParams }), titleKey, titleParams };
}

export function checkTaskChange(prev: Task | undefined, next: Task, today: string): Message | null {
  if (prev && prev.caseId && prev.caseId !== next.caseId) {
    return message('rules.tasks.otherCase');
  }
  if (next.doneOn && next.doneOn > latestAcceptedDay(today) && next.doneOn !== prev?.doneOn) {
    return message('rules.tasks.doneInFuture');
  }
  return null;
}

export const taskTable = defineTable<Task>({
  schema: taskSchema,
  checkChange: (prev, next, ctx) => checkTaskChange(prev, next, ctx.today),
});

export type TaskBucket = 'overdue' | 'today' | 'upcoming' | 'done';

export function taskBucket(task: Pick<Task, 'dueOn' | 'doneOn'>, today: string): TaskBucket {
  if (task.doneOn) return 'done';
  if (task.dueOn < today) return 'overdue';
  return task.dueOn === today ? 'today' : 'upcoming';
}

export function isTaskOpen(task: Pick<Task, 'doneOn'>): boolean {
  return !task.doneOn;
}

export function isTaskOverdue(task: Pick<Task, 'dueOn' | 'doneOn'>, today: string): boolean {
  return taskBucket(task, today) === 'overdue';
}

/** Marking done stamps today; undoing clears it. */
export function taskDoneChange(done: boolean, today: string): Pick<Task, 'doneOn'> {
  return { doneOn: done ? today : null };
}

/** Open first (by due date), then done ones (most recently done first). */
export function compareTasks(
  a: Pick<Task, 'id' | 'dueOn' | 'doneOn'>,
  b: Pick<Task, 'id' | 'dueOn' | 'doneOn'>,
): number {
  if (!a.doneOn !== !b.doneOn) return a.doneOn ? 1 : -1;
  if (a.doneOn && b.doneOn && a.doneOn !== b.doneOn) return b.doneOn.localeCompare(a.doneOn);
  const byDue = a.dueOn.localeCompare(b.dueOn);
  return byDue !== 0 ? byDue : a.id.localeCompare(b.id);
}
