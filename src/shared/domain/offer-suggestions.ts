// Hints, not decisions: offers whose target statuses name the person's current residence status.
// A match says "this offer is meant for people with this status", never "the person is entitled".
import { compareOffers, isOfferActive, type Offer } from './offer';
import { currentResidenceStatus, type ResidenceStatus } from './residence-status';
import { isOpenReferral, type Referral } from './referral';

type OfferLike = Pick<Offer, 'id' | 'title' | 'targetStatuses' | 'active'>;

/**
 * Active offers open to the current status (the latest one), without those the case already has an
 * open referral to. Offers that name no status are never suggested: nothing is known about them.
 */
export function suggestOffers<O extends OfferLike>(
  offers: readonly O[],
  statuses: readonly Pick<ResidenceStatus, 'id' | 'issuedOn' | 'kind'>[],
  referrals: readonly Pick<Referral, 'offerId' | 'status'>[] = [],
): O[] {
  const current = currentResidenceStatus(statuses);
  if (!current) return [];
  const referred = new Set(
    referrals.filter((r) => r.offerId && isOpenReferral(r.status)).map((r) => r.offerId),
  );
  return offers
    .filter(
      (offer) =>
        isOfferActive(offer) &&
        offer.targetStatuses.includes(current.kind) &&
        !referred.has(offer.id),
    )
    .sort(compareOffers);
}
