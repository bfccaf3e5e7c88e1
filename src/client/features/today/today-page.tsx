// "Heute": the start screen. Today's appointments first, then overdue and due tasks, then residence
// statuses about to run out. Everything is read from the device, so it works offline.
import { useState } from 'preact/hooks';
import { toLocalDate } from '../../../shared/domain/common';
import { formatLongDay, t } from '../../../shared/i18n/t';
import { Button } from '../../ui/button';
import { usePageTitle } from '../../state/page-title';
import { TodayAppointments } from '../appointments/today-appointments';
import { ExpiringStatuses } from './expiring-statuses';
import { TodayTasks } from './today-tasks';
import { ScopeToggle } from '../team/scope-toggle';

type Sheets = typeof import('./today-sheets');

export function TodayPage() {
  usePageTitle(t('cases.today.title'));
  const now = new Date();
  const today = toLocalDate(now);
  const [taskOpen, setTaskOpen] = useState(false);
  // Loaded on the first tap (from the service worker's cache, so offline too).
  const [sheets, setSheets] = useState<Sheets | null>(null);
  const openTask = async () => {
    setSheets(await import('./today-sheets'));
    setTaskOpen(true);
  };
  return (
    <>
      <p class="page-intro">{formatLongDay(now)}</p>
      <ScopeToggle />
      <TodayAppointments />
      <TodayTasks today={today} />
      <ExpiringStatuses today={today} />
      <div class="form-actions">
        <Button block onClick={() => void openTask()}>
          {t('cases.tasks.add')}
        </Button>
        {/* The gap form is its own (lazy) page: "Meine Lücken", edit and delete live there too. */}
        <a class="button button--ghost button--block" href="/luecken/neu">
          {t('cases.gaps.open')}
        </a>
      </div>
      {sheets && <sheets.AddTaskSheet open={taskOpen} onClose={() => setTaskOpen(false)} />}
    </>
  );
}
