// After "Hat stattgefunden": the contact-log entry, prefilled from the appointment (channel from
// the mode, duration from the times). One more tap on "Kontakt speichern" documents the visit.
import { useState } from 'preact/hooks';
import { createRecord } from '../../../local/write-record';
import type { FieldErrors } from '../../../local/record-errors';
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
import { showToast } from '../../ui/toast';
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
  const [channel, setChannel] = useState<ContactChannel>(prefilled.channel);
  const [duration, setDuration] = useState(String(prefilled.durationMinutes ?? ''));
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const result = await createRecord(db, 'contacts', {
      ...prefilled,
      channel,
      durationMinutes: duration.trim() === '' ? null : Number(duration),
      summary: summary.trim() || null,
    });
    if (!result.ok) {
      setMessage(result.message);
      setErrors(result.errors);
      return;
    }
    showToast(t('appointments.contact.saved'));
    onDone();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <p class="hint">{t('appointments.contact.explain')}</p>
      <FormAlert message={message} />
      <SelectField
        name="channel"
        label={t('appointments.contact.channel')}
        value={channel}
        allowEmpty={false}
        options={optionsOf(contactChannels, contactChannelLabel)}
        error={errors.channel}
        onValue={(value) => setChannel(value as ContactChannel)}
      />
      <TextField
        name="durationMinutes"
        type="number"
        inputMode="numeric"
        label={t('appointments.contact.duration')}
        value={duration}
        error={errors.durationMinutes}
        onValue={setDuration}
      />
      <TextAreaField
        name="summary"
        label={t('appointments.contact.summary')}
        value={summary}
        error={errors.summary}
        onValue={setSummary}
      />
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
