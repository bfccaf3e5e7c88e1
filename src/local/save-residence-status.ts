// A residence status with a valid-until date brings its expiry task along: both are written in ONE
// transaction, so the phone never holds a dated status without its reminder (or a reminder without
// its status). Offline on two phones, each makes its own task for its own status record.
import type { FeldakteDb } from './db';
import { writeRecords, type BatchResult, type RecordWrite } from './write-record';
import { expiryTaskFields, type ResidenceStatus } from '../shared/domain/residence-status';
import type { Task } from '../shared/domain/task';
import { toLocalDate } from '../shared/domain/common';
import { deviceNow, newDeviceId } from './device-environment';

type StatusFields = { [K in keyof ResidenceStatus]?: ResidenceStatus[K] | null };

/**
 * Creates (without `id`) or updates a status. A new valid-until date creates the expiry task, or
 * moves the open one this status made before; a task already done is left alone.
 */
export async function saveResidenceStatus(
  db: FeldakteDb,
  fields: StatusFields,
  id?: string,
  now = deviceNow(db),
): Promise<BatchResult> {
  const statusId = id ?? newDeviceId(db, now.getTime());
  const stored = id ? await db.statuses.get(id) : undefined;
  const writes: RecordWrite[] = [{ table: 'statuses', id: statusId, fields }];

  const validUntil = fields.validUntil === undefined ? stored?.validUntil : fields.validUntil;
  const caseId = fields.caseId ?? stored?.caseId;
  const dateChanged = !stored || (validUntil ?? null) !== (stored.validUntil ?? null);
  if (validUntil && caseId && dateChanged) {
    const task = expiryTaskFields({ id: statusId, caseId, validUntil }, toLocalDate(now));
    const existing = stored ? await openExpiryTask(db, caseId, statusId) : undefined;
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
    } else if (task) {
      writes.push({ table: 'tasks', fields: task });
    }
  }
  return writeRecords(db, writes, now);
}

async function openExpiryTask(
  db: FeldakteDb,
  caseId: string,
  statusId: string,
): Promise<Task | undefined> {
  const tasks = await db.tasks.where('caseId').equals(caseId).toArray();
  return tasks.find(
    (task) =>
      task.kind === 'document_expiry' &&
      task.sourceTable === 'statuses' &&
      task.sourceId === statusId &&
      !task.doneOn,
  );
}
