// A task's title in the phone's language: a task the app made (expiry, age limit, referral
// follow-up) carries its title as a catalogue key with parameters; a THM's own task, or a key this
// app does not know (a newer app made it), shows the stored title.
import type { Task } from '../../../shared/domain/task';
import { formatDay, hasMessage, ISO_DAY, t, type Params } from '../../../shared/i18n/t';

export function taskTitle(task: Pick<Task, 'title' | 'titleKey' | 'titleParams'>): string {
  const key = task.titleKey;
  if (!key || !hasMessage(key)) return task.title;
  const params: Params = {};
  for (const [name, value] of Object.entries(task.titleParams ?? {}))
    params[name] =
      name === 'date' && typeof value === 'string' && ISO_DAY.test(value)
        ? formatDay(value)
        : value;
  return t(key, params);
}
