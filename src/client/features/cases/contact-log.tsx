// The contact log with its quick entry: tap a channel, tap save (the note is optional), so a
// contact is logged in two taps. The log is append-only (shared rule).
import { useState } from 'preact/hooks';
import { createRecord } from '../../../local/write-record';
import {
  compareContactsNewestFirst,
  contactChannels,
  quickContactFields,
  type ContactChannel,
} from '../../../shared/domain/contact';
import { formatDateTime, t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { ChipChoice } from '../../ui/chips';
import { TextAreaField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { ListRow, RowList } from '../../ui/list-row';
import { Section } from '../../ui/section';
import { optionsOf } from '../../ui/select-options';
import { showToast } from '../../ui/toast';
import { useFormFeedback } from '../../ui/use-form-feedback';
import { useLiveQuery } from '../../ui/use-live-query';
import { contactChannelLabel } from './labels';

const SHOWN = 5;

export function ContactLog({ caseId }: { caseId: string }) {
  const db = useDb();
  const authorId = useSession((state) => state.user?.id);
  const contacts = useLiveQuery(
    async () =>
      (await db.contacts.where('caseId').equals(caseId).toArray()).sort(compareContactsNewestFirst),
    [db, caseId],
  );
  const [channel, setChannel] = useState<ContactChannel | ''>('');
  const [note, setNote] = useState('');
  const { errors, setErrors, message, setMessage, form } = useFormFeedback();
  const [showAll, setShowAll] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!channel) return setErrors({ channel: t('cases.contacts.chooseChannel') });
    const result = await createRecord(
      db,
      'contacts',
      quickContactFields(caseId, channel, note, new Date(), authorId),
    );
    if (!result.ok) {
      setMessage(result.message);
      return setErrors({ ...result.errors });
    }
    setChannel('');
    setNote('');
    setErrors({});
    setMessage(null);
    showToast(t('cases.contacts.saved'));
  };

  const shown = showAll ? contacts : contacts?.slice(0, SHOWN);
  return (
    <Section title={t('cases.contacts.title')}>
      <form
        ref={form}
        class="card"
        onSubmit={onSubmit}
        noValidate
        aria-label={t('cases.contacts.quickTitle')}
      >
        <FormAlert message={message} />
        <ChipChoice
          legend={t('cases.contacts.quickTitle')}
          name={`channel-${caseId}`}
          options={optionsOf(contactChannels, contactChannelLabel)}
          value={channel}
          error={errors.channel}
          onValue={(value) => {
            setChannel(value as ContactChannel);
            setErrors({});
          }}
        />
        <TextAreaField
          name="summary"
          label={t('cases.contacts.note')}
          rows={2}
          value={note}
          error={errors.summary}
          onValue={setNote}
        />
        <Button type="submit" variant="primary" block>
          {t('cases.contacts.save')}
        </Button>
      </form>
      {contacts?.length === 0 && <p class="hint">{t('cases.contacts.empty')}</p>}
      {shown && shown.length > 0 && (
        <RowList label={t('cases.contacts.title')}>
          {shown.map((contact) => (
            <ListRow
              key={contact.id}
              title={`${contactChannelLabel(contact.channel)} · ${formatDateTime(contact.at)}`}
              meta={contact.summary ?? undefined}
            />
          ))}
        </RowList>
      )}
      {!showAll && contacts && contacts.length > SHOWN && (
        <Button block variant="ghost" onClick={() => setShowAll(true)}>
          {t('cases.contacts.showAll', { count: contacts.length })}
        </Button>
      )}
    </Section>
  );
}
