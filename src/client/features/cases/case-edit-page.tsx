// "Profil bearbeiten": only fields that changed are written (and synced), so an edit on another
// phone to a different field is kept. A changed birth date moves (or makes) the age-limit task in
// the same transaction (local/save-case.ts).
import { useLocation } from 'preact-iso';
import { saveCase } from '../../../local/save-case';
import { toLocalDate } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { FormAlert } from '../../ui/form-alert';
import { usePageTitle } from '../../state/page-title';
import { useDraftForm } from '../../ui/use-draft-form';
import { useLiveQuery } from '../../ui/use-live-query';
import { CaseFormFields } from './case-form';
import { caseToDraft, draftToFields } from './case-draft';

export function CaseEditPage({ id }: { id: string }) {
  usePageTitle(t('cases.form.editTitle'), `/faelle/${id}`);
  const db = useDb();
  const record = useLiveQuery(() => db.cases.get(id).then((row) => row ?? null), [db, id]);
  const { route } = useLocation();
  // The form follows the stored record until the first edit; later live updates must not
  // overwrite what is being typed.
  const form = useDraftForm({
    initial: record ? caseToDraft(record) : undefined,
    save: async (draft) => {
      const result = await saveCase(db, draftToFields(draft, 'edit'), id);
      // Only the case's own errors belong under the form's fields (write 0 of the batch).
      return result.ok || result.index === 0 ? result : { ...result, errors: {} };
    },
    onSaved: () => route(`/faelle/${id}`, true),
  });

  if (record === null) return <EmptyState>{t('cases.detail.notFound')}</EmptyState>;
  const { draft } = form;
  if (!draft) return <p class="hint">{t('cases.list.loading')}</p>;

  return (
    <form {...form.formProps}>
      <FormAlert message={form.message} />
      <CaseFormFields form={{ ...form, draft }} mode="edit" today={toLocalDate(new Date())} />
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
