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
import { refused, useDraftForm } from '../../ui/use-draft-form';
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
  const [showAll, setShowAll] = useState(false);
  const { field, set, reset, message, formProps } = useDraftForm({
    initial: { channel: '', summary: '' },
    save: async ({ channel, summary }) => {
      if (!channel) return refused(null, { channel: t('cases.contacts.chooseChannel') });
      return createRecord(
        db,
        'contacts',
        quickContactFields(caseId, channel as ContactChannel, summary, new Date(), authorId),
      );
    },
    savedMessage: t('cases.contacts.saved'),
    onSaved: () => reset(),
  });

  const shown = showAll ? contacts : contacts?.slice(0, SHOWN);
  return (
    <Section title={t('cases.contacts.title')}>
      <form {...formProps} class="card" aria-label={t('cases.contacts.quickTitle')}>
        <FormAlert message={message} />
        <ChipChoice
          legend={t('cases.contacts.quickTitle')}
          name={`channel-${caseId}`}
          options={optionsOf(contactChannels, contactChannelLabel)}
          value={field('channel').value}
          error={field('channel').error}
          onValue={(value) => set('channel', value)}
        />
        <TextAreaField {...field('summary')} label={t('cases.contacts.note')} rows={2} />
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
