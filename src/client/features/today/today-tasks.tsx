// Overdue and today's tasks across all cases, with the case name to open it.
import { fullName } from '../../../shared/domain/case';
import { compareTasks } from '../../../shared/domain/task';
import { t } from '../../../shared/i18n/t';
import { isMyTask } from '../../../shared/domain/case-ownership';
import { useDb, useSession } from '../../state/session';
import { useScope } from '../../state/scope';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { RowList } from '../../ui/list-row';
import { Section } from '../../ui/section';
import { useLiveQuery } from '../../ui/use-live-query';
import { useState } from 'preact/hooks';
import { TaskRow } from '../cases/task-row';

/** After a holiday the overdue list can be long: the oldest few first, the rest on request. */
export const OVERDUE_SHOWN = 20;

export function TodayTasks({ today }: { today: string }) {
  const db = useDb();
  const userId = useSession((state) => state.user?.id ?? '');
  const scope = useScope((state) => state.scope);
  const [showAll, setShowAll] = useState(false);
  const data = useLiveQuery(async () => {
    const open = (await db.tasks.where('dueOn').belowOrEqual(today).toArray()).filter(
      (task) => !task.doneOn,
    );
    const caseIds = [...new Set(open.flatMap((task) => (task.caseId ? [task.caseId] : [])))];
    const cases = new Map(
      (await db.cases.bulkGet(caseIds)).flatMap((c) => (c ? [[c.id, c] as const] : [])),
    );
    const due = open
      .filter(
        (task) =>
          scope === 'team' ||
          isMyTask(task, task.caseId ? cases.get(task.caseId) : undefined, userId, today),
      )
      .sort(compareTasks);
    const names = new Map([...cases.values()].map((c) => [c.id, fullName(c)] as const));
    return { due, names };
  }, [db, today, scope, userId]);

  if (!data) return null;
  const overdue = data.due.filter((task) => task.dueOn < today);
  const dueToday = data.due.filter((task) => task.dueOn === today);
  const nameOf = (caseId: string | null | undefined) =>
    caseId ? (data.names.get(caseId) ?? t('cases.today.unknownCase')) : undefined;

  return (
    <>
      {overdue.length > 0 && (
        <Section title={t('cases.today.overdue')}>
          <RowList label={t('cases.today.overdue')}>
            {(showAll ? overdue : overdue.slice(0, OVERDUE_SHOWN)).map((task) => (
              <TaskRow key={task.id} task={task} today={today} caseName={nameOf(task.caseId)} />
            ))}
          </RowList>
          {!showAll && overdue.length > OVERDUE_SHOWN && (
            <Button variant="ghost" block onClick={() => setShowAll(true)}>
              {t('cases.today.showAllOverdue', { count: overdue.length })}
            </Button>
          )}
        </Section>
      )}
      <Section title={t('cases.today.dueToday')}>
        {dueToday.length === 0 ? (
          <EmptyState>{t('cases.today.nothingDue')}</EmptyState>
        ) : (
          <RowList label={t('cases.today.dueToday')}>
            {dueToday.map((task) => (
              <TaskRow key={task.id} task={task} today={today} caseName={nameOf(task.caseId)} />
            ))}
          </RowList>
        )}
      </Section>
    </>
  );
}
