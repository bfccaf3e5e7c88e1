// Adding a task ("Wiedervorlage"): what, by when, which kind. Due in a week unless changed.
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
import { useDraftForm } from '../../ui/use-draft-form';
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
  const { field, reset, message, formProps } = useDraftForm({
    initial: { title: '', dueOn: addDays(toLocalDate(new Date()), 7), kind: 'follow_up' },
    save: ({ title, dueOn, kind }) =>
      createRecord(db, 'tasks', { caseId: caseId ?? null, title, dueOn, kind: kind as TaskKind }),
    onSaved: () => close(),
  });
  const close = () => {
    reset();
    onClose();
  };

  return (
    <Sheet open={open} title={t('cases.tasks.addTitle')} onClose={close}>
      <form {...formProps}>
        <FormAlert message={message} />
        <TextField {...field('title')} label={t('cases.tasks.what')} required />
        <DateField {...field('dueOn')} label={t('cases.tasks.dueOn')} required />
        <SelectField
          {...field('kind')}
          label={t('cases.tasks.kind')}
          allowEmpty={false}
          options={optionsOf(
            taskKinds.filter((k) => k !== 'document_expiry'),
            taskKindLabel,
          )}
        />
        <Button type="submit" variant="primary" block>
          {t('common.actions.save')}
        </Button>
      </form>
    </Sheet>
  );
}
