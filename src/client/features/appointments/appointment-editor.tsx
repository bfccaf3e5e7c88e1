// The form with its save: validates through the shared rules (write-record), shows refusals
// inline, flags overlaps, and asks for notification permission when a reminder is set (the save
// tap is the user gesture browsers require for that question).
import { createRecord, putRecord } from '../../../local/write-record';
import { t } from '../../../shared/i18n/t';
import { requestNotificationPermission } from '../../sw-bridge';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { useDraftForm } from '../../ui/use-draft-form';
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
  const owner = id ? (ownerId ?? null) : userId;
  const form = useDraftForm({
    initial,
    save: (draft) => {
      const fields = draftToFields(draft);
      if (fields.reminderMinutes !== null) void requestNotificationPermission();
      return id
        ? putRecord(db, 'appointments', id, fields)
        : createRecord(db, 'appointments', { ...fields, ownerId: owner });
    },
    savedMessage: t('appointments.form.saved'),
    onSaved: (result) => onSaved(result.id),
    errorField: formErrorKey,
  });
  const fields = draftToFields(form.draft);

  return (
    <form {...form.formProps}>
      <FormAlert message={form.message} />
      <AppointmentFormFields
        form={form}
        hygieneItems={hygieneItems}
        mode={id ? 'edit' : 'create'}
      />
      <OverlapWarning
        id={id}
        startsAt={fields.startsAt}
        endsAt={fields.endsAt}
        status={fields.status}
        ownerId={owner}
      />
      <div class="form-actions">
        <Button type="submit" variant="primary" block disabled={form.saving}>
          {t('appointments.form.save')}
        </Button>
        <a class="button button--ghost button--block" href={cancelHref}>
          {t('common.actions.cancel')}
        </a>
      </div>
    </form>
  );
}
