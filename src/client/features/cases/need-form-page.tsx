// Add or edit a need. The goal is written as the person says it. A status change runs through the
// shared rules: work starts only with a next step, and met/not met stamps the date.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { createRecord, putRecord } from '../../../local/write-record';
import { toLocalDate } from '../../../shared/domain/common';
import {
  allowedNeedTransitions,
  needActors,
  needCategories,
  needPriorities,
  needSources,
  needStatusChange,
  NEXT_STEP_REQUIRED,
  type Need,
  type NeedStatus,
} from '../../../shared/domain/need';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { ChipChoice } from '../../ui/chips';
import { DateField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { usePageTitle } from '../../ui/page-title';
import { optionsOf } from '../../ui/select-options';
import { showToast } from '../../ui/toast';
import { useFormFeedback } from '../../ui/use-form-feedback';
import { needCategoryLabel, needStatusLabel } from './labels';
import { needDraftToFields, needToDraft, type NeedDraft } from './need-draft';

export function NeedFormPage({ id: caseId, needId }: { id: string; needId?: string }) {
  const editing = needId !== undefined && needId !== 'neu';
  usePageTitle(
    editing ? t('cases.needs.editTitle') : t('cases.needs.addTitle'),
    `/faelle/${caseId}`,
  );
  const db = useDb();
  const { route } = useLocation();
  const [stored, setStored] = useState<Need | undefined>(undefined);
  const [draft, setDraft] = useState<NeedDraft | null>(editing ? null : needToDraft());
  const { errors, setErrors, message, setMessage, form } = useFormFeedback();

  useEffect(() => {
    if (!editing) return;
    void db.needs.get(needId).then((need) => {
      setStored(need);
      setDraft(needToDraft(need));
    });
  }, [db, needId]);

  if (!draft) return <p class="hint">{t('cases.list.loading')}</p>;
  const set = (key: keyof NeedDraft) => (value: string) =>
    setDraft((current) => current && { ...current, [key]: value });
  const statusOptions = stored ? [stored.status, ...allowedNeedTransitions(stored.status)] : [];

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    let fields: Record<string, unknown> = needDraftToFields(draft, editing);
    if (stored && draft.status !== stored.status) {
      const nextStep = draft.nextStep.trim() || null;
      const change = needStatusChange(
        { status: stored.status, nextStep },
        draft.status as NeedStatus,
        toLocalDate(new Date()),
      );
      if (!change.ok) {
        setMessage(change.reason);
        return setErrors(
          draft.status === 'in_progress' ? { nextStep: change.reason } : { status: change.reason },
        );
      }
      fields = { ...fields, ...change.fields };
    }
    const result = stored
      ? await putRecord(db, 'needs', stored.id, fields)
      : await createRecord(db, 'needs', { ...fields, caseId, status: 'open' });
    if (!result.ok) {
      setMessage(result.message);
      const errs = { ...result.errors };
      if (errs._record && errs._record === NEXT_STEP_REQUIRED) errs.nextStep = errs._record;
      return setErrors(errs);
    }
    showToast(t('common.form.saved'));
    route(`/faelle/${caseId}`, true);
  };

  return (
    <form ref={form} onSubmit={onSubmit} noValidate>
      <FormAlert message={message} />
      <SelectField
        name="category"
        label={t('cases.needs.category')}
        required
        options={optionsOf(needCategories, needCategoryLabel)}
        value={draft.category}
        error={errors.category}
        onValue={set('category')}
      />
      <TextAreaField
        name="goal"
        label={t('cases.needs.goal')}
        hint={t('cases.needs.goalHint')}
        value={draft.goal}
        error={errors.goal}
        onValue={set('goal')}
      />
      <TextField
        name="nextStep"
        label={t('cases.needs.nextStep')}
        value={draft.nextStep}
        error={errors.nextStep}
        onValue={set('nextStep')}
      />
      <ChipChoice
        legend={t('cases.needs.nextStepBy')}
        name="nextStepBy"
        options={optionsOf(needActors, (a) => t(`cases.needActor.${a}`))}
        value={draft.nextStepBy}
        error={errors.nextStepBy}
        onValue={set('nextStepBy')}
      />
      <ChipChoice
        legend={t('cases.needs.priority')}
        name="priority"
        options={optionsOf(needPriorities, (p) => t(`cases.needPriority.${p}`))}
        value={draft.priority}
        error={errors.priority}
        onValue={set('priority')}
      />
      {stored && (
        <SelectField
          name="status"
          label={t('cases.needs.status')}
          allowEmpty={false}
          options={optionsOf(statusOptions, needStatusLabel)}
          value={draft.status}
          error={errors.status}
          onValue={set('status')}
        />
      )}
      <DateField
        name="reviewOn"
        label={t('cases.needs.reviewOn')}
        value={draft.reviewOn}
        error={errors.reviewOn}
        onValue={set('reviewOn')}
      />
      <ChipChoice
        legend={t('cases.needs.source')}
        name="source"
        options={optionsOf(needSources, (s) => t(`cases.needSource.${s}`))}
        value={draft.source}
        error={errors.source}
        onValue={set('source')}
      />
      <TextAreaField
        name="description"
        label={t('cases.needs.description')}
        value={draft.description}
        error={errors.description}
        onValue={set('description')}
      />
      <div class="form-actions">
        <Button type="submit" variant="primary" block>
          {t('common.actions.save')}
        </Button>
        <a class="button button--ghost button--block" href={`/faelle/${caseId}`}>
          {t('common.actions.cancel')}
        </a>
      </div>
    </form>
  );
}
