// Add or edit a need. The goal is written as the person says it. A status change runs through the
// shared rules: work starts only with a next step, and met/not met stamps the date.
import { useLocation } from 'preact-iso';
import { saveNeed } from '../../../local/save-need';
import {
  allowedNeedTransitions,
  needActors,
  needCategories,
  needPriorities,
  needSources,
  type NeedStatus,
} from '../../../shared/domain/need';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { ChipChoice } from '../../ui/chips';
import { DateField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { usePageTitle } from '../../state/page-title';
import { optionsOf } from '../../ui/select-options';
import { useDraftForm } from '../../ui/use-draft-form';
import { useLiveQuery } from '../../ui/use-live-query';
import { needCategoryLabel, needStatusLabel } from './labels';
import { needDraftToFields, needToDraft } from './need-draft';

export function NeedFormPage({ id: caseId, needId }: { id: string; needId?: string }) {
  const editing = needId !== undefined && needId !== 'neu';
  usePageTitle(
    editing ? t('cases.needs.editTitle') : t('cases.needs.addTitle'),
    `/faelle/${caseId}`,
  );
  const db = useDb();
  const { route } = useLocation();
  const stored = useLiveQuery(
    async () => (editing ? ((await db.needs.get(needId)) ?? null) : null),
    [db, needId],
  );
  const { draft, field, formProps, message } = useDraftForm({
    initial: stored === undefined ? undefined : needToDraft(stored ?? undefined),
    // Status changes run through the shared machine inside saveNeed (src/local), like every write.
    save: (draft) =>
      saveNeed(db, {
        caseId,
        stored: stored ?? undefined,
        fields: needDraftToFields(draft, editing),
        status: stored ? (draft.status as NeedStatus) : undefined,
      }),
    onSaved: () => route(`/faelle/${caseId}`, true),
    // The record-level refusal of an emptied next step (work in progress) belongs at that field.
    errorField: (key, draft) =>
      key === '_record' && draft.status === 'in_progress' && !draft.nextStep.trim()
        ? 'nextStep'
        : key,
  });

  if (!draft) return <p class="hint">{t('cases.list.loading')}</p>;
  const statusOptions = stored ? [stored.status, ...allowedNeedTransitions(stored.status)] : [];

  return (
    <form {...formProps}>
      <FormAlert message={message} />
      <SelectField
        {...field('category')}
        label={t('cases.needs.category')}
        required
        options={optionsOf(needCategories, needCategoryLabel)}
      />
      <TextAreaField
        {...field('goal')}
        label={t('cases.needs.goal')}
        hint={t('cases.needs.goalHint')}
      />
      <TextField {...field('nextStep')} label={t('cases.needs.nextStep')} />
      <ChipChoice
        legend={t('cases.needs.nextStepBy')}
        {...field('nextStepBy')}
        options={optionsOf(needActors, (a) => t(`cases.needActor.${a}`))}
      />
      <ChipChoice
        legend={t('cases.needs.priority')}
        {...field('priority')}
        options={optionsOf(needPriorities, (p) => t(`cases.needPriority.${p}`))}
      />
      {stored && (
        <SelectField
          {...field('status')}
          label={t('cases.needs.status')}
          allowEmpty={false}
          options={optionsOf(statusOptions, needStatusLabel)}
        />
      )}
      <DateField {...field('reviewOn')} label={t('cases.needs.reviewOn')} />
      <ChipChoice
        legend={t('cases.needs.source')}
        {...field('source')}
        options={optionsOf(needSources, (s) => t(`cases.needSource.${s}`))}
      />
      <TextAreaField {...field('description')} label={t('cases.needs.description')} />
      <div class="form-actions">
        <Button type="submit" variant="primary" block>
          {t('common.actions.save')}
        </Button>
        {draft.category && (
          // One tap to note that no offer exists for this need: the gap form with its area set.
          <a
            class="button button--secondary button--block"
            href={`/luecken/neu?bereich=${encodeURIComponent(draft.category)}`}
          >
            {t('cases.gaps.missingOffer')}
          </a>
        )}
        <a class="button button--ghost button--block" href={`/faelle/${caseId}`}>
          {t('common.actions.cancel')}
        </a>
      </div>
    </form>
  );
}
