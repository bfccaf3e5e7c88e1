// One task with a large done checkbox: the box is drawn at 24 px, but its label fills a 48 px square
// around it, so a tap beside the box ticks it too (issue 27 item 3). Ticking it writes doneOn
// through the rules and offers "Rückgängig" for 10 s; the case name links to the case when the list
// mixes cases (Heute). A tick the device could not store says so under the task (and the box shows
// the stored state again).
import { toLocalDate } from '../../../shared/domain/common';
import { taskBucket, taskDoneChange, type Task } from '../../../shared/domain/task';
import { formatDay, t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { StatusPill } from '../../ui/status-pill';
import { offerUndo, useWriteAction } from '../../ui/write-action';
import { taskKindLabel } from './labels';
import { taskTitle } from './task-title';

export interface TaskRowProps {
  task: Task;
  today: string;
  /** Shown (as a link to the case) in lists across cases. */
  caseName?: string | undefined;
}

export function TaskRow({ task, today, caseName }: TaskRowProps) {
  const db = useDb();
  const bucket = taskBucket(task, today);
  const action = useWriteAction();
  // The write path loads on the first tick: "Heute" shows tasks without it (first-screen budget).
  const writeRecord = () => import('../../../local/write-record');
  const toggle = async (done: boolean) => {
    const before = { doneOn: task.doneOn ?? null };
    const saved = await action.run(async () =>
      (await writeRecord()).putRecord(
        db,
        'tasks',
        task.id,
        taskDoneChange(done, toLocalDate(new Date())),
      ),
    );
    if (saved && done)
      offerUndo(
        t('cases.tasks.doneToast'),
        async () => (await writeRecord()).putRecord(db, 'tasks', task.id, before),
        t('cases.tasks.undone'),
      );
  };
  const checkboxId = `task-${task.id}`;
  const title = taskTitle(task);
  return (
    <li class={`row row--task${bucket === 'done' ? ' task-done' : ''}`}>
      <div class="row__link">
        <label class="task-check" for={checkboxId}>
          <input
            autoComplete="off"
            id={checkboxId}
            type="checkbox"
            checked={bucket === 'done'}
            aria-label={t('cases.tasks.markDone', { title })}
            onChange={(event) => void toggle(event.currentTarget.checked)}
          />
        </label>
        <span class="row__main">
          <label class="row__title" for={checkboxId}>
            {title}
          </label>
          <span class="row__meta">
            {bucket === 'overdue'
              ? t('cases.tasks.overdue', { date: formatDay(task.dueOn) })
              : t('cases.tasks.dueLine', { date: formatDay(task.dueOn) })}
            {caseName && task.caseId && (
              <>
                {' · '}
                <a href={`/faelle/${task.caseId}`}>{caseName}</a>
              </>
            )}
          </span>
          <span class="row__badges">
            {bucket === 'overdue' ? (
              <StatusPill tone="danger">{taskKindLabel(task.kind)}</StatusPill>
            ) : (
              <StatusPill tone={task.kind === 'document_expiry' ? 'warning' : 'neutral'}>
                {taskKindLabel(task.kind)}
              </StatusPill>
            )}
          </span>
        </span>
      </div>
      {action.message && (
        <p class="row__error" role="alert">
          {action.message}
        </p>
      )}
    </li>
  );
}
