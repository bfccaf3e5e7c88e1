// A case with a birth date brings its age-limit task ("Wiedervorlage") along: both are written in ONE
// transaction, so the phone never holds a birth date without the reminder before the 27th birthday.
// Mirrors save-residence-status.ts.
import type { FeldakteDb } from './db';
import { writeRecords, type BatchResult, type RecordWrite } from './write-record';
import { isOpenCase, type Case } from '../shared/domain/case';
import { ageLimitTaskFields } from '../shared/domain/case-age';
import type { Task } from '../shared/domain/task';
import { toLocalDate } from '../shared/domain/common';
import { deviceNow, newDeviceId } from './device-environment';

type CaseFields = { [K in keyof Case]?: Case[K] | null };

/**
 * Creates (without `id`) or updates a case. A new or changed birth date creates the age-limit task,
 * or moves the open one this case made before; a task already done is left alone, and so are all
 * tasks when the birth date is cleared. A closed case gets no new task.
 */
export async function saveCase(
  db: FeldakteDb,
  fields: CaseFields,
  id?: string,
  now = deviceNow(db),
): Promise<BatchResult> {
  const caseId = id ?? newDeviceId(db, now.getTime());
  const stored = id ? await db.cases.get(id) : undefined;
  const writes: RecordWrite[] = [{ table: 'cases', id: caseId, fields }];

  const birthDate = fields.birthDate === undefined ? stored?.birthDate : fields.birthDate;
  const status = fields.status ?? stored?.status;
  const dateChanged = !stored || (birthDate ?? null) !== (stored.birthDate ?? null);
  if (birthDate && dateChanged) {
    const task = ageLimitTaskFields({ id: caseId, birthDate }, toLocalDate(now));
    const existing = stored ? await openAgeLimitTask(db, caseId) : undefined;
    if (task && existing) {
      writes.push({
        table: 'tasks',
        id: existing.id,
        fields: {
          title: task.title,
          titleKey: task.titleKey,
          titleParams: task.titleParams,
          dueOn: task.dueOn,
        },
      });
    } else if (task && status && isOpenCase(status)) {
      writes.push({ table: 'tasks', fields: task });
    }
  }
  return writeRecords(db, writes, now);
}

async function openAgeLimitTask(db: FeldakteDb, caseId: string): Promise<Task | undefined> {
  const tasks = await db.tasks.where('caseId').equals(caseId).toArray();
  return tasks.find(
    (task) =>
      task.kind === 'age_limit' &&
      task.sourceTable === 'cases' &&
      task.sourceId === caseId &&
      !task.doneOn,
  );
}
