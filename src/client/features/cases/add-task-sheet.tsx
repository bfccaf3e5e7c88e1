// Adding a task ("Wiedervorlage"): what, by when, which kind. Due in a week unless changed.
import { useState } from 'preact/hooks';
import { createRecord } from '../../../local/write-record';
import { addDays, toLocalDate } from '../../../shared/domain/common';
import { taskKinds, type TaskKind } from '../../../shared/domain/task';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { DateField, SelectField, TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { optionsOf } from '../../ui/select-options';
import { Sheet } from '../../ui/sheet';
import { showToast } from '../../ui/toast';
import { useFormFeedback } from '../../ui/use-form-feedback';
import { taskKindLabel } from './labels';

export function AddTaskSheet({
  caseId,
  open,
  onClose,
}: {
  caseId?: string;
  open: boolean;
  onClose(): void;
}) {
  const db = useDb();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(() => addDays(toLocalDate(new Date()), 7));
  const [kind, setKind] = useState<TaskKind>('follow_up');
  const { errors, setErrors, message, setMessage, form } = useFormFeedback();

  const close = () => {
    setTitle('');
    setErrors({});
    setMessage(null);
    onClose();
  };
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const result = await createRecord(db, 'tasks', { caseId: caseId ?? null, title, dueOn, kind });
    if (!result.ok) {
      setMessage(result.message);
      return setErrors({ ...result.errors });
    }
    showToast(t('common.form.saved'));
    close();
  };

  return (
    <Sheet open={open} title={t('cases.tasks.addTitle')} onClose={close}>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert message={message} />
        <TextField
          name="title"
          label={t('cases.tasks.what')}
          required
          value={title}
          error={errors.title}
          onValue={setTitle}
        />
        <DateField
          name="dueOn"
          label={t('cases.tasks.dueOn')}
          required
          value={dueOn}
          error={errors.dueOn}
          onValue={setDueOn}
        />
        <SelectField
          name="kind"
          label={t('cases.tasks.kind')}
          allowEmpty={false}
          options={optionsOf(
            taskKinds.filter((k) => k !== 'document_expiry'),
            taskKindLabel,
          )}
          value={kind}
          error={errors.kind}
          onValue={(value) => setKind(value as TaskKind)}
        />
        <Button type="submit" variant="primary" block>
          {t('common.actions.save')}
        </Button>
      </form>
    </Sheet>
  );
}
