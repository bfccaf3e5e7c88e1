// "Neuer Fall": the profile form; saving goes through the shared rules and lands on the new case.
// A birth date brings its age-limit task along (same transaction, see local/save-case.ts).
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { saveCase } from '../../../local/save-case';
import { toLocalDate } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { usePageTitle } from '../../ui/page-title';
import { showToast } from '../../ui/toast';
import { useFormFeedback } from '../../ui/use-form-feedback';
import { CaseFormFields } from './case-form';
import { draftToFields, emptyCaseDraft, type CaseDraft } from './case-draft';

export function CaseCreatePage() {
  usePageTitle(t('cases.form.createTitle'), '/faelle');
  const db = useDb();
  const userId = useSession((state) => state.user?.id);
  const { route } = useLocation();
  const [draft, setDraft] = useState<CaseDraft>(emptyCaseDraft);
  const { errors, setErrors, message, setMessage, form } = useFormFeedback();
  const [saving, setSaving] = useState(false);
  const today = toLocalDate(new Date());

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    const result = await saveCase(db, {
      ...draftToFields(draft, 'create'),
      assignedTo: userId ?? null,
      createdOn: today,
    });
    setSaving(false);
    if (!result.ok) {
      setMessage(result.message);
      // Only the case's own errors belong under the form's fields (write 0 of the batch).
      setErrors(result.index === 0 ? { ...result.errors } : {});
      return;
    }
    showToast(t('common.form.saved'));
    route(`/faelle/${result.ids[0]}`, true);
  };

  return (
    <form ref={form} onSubmit={onSubmit} noValidate>
      <FormAlert message={message} />
      <CaseFormFields
        draft={draft}
        errors={errors}
        mode="create"
        today={today}
        set={(key, value) => setDraft((current) => ({ ...current, [key]: value }))}
      />
      <div class="form-actions">
        <Button type="submit" variant="primary" block disabled={saving}>
          {t('common.actions.save')}
        </Button>
        <a class="button button--ghost button--block" href="/faelle">
          {t('common.actions.cancel')}
        </a>
      </div>
    </form>
  );
}
