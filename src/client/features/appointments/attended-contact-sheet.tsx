// After "Hat stattgefunden": the contact-log entry, prefilled from the appointment (channel from
// the mode, duration from the times). One more tap on "Kontakt speichern" documents the visit.
import { createRecord } from '../../../local/write-record';
import { contactDraftFor } from '../../../shared/domain/appointment-contact';
import type { Appointment } from '../../../shared/domain/appointment';
import { contactChannels, type ContactChannel } from '../../../shared/domain/contact';
import { t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { SelectField, TextAreaField, TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { optionsOf } from '../../ui/select-options';
import { Sheet } from '../../ui/sheet';
import { useDraftForm } from '../../ui/use-draft-form';
import { countOrNull, textOrNull } from '../../ui/form-values';
import { contactChannelLabel } from '../cases/labels';

export interface AttendedContactSheetProps {
  appointment: Appointment;
  open: boolean;
  onClose(): void;
}

export function AttendedContactSheet({ appointment, open, onClose }: AttendedContactSheetProps) {
  const userId = useSession((state) => state.user?.id ?? null);
  const prefilled = contactDraftFor(appointment, userId);
  if (!prefilled) return null;
  return (
    <Sheet open={open} title={t('appointments.contact.title')} onClose={onClose}>
      <ContactForm key={appointment.id} prefilled={prefilled} onDone={onClose} />
    </Sheet>
  );
}

type Prefilled = NonNullable<ReturnType<typeof contactDraftFor>>;

function ContactForm({ prefilled, onDone }: { prefilled: Prefilled; onDone(): void }) {
  const db = useDb();
  const { field, message, formProps } = useDraftForm({
    initial: {
      channel: prefilled.channel as string,
      durationMinutes: String(prefilled.durationMinutes ?? ''),
      summary: '',
    },
    save: ({ channel, durationMinutes, summary }) =>
      createRecord(db, 'contacts', {
        ...prefilled,
        channel: channel as ContactChannel,
        durationMinutes: countOrNull(durationMinutes) as number | null,
        summary: textOrNull(summary),
      }),
    savedMessage: t('appointments.contact.saved'),
    onSaved: () => onDone(),
  });

  return (
    <form {...formProps}>
      <p class="hint">{t('appointments.contact.explain')}</p>
      <FormAlert message={message} />
      <SelectField
        {...field('channel')}
        label={t('appointments.contact.channel')}
        allowEmpty={false}
        options={optionsOf(contactChannels, contactChannelLabel)}
      />
      <TextField
        {...field('durationMinutes')}
        type="number"
        inputMode="numeric"
        label={t('appointments.contact.duration')}
      />
      <TextAreaField {...field('summary')} label={t('appointments.contact.summary')} />
      <div class="form-actions">
        <Button type="submit" variant="primary" block>
          {t('appointments.contact.save')}
        </Button>
        <Button variant="ghost" block onClick={onDone}>
          {t('appointments.contact.skip')}
        </Button>
      </div>
    </form>
  );
}
