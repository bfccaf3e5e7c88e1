// Adding a task ("Wiedervorlage"): what, by when, which kind (only the kinds a THM sets; expiry and
// age-limit tasks are the app's). Due in a week unless changed. Opened from "Heute" (no case given)
// it can attach the task to a case, found by name.
import { createRecord } from '../../../local/write-record';
import { addDays, toLocalDate } from '../../../shared/domain/common';
import { manualTaskKinds, type TaskKind } from '../../../shared/domain/task';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { DateField, SelectField, TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { optionsOf } from '../../ui/select-options';
import { Sheet } from '../../ui/sheet';
import { useDraftForm } from '../../ui/use-draft-form';
import { taskKindLabel } from './labels';
import { CasePicker } from '../appointments/case-picker';

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
  const { draft, field, set, reset, message, formProps } = useDraftForm({
    initial: {
      title: '',
      dueOn: addDays(toLocalDate(new Date()), 7),
      kind: 'follow_up',
      caseId: caseId ?? '',
    },
    save: ({ title, dueOn, kind, caseId: chosen }) =>
      createRecord(db, 'tasks', {
        caseId: (caseId ?? chosen) || null,
        title,
        dueOn,
        kind: kind as TaskKind,
      }),
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
          options={optionsOf(manualTaskKinds, taskKindLabel)}
        />
        {!caseId && (
          <CasePicker
            value={draft.caseId}
            onValue={(value) => set('caseId', value)}
            error={field('caseId').error}
            label={t('cases.tasks.forCase')}
            noCase={t('cases.tasks.noCase')}
          />
        )}
        <Button type="submit" variant="primary" block>
          {t('common.actions.save')}
        </Button>
      </form>
    </Sheet>
  );
}
