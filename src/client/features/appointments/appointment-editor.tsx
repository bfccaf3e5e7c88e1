// The form with its save: validates through the shared rules (write-record), shows refusals
// inline, flags overlaps, and asks for notification permission when a reminder is set (the save
// tap is the user gesture browsers require for that question).
import { useState } from 'preact/hooks';
import { createRecord, putRecord } from '../../../local/write-record';
import { t } from '../../../shared/i18n/t';
import { requestNotificationPermission } from '../../sw-bridge';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { showToast } from '../../ui/toast';
import { useFormFeedback } from '../../ui/use-form-feedback';
import { draftToFields, formErrorKey, type AppointmentDraft } from './appointment-draft';
import { AppointmentFormFields } from './appointment-form-fields';
import { OverlapWarning } from './overlap-warning';
import { useHygieneItems } from './use-hygiene-items';

export interface AppointmentEditorProps {
  initial: AppointmentDraft;
  /** The stored appointment being edited; undefined for a new one. */
  id?: string | undefined;
  ownerId?: string | null | undefined;
  cancelHref: string;
  onSaved(id: string): void;
}

export function AppointmentEditor({
  initial,
  id,
  ownerId,
  cancelHref,
  onSaved,
}: AppointmentEditorProps) {
  const db = useDb();
  const userId = useSession((state) => state.user?.id ?? null);
  const hygieneItems = useHygieneItems() ?? [];
  const [draft, setDraft] = useState<AppointmentDraft>(initial);
  const { errors, setErrors, message, setMessage, form } = useFormFeedback();
  const [saving, setSaving] = useState(false);
  const fields = draftToFields(draft);
  const owner = id ? (ownerId ?? null) : userId;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    if (fields.reminderMinutes !== null) void requestNotificationPermission();
    const result = id
      ? await putRecord(db, 'appointments', id, fields)
      : await createRecord(db, 'appointments', { ...fields, ownerId: owner });
    setSaving(false);
    if (!result.ok) {
      setMessage(result.message);
      setErrors(
        Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [formErrorKey(k), v])),
      );
      return;
    }
    showToast(t('appointments.form.saved'));
    onSaved(result.id);
  };

  return (
    <form ref={form} onSubmit={onSubmit} noValidate>
      <FormAlert message={message} />
      <AppointmentFormFields
        draft={draft}
        errors={errors}
        hygieneItems={hygieneItems}
        mode={id ? 'edit' : 'create'}
        set={(key, value) => setDraft((current) => ({ ...current, [key]: value }))}
      />
      <OverlapWarning
        id={id}
        startsAt={fields.startsAt}
        endsAt={fields.endsAt}
        status={fields.status}
        ownerId={owner}
      />
      <div class="form-actions">
        <Button type="submit" variant="primary" block disabled={saving}>
          {t('appointments.form.save')}
        </Button>
        <a class="button button--ghost button--block" href={cancelHref}>
          {t('common.actions.cancel')}
        </a>
      </div>
    </form>
  );
}
