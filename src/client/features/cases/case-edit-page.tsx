// "Profil bearbeiten": only fields that changed are written (and synced), so an edit on another
// phone to a different field is kept. A changed birth date moves (or makes) the age-limit task in
// the same transaction (local/save-case.ts).
import { useState, useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { saveCase } from '../../../local/save-case';
import { toLocalDate } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { FormAlert } from '../../ui/form-alert';
import { usePageTitle } from '../../ui/page-title';
import { showToast } from '../../ui/toast';
import { useFormFeedback } from '../../ui/use-form-feedback';
import { useLiveQuery } from '../../ui/use-live-query';
import { CaseFormFields } from './case-form';
import { caseToDraft, draftToFields, type CaseDraft } from './case-draft';

export function CaseEditPage({ id }: { id: string }) {
  usePageTitle(t('cases.form.editTitle'), `/faelle/${id}`);
  const db = useDb();
  const record = useLiveQuery(() => db.cases.get(id).then((row) => row ?? null), [db, id]);
  const { route } = useLocation();
  const [draft, setDraft] = useState<CaseDraft | null>(null);
  const { errors, setErrors, message, setMessage, form } = useFormFeedback();

  // Start from the stored record once; later live updates must not overwrite what is being typed.
  useEffect(() => {
    if (record && !draft) setDraft(caseToDraft(record));
  }, [record]);

  if (record === null) return <EmptyState>{t('cases.detail.notFound')}</EmptyState>;
  if (!draft) return <p class="hint">{t('cases.list.loading')}</p>;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const result = await saveCase(db, draftToFields(draft, 'edit'), id);
    if (!result.ok) {
      setMessage(result.message);
      // Only the case's own errors belong under the form's fields (write 0 of the batch).
      setErrors(result.index === 0 ? { ...result.errors } : {});
      return;
    }
    showToast(t('common.form.saved'));
    route(`/faelle/${id}`, true);
  };

  return (
    <form ref={form} onSubmit={onSubmit} noValidate>
      <FormAlert message={message} />
      <CaseFormFields
        draft={draft}
        errors={errors}
        mode="edit"
        today={toLocalDate(new Date())}
        set={(key, value) => setDraft((current) => current && { ...current, [key]: value })}
      />
      <div class="form-actions">
        <Button type="submit" variant="primary" block>
          {t('common.actions.save')}
        </Button>
        <a class="button button--ghost button--block" href={`/faelle/${id}`}>
          {t('common.actions.cancel')}
        </a>
      </div>
    </form>
  );
}
