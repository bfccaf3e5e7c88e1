// "/netzwerk/:partnerId": who the partner is, how to reach them, and their offers.
import { t, formatDay } from '../../../shared/i18n/t';
import { compareOffers, isOfferActive, offerAvailability } from '../../../shared/domain/offer';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../state/page-title';
import { Section } from '../../ui/section';
import { ListRow, RowList } from '../../ui/list-row';
import { EmptyState } from '../../ui/empty-state';
import { LinkButton } from '../../ui/button';
import { StatusPill } from '../../ui/status-pill';
import {
  availabilityLabel,
  offerCategoryLabel,
  partnerKindLabel,
  residenceKindLabel,
} from './network-labels';

export function PartnerDetail({ partnerId }: { partnerId: string }) {
  const db = useDb();
  const partner = useLiveQuery(
    async () => (await db.partners.get(partnerId)) ?? null,
    [db, partnerId],
  );
  const offers = useLiveQuery(
    () => db.offers.where('partnerId').equals(partnerId).toArray(),
    [db, partnerId],
  );
  usePageTitle(partner?.name ?? t('network.title'), '/netzwerk');
  if (partner === undefined) return null;
  if (partner === null) return <EmptyState>{t('network.partner.notFound')}</EmptyState>;

  return (
    <div class="network-page">
      <p class="page-intro">{partnerKindLabel(partner.kind)}</p>
      {partner.agreement === 'in_place' && (
        <p>
          <StatusPill tone="success">
            {t('network.partner.agreementSince', { date: formatDay(partner.agreementOn ?? '') })}
          </StatusPill>
        </p>
      )}
      {partner.agreement === 'planned' && (
        <p>
          <StatusPill tone="info">{t('network.partner.agreementPlanned')}</StatusPill>
        </p>
      )}
      <dl class="facts">
        {partner.contactPerson && (
          <>
            <dt>{t('network.partner.contactPerson')}</dt>
            <dd>{partner.contactPerson}</dd>
          </>
        )}
        {partner.address && (
          <>
            <dt>{t('network.partner.address')}</dt>
            <dd class="pre-line">{partner.address}</dd>
          </>
        )}
        {partner.notes && (
          <>
            <dt>{t('network.partner.notes')}</dt>
            <dd class="pre-line">{partner.notes}</dd>
          </>
        )}
      </dl>
      <div class="toolbar">
        {partner.phone && (
          <LinkButton href={`tel:${partner.phone}`}>{t('network.partner.call')}</LinkButton>
        )}
        {partner.email && (
          <LinkButton href={`mailto:${partner.email}`}>{t('network.partner.mail')}</LinkButton>
        )}
        <LinkButton href={`/netzwerk/${partner.id}/bearbeiten`}>
          {t('common.actions.edit')}
        </LinkButton>
      </div>
      <Section
        title={t('network.partner.offers')}
        action={
          <LinkButton href={`/netzwerk/${partner.id}/angebote/neu`} variant="ghost">
            {t('network.partner.addOffer')}
          </LinkButton>
        }
      >
        {offers && offers.length === 0 && <EmptyState>{t('network.partner.noOffers')}</EmptyState>}
        {offers && offers.length > 0 && (
          <RowList label={t('network.partner.offers')}>
            {[...offers].sort(compareOffers).map((offer) => (
              <ListRow
                key={offer.id}
                href={`/netzwerk/${partner.id}/angebote/${offer.id}`}
                title={offer.title}
                meta={[
                  offer.category ? offerCategoryLabel(offer.category) : null,
                  offer.targetStatuses.map(residenceKindLabel).join(', '),
                  offer.language,
                ]
                  .filter(Boolean)
                  .join(' · ')}
                trailing={
                  isOfferActive(offer) ? (
                    <StatusPill tone="info">
                      {availabilityLabel(offerAvailability(offer))}
                    </StatusPill>
                  ) : (
                    <StatusPill tone="muted">{t('network.offer.inactive')}</StatusPill>
                  )
                }
              />
            ))}
          </RowList>
        )}
      </Section>
    </div>
  );
}
