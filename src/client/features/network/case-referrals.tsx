// Case detail section "Vermittlungen": every referral of the case with its status; an open
// referral whose data went out without a valid consent any more carries the warning right here.
import './network.css';
import { t } from '../../../shared/i18n/t';
import { renderMessage } from '../../../shared/i18n/message';
import { toLocalDate } from '../../../shared/domain/common';
import { isOpenReferral, isSharedReferral } from '../../../shared/domain/referral';
import { sharedReferralWarning } from '../../../shared/domain/referral-consent';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { Section } from '../../ui/section';
import { ListRow, RowList } from '../../ui/list-row';
import { EmptyState } from '../../ui/empty-state';
import { LinkButton } from '../../ui/button';
import { StatusPill } from '../../ui/status-pill';
import { directionLabel, referralStatusLabel, referralStatusTone } from './network-labels';

export function CaseReferrals({ caseId }: { caseId: string }) {
  const db = useDb();
  const data = useLiveQuery(async () => {
    const [referrals, consents] = await Promise.all([
      db.referrals.where('caseId').equals(caseId).toArray(),
      db.consents.where('caseId').equals(caseId).toArray(),
    ]);
    const partners = await db.partners.bulkGet([...new Set(referrals.map((r) => r.partnerId))]);
    const offerIds = [...new Set(referrals.flatMap((r) => (r.offerId ? [r.offerId] : [])))];
    const offers = await db.offers.bulkGet(offerIds);
    const names = new Map(partners.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
    const titles = new Map(offers.flatMap((o) => (o ? [[o.id, o.title] as const] : [])));
    // Open ones first, newest first (UUIDv7 ids sort by creation).
    referrals.sort(
      (a, b) =>
        Number(isOpenReferral(b.status)) - Number(isOpenReferral(a.status)) ||
        b.id.localeCompare(a.id),
    );
    return { referrals, consents, names, titles };
  }, [db, caseId]);
  const today = toLocalDate(new Date());

  return (
    <Section
      title={t('network.referral.sectionTitle')}
      action={
        <LinkButton href={`/faelle/${caseId}/vermittlungen/neu`} variant="ghost">
          {t('network.referral.referOut')}
        </LinkButton>
      }
    >
      {data && data.referrals.length === 0 && <EmptyState>{t('network.referral.none')}</EmptyState>}
      {data && data.referrals.length > 0 && (
        <RowList label={t('network.referral.sectionTitle')}>
          {data.referrals.map((referral) => {
            const warning = isSharedReferral(referral)
              ? sharedReferralWarning(referral, data.consents, today)
              : null;
            const offer = referral.offerId ? data.titles.get(referral.offerId) : undefined;
            return (
              <ListRow
                key={referral.id}
                href={`/faelle/${caseId}/vermittlungen/${referral.id}`}
                title={[data.names.get(referral.partnerId) ?? '–', offer]
                  .filter(Boolean)
                  .join(': ')}
                meta={
                  warning ? (
                    <span class="row__warning">{renderMessage(warning)}</span>
                  ) : (
                    directionLabel(referral.direction)
                  )
                }
                trailing={
                  <StatusPill tone={referralStatusTone(referral.status)}>
                    {referralStatusLabel(referral.status)}
                  </StatusPill>
                }
              />
            );
          })}
        </RowList>
      )}
    </Section>
  );
}
