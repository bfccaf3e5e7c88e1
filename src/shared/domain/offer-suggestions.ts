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

/** Why offers are not suggested, counted per reason (the first reason that applies, in order). */
export interface HiddenOffers {
  inactive: number;
  noTargetGroup: number;
  otherStatus: number;
  referred: number;
}

export function hiddenOffers(
  offers: readonly OfferLike[],
  statuses: readonly Pick<ResidenceStatus, 'id' | 'issuedOn' | 'kind'>[],
  referrals: readonly Pick<Referral, 'offerId' | 'status'>[] = [],
): HiddenOffers {
  const counts: HiddenOffers = { inactive: 0, noTargetGroup: 0, otherStatus: 0, referred: 0 };
  const current = currentResidenceStatus(statuses);
  if (!current) return counts;
  const referred = new Set(
    referrals.filter((r) => r.offerId && isOpenReferral(r.status)).map((r) => r.offerId),
  );
  for (const offer of offers) {
    if (!isOfferActive(offer)) counts.inactive += 1;
    else if (offer.targetStatuses.length === 0) counts.noTargetGroup += 1;
    else if (!offer.targetStatuses.includes(current.kind)) counts.otherStatus += 1;
    else if (referred.has(offer.id)) counts.referred += 1;
  }
  return counts;
}
