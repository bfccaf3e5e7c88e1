// Reaching the young person: a call, and a messenger message only when the case has a valid
// messenger consent today. The message text never carries case content (messenger-link.ts).
import type { Appointment } from '../../../shared/domain/appointment';
import { isActiveAppointment } from '../../../shared/domain/appointment';
import { toLocalDate } from '../../../shared/domain/common';
import { findValidConsent } from '../../../shared/domain/consent';
import { messengerLink, messengerText, telLink } from '../../../shared/domain/messenger-link';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { LinkButton } from '../../ui/button';
import { useLiveQuery } from '../../ui/use-live-query';

const messengerNames = {
  whatsapp: 'WhatsApp',
  signal: 'Signal',
  telegram: 'Telegram',
  threema: 'Threema',
  other: 'Messenger',
} as const;

export interface ReachLinksProps {
  caseId: string;
  /** When given (and still planned), the message names its time; otherwise "Bitte melden Sie sich". */
  appointment?: Pick<Appointment, 'startsAt' | 'status'> | undefined;
}

export function ReachLinks({ caseId, appointment }: ReachLinksProps) {
  const db = useDb();
  const data = useLiveQuery(async () => {
    const [person, consents] = await Promise.all([
      db.cases.get(caseId),
      db.consents.where('caseId').equals(caseId).toArray(),
    ]);
    return {
      person,
      consent: findValidConsent(consents, { purpose: 'messenger' }, toLocalDate(new Date())),
    };
  }, [db, caseId]);
  if (!data?.person) return null;
  const phone = data.person.phone ?? '';
  const tel = phone ? telLink(phone) : null;
  if (!tel) return <p class="hint">{t('appointments.reach.noPhone')}</p>;

  const planned = appointment && isActiveAppointment(appointment.status) ? appointment : undefined;
  const link = data.consent
    ? messengerLink(data.person.messenger, phone, messengerText(planned))
    : null;
  const name = messengerNames[data.person.messenger ?? 'other'];
  return (
    <div class="form-actions" aria-label={t('appointments.reach.title')} role="group">
      <LinkButton href={tel} block>
        {t('appointments.reach.call')}
      </LinkButton>
      {link && (
        <a
          href={link.href}
          target="_blank"
          rel="noopener noreferrer"
          class="button button--secondary button--block"
        >
          {t(
            link.carriesText
              ? 'appointments.reach.messenger'
              : 'appointments.reach.messengerNoText',
            { messenger: name },
          )}
        </a>
      )}
    </div>
  );
}
