// Noting or editing a gap: an area and one or two sentences, never a person (the warning stands
// above the text field). Opened from "Heute", from "Meine Lücken", or from a need with its area
// prefilled ("Angebot fehlt": /luecken/neu?bereich=<area>).
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { createRecord, deleteRecord, putRecord } from '../../../local/write-record';
import { toLocalDate } from '../../../shared/domain/common';
import { needCategories } from '../../../shared/domain/need';
import type { Gap } from '../../../shared/domain/gap';
import { t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { DateField, SelectField, TextAreaField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { usePageTitle } from '../../ui/page-title';
import { optionsOf } from '../../ui/select-options';
import { showToast } from '../../ui/toast';
import { useFormFeedback } from '../../ui/use-form-feedback';
import { needCategoryLabel } from '../cases/labels';
import { isOwnGap } from './own-gaps';

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
  const [category, setCategory] = useState(prefilled);
  const [description, setDescription] = useState('');
  const [date, setDate] = useState(() => toLocalDate(new Date()));
  const { errors, setErrors, message, setMessage, form } = useFormFeedback();

  useEffect(() => {
    if (!editing) return;
    void db.gaps.get(gapId).then((gap) => {
      const own = gap && isOwnGap(gap, userId) ? gap : null;
      setStored(own);
      if (own) {
        setCategory(own.category);
        setDescription(own.description);
        setDate(own.date);
      }
    });
  }, [db, gapId, userId]);

  if (stored === undefined) return <p class="hint">{t('cases.list.loading')}</p>;
  if (editing && stored === null) return <p class="hint">{t('common.errors.notFound')}</p>;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    // An empty choice goes to the rules as '' so the refusal names the field in German.
    const fields = { category: category as never, description, date };
    const result = stored
      ? await putRecord(db, 'gaps', stored.id, fields)
      : await createRecord(db, 'gaps', { ...fields, authorId: userId });
    if (!result.ok) {
      setMessage(result.message);
      return setErrors({ ...result.errors });
    }
    showToast(t('cases.gaps.saved'));
    route('/luecken', true);
  };
  const onDelete = async () => {
    if (!stored || !window.confirm(t('cases.gaps.deleteConfirm'))) return;
    const result = await deleteRecord(db, 'gaps', stored.id);
    if (!result.ok) return setMessage(result.message);
    showToast(t('cases.gaps.deleted'));
    route('/luecken', true);
  };

  return (
    <form ref={form} onSubmit={onSubmit} noValidate>
      <FormAlert message={message} />
      <p class="form-warning" role="note">
        {t('cases.gaps.noPerson')}
      </p>
      <SelectField
        name="category"
        label={t('cases.gaps.category')}
        required
        options={optionsOf(needCategories, needCategoryLabel)}
        value={category}
        error={errors.category}
        onValue={setCategory}
      />
      <TextAreaField
        name="description"
        label={t('cases.gaps.description')}
        hint={t('cases.gaps.descriptionHint')}
        required
        value={description}
        error={errors.description}
        onValue={setDescription}
      />
      <DateField
        name="date"
        label={t('cases.gaps.date')}
        required
        value={date}
        error={errors.date}
        onValue={setDate}
      />
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
