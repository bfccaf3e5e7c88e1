// Noting or editing a gap: an area and one or two sentences, never a person (the warning stands
// above the text field). Opened from "Heute", from "Meine Lücken", or from a need with its area
// prefilled ("Angebot fehlt": /luecken/neu?bereich=<area>).
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { createRecord, deleteRecord, putRecord } from '../../../local/write-record';
import { writeFailureMessage } from '../../../local/write-failure';
import { toLocalDate } from '../../../shared/domain/common';
import { needCategories } from '../../../shared/domain/need';
import type { Gap } from '../../../shared/domain/gap';
import { t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { usePageTitle } from '../../state/page-title';
import { showToast } from '../../state/toast';
import { Button } from '../../ui/button';
import { DateField, SelectField, TextAreaField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { optionsOf } from '../../ui/select-options';
import { useDraftForm } from '../../ui/use-draft-form';
import { needCategoryLabel } from '../cases/labels';
import { isOwnGap } from './own-gaps';

interface GapDraft {
  category: string;
  description: string;
  date: string;
}

export function GapFormPage({ gapId }: { gapId?: string }) {
  const editing = gapId !== undefined && gapId !== 'neu';
  usePageTitle(editing ? t('cases.gaps.editTitle') : t('cases.gaps.title'), '/luecken');
  const db = useDb();
  const userId = useSession((state) => state.user?.id ?? '');
  const { route, query } = useLocation();
  const prefilled = (needCategories as readonly string[]).includes(query.bereich ?? '')
    ? query.bereich!
    : '';
  const [stored, setStored] = useState<Gap | null | undefined>(editing ? undefined : null);

  useEffect(() => {
    if (!editing) return;
    void db.gaps.get(gapId).then((gap) => setStored(gap && isOwnGap(gap, userId) ? gap : null));
  }, [db, gapId, userId]);

  const initial: GapDraft | undefined =
    stored === undefined
      ? undefined
      : stored
        ? { category: stored.category, description: stored.description ?? '', date: stored.date }
        : { category: prefilled, description: '', date: toLocalDate(new Date()) };
  const { field, formProps, message, refuse } = useDraftForm({
    initial,
    // An empty choice goes to the rules as '' so the refusal names the field in German.
    save: (draft: GapDraft) => {
      const fields = {
        ...draft,
        category: draft.category as never,
        description: draft.description.trim() || null,
      };
      return stored
        ? putRecord(db, 'gaps', stored.id, fields)
        : createRecord(db, 'gaps', { ...fields, authorId: userId });
    },
    savedMessage: t('cases.gaps.saved'),
    onSaved: () => route('/luecken', true),
  });

  if (stored === undefined) return <p class="hint">{t('cases.list.loading')}</p>;
  if (editing && stored === null) return <p class="hint">{t('common.errors.notFound')}</p>;

  const onDelete = async () => {
    if (!stored || !window.confirm(t('cases.gaps.deleteConfirm'))) return;
    try {
      const result = await deleteRecord(db, 'gaps', stored.id);
      if (!result.ok) return refuse(result.message);
    } catch (error) {
      return refuse(writeFailureMessage(error));
    }
    showToast(t('cases.gaps.deleted'));
    route('/luecken', true);
  };

  return (
    <form {...formProps}>
      <FormAlert message={message} />
      <p class="form-warning" role="note">
        {t('cases.gaps.noPerson')}
      </p>
      <SelectField
        label={t('cases.gaps.category')}
        required
        options={optionsOf(needCategories, needCategoryLabel)}
        {...field('category')}
      />
      <TextAreaField
        label={t('cases.gaps.description')}
        hint={t('cases.gaps.descriptionHint')}
        {...field('description')}
      />
      <DateField label={t('cases.gaps.date')} required {...field('date')} />
      <div class="form-actions">
        <Button type="submit" variant="primary" block>
          {t('common.actions.save')}
        </Button>
        {stored && (
          <Button variant="danger" block onClick={onDelete}>
            {t('common.actions.delete')}
          </Button>
        )}
        <a class="button button--ghost button--block" href="/luecken">
          {t('common.actions.cancel')}
        </a>
      </div>
    </form>
  );
}
