// Case detail section "Passende Angebote": offers that name the person's current residence status
// as their target group. A hint with its disclaimer, never a decision on eligibility.
import './network.css';
import { t } from '../../../shared/i18n/t';
import { currentResidenceStatus } from '../../../shared/domain/residence-status';
import {
  hiddenOffers,
  suggestOffers,
  type HiddenOffers,
} from '../../../shared/domain/offer-suggestions';
import { offerAvailability } from '../../../shared/domain/offer';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { Section } from '../../ui/section';
import { ListRow, RowList } from '../../ui/list-row';
import { EmptyState } from '../../ui/empty-state';
import { StatusPill } from '../../ui/status-pill';
import { availabilityLabel, residenceKindLabel } from './network-labels';

export function CaseOfferHints({ caseId }: { caseId: string }) {
  const db = useDb();
  const data = useLiveQuery(async () => {
    const [statuses, offers, referrals] = await Promise.all([
      db.statuses.where('caseId').equals(caseId).toArray(),
      db.offers.toArray(),
      db.referrals.where('caseId').equals(caseId).toArray(),
    ]);
    const suggestions = suggestOffers(offers, statuses, referrals);
    const hidden = hiddenOffers(offers, statuses, referrals);
    const partners = await db.partners.bulkGet([...new Set(suggestions.map((o) => o.partnerId))]);
    return {
      current: currentResidenceStatus(statuses),
      suggestions,
      hidden,
      names: new Map(partners.flatMap((p) => (p ? [[p.id, p.name] as const] : []))),
    };
  }, [db, caseId]);
  if (!data) return null;

  return (
    <Section title={t('network.hints.title')}>
      <p class="hint">{t('network.hints.disclaimer')}</p>
      {!data.current && <EmptyState>{t('network.hints.noStatus')}</EmptyState>}
      {data.current && (
        <p class="network-meta">
          {t('network.hints.forStatus', { status: residenceKindLabel(data.current.kind) })}
        </p>
      )}
      {data.current && data.suggestions.length === 0 && (
        <EmptyState>{t('network.hints.none')}</EmptyState>
      )}
      {data.suggestions.length > 0 && (
        <RowList label={t('network.hints.title')}>
          {data.suggestions.map((offer) => (
            <ListRow
              key={offer.id}
              href={`/faelle/${caseId}/vermittlungen/neu?angebot=${offer.id}`}
              title={offer.title}
              meta={`${data.names.get(offer.partnerId) ?? '–'} · ${t('network.offer.refer')}`}
              trailing={
                <StatusPill tone="info">{availabilityLabel(offerAvailability(offer))}</StatusPill>
              }
            />
          ))}
        </RowList>
      )}
      {data.current && <HiddenOffersNote hidden={data.hidden} />}
    </Section>
  );
}

/** "Nicht gezeigt: …": why the other offers of the catalogue are not listed here. */
function HiddenOffersNote({ hidden }: { hidden: HiddenOffers }) {
  const parts = (['referred', 'otherStatus', 'noTargetGroup', 'inactive'] as const)
    .filter((reason) => hidden[reason] > 0)
    .map((reason) => t(`network.hints.hidden.${reason}`, { count: hidden[reason] }));
  if (parts.length === 0) return null;
  return <p class="hint">{t('network.hints.hiddenIntro', { reasons: parts.join(', ') })}</p>;
}
