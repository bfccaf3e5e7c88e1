// Labels of the network's enums (and the residence kinds offers name) from the catalogues.
import { t } from '../../../shared/i18n/t';
import type { PartnerKind, AgreementState } from '../../../shared/domain/partner';
import type { Availability, OfferCategory } from '../../../shared/domain/offer';
import type { ConsentForm, ConsentPurpose, SharedDataKind } from '../../../shared/domain/consent';
import type { ReferralDirection, ReferralStatus } from '../../../shared/domain/referral';
import type { ResidenceKind } from '../../../shared/domain/residence-status';
import type { Need } from '../../../shared/domain/need';
import type { PillTone } from '../../ui/status-pill';

export const partnerKindLabel = (kind: PartnerKind) => t(`network.partnerKind.${kind}`);
export const agreementLabel = (state: AgreementState) => t(`network.agreement.${state}`);
export const offerCategoryLabel = (category: OfferCategory) =>
  t(`network.offerCategory.${category}`);
export const availabilityLabel = (availability: Availability) =>
  t(`network.availability.${availability}`);
export const purposeLabel = (purpose: ConsentPurpose) => t(`network.purpose.${purpose}`);
export const consentFormLabel = (form: ConsentForm) => t(`network.consentForm.${form}`);
export const consentStateLabel = (state: 'valid' | 'withdrawn' | 'expired' | 'not_yet') =>
  t(`network.consentState.${state}`);
export const directionLabel = (direction: ReferralDirection) => t(`network.direction.${direction}`);
export const referralStatusLabel = (status: ReferralStatus) => t(`network.status.${status}`);
export const referralActionLabel = (status: ReferralStatus) => t(`network.statusAction.${status}`);
export const residenceKindLabel = (kind: ResidenceKind) => t(`cases.residenceKind.${kind}`);
export const sharedDataLabel = (kind: SharedDataKind) => t(`network.summary.field.${kind}`);

const statusTones: Record<ReferralStatus, PillTone> = {
  draft: 'muted',
  consent_pending: 'warning',
  sent: 'info',
  accepted: 'success',
  waitlisted: 'info',
  declined: 'danger',
  no_response: 'muted',
  started: 'success',
  completed: 'success',
  dropped_out: 'danger',
  withdrawn: 'muted',
  received: 'info',
  first_contact: 'info',
  taken_on: 'success',
  not_eligible: 'muted',
};

export const referralStatusTone = (status: ReferralStatus): PillTone => statusTones[status];

/** A need as a choice in a list: its area, and its description if any. */
export function needLabel(need: Pick<Need, 'category' | 'description'>): string {
  const category = t(`cases.needCategory.${need.category}`);
  return need.description ? `${category}: ${need.description}` : category;
}
