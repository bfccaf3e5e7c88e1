// "Neuer Fall": the profile form; saving goes through the shared rules and lands on the new case.
// A birth date brings its age-limit task along (same transaction, see local/save-case.ts).
import { useLocation } from 'preact-iso';
import { saveCase } from '../../../local/save-case';
import { toLocalDate } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { usePageTitle } from '../../state/page-title';
import { useDraftForm } from '../../ui/use-draft-form';
import { CaseFormFields } from './case-form';
import { draftToFields, emptyCaseDraft } from './case-draft';

export function CaseCreatePage() {
  usePageTitle(t('cases.form.createTitle'), '/faelle');
  const db = useDb();
  const userId = useSession((state) => state.user?.id);
  const { route } = useLocation();
  const today = toLocalDate(new Date());
  const form = useDraftForm({
    initial: emptyCaseDraft(),
    save: async (draft) => {
      const result = await saveCase(db, {
        ...draftToFields(draft, 'create'),
        assignedTo: userId ?? null,
        createdOn: today,
      });
      // Only the case's own errors belong under the form's fields (write 0 of the batch).
      return result.ok || result.index === 0 ? result : { ...result, errors: {} };
    },
    onSaved: (result) => route(`/faelle/${result.ids[0]}`, true),
  });

  return (
    <form {...form.formProps}>
      <FormAlert message={form.message} />
      <CaseFormFields form={form} mode="create" today={today} />
      <div class="form-actions">
        <Button type="submit" variant="primary" block disabled={form.saving}>
          {t('common.actions.save')}
        </Button>
        <a class="button button--ghost button--block" href="/faelle">
          {t('common.actions.cancel')}
        </a>
      </div>
    </form>
  );
}
