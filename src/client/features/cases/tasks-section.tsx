// The case's tasks: open ones by due date; done ones folded away.
import { useState } from 'preact/hooks';
import { toLocalDate } from '../../../shared/domain/common';
import { compareTasks, isTaskOpen } from '../../../shared/domain/task';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { RowList } from '../../ui/list-row';
import { Section } from '../../ui/section';
import { useLiveQuery } from '../../ui/use-live-query';
import { AddTaskSheet } from './add-task-sheet';
import { TaskRow } from './task-row';

export function TasksSection({ caseId }: { caseId: string }) {
  const db = useDb();
  const tasks = useLiveQuery(
    async () => (await db.tasks.where('caseId').equals(caseId).toArray()).sort(compareTasks),
    [db, caseId],
  );
  const [adding, setAdding] = useState(false);
  const [showDone, setShowDone] = useState(false);
  const today = toLocalDate(new Date());
  const open = tasks?.filter(isTaskOpen) ?? [];
  const done = tasks?.filter((task) => !isTaskOpen(task)) ?? [];
  const shown = showDone ? [...open, ...done] : open;

  return (
    <Section
      title={t('cases.tasks.title')}
      action={
        <Button variant="ghost" onClick={() => setAdding(true)}>
          {t('cases.tasks.add')}
        </Button>
      }
    >
      {tasks && open.length === 0 && <EmptyState>{t('cases.tasks.empty')}</EmptyState>}
      {shown.length > 0 && (
        <RowList label={t('cases.tasks.title')}>
          {shown.map((task) => (
            <TaskRow key={task.id} task={task} today={today} />
          ))}
        </RowList>
      )}
      {done.length > 0 && (
        <Button
          block
          variant="ghost"
          aria-expanded={showDone}
          onClick={() => setShowDone(!showDone)}
        >
          {showDone ? t('cases.tasks.hideDone') : t('cases.tasks.showDone', { count: done.length })}
        </Button>
      )}
      <AddTaskSheet caseId={caseId} open={adding} onClose={() => setAdding(false)} />
    </Section>
  );
}
