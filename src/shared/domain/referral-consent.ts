// The consent side of a referral: the gate before sending, and the warning on a referral that was
// already shared when its consent is withdrawn or runs out.
import type { AnyRecord } from './table-rules';
import { latestAcceptedDay } from './common';
import {
  consentProblem,
  consentProblemMessage,
  findValidConsent,
  missingConsentProblem,
  type Consent,
} from './consent';
import { message, type Message } from '../i18n/message';

type ConsentLike = Pick<
  Consent,
  'purpose' | 'partnerId' | 'givenOn' | 'validUntil' | 'withdrawnOn'
>;

/** Null when a consent covers sharing with the referral's partner today, else the German reason. */
export function referralConsentGate(
  referral: { partnerId: string },
  consents: readonly (ConsentLike | AnyRecord)[],
  today: string,
): Message | null {
  const list = consents as readonly ConsentLike[];
  const need = { purpose: 'share_with_partner', partnerId: referral.partnerId } as const;
  const found = missingConsentProblem(list, need, today);
  if (!found) return null;
  // The phone dates a consent by its local day; the server may still be on the day before.
  const tomorrow = latestAcceptedDay(today);
  if (list.some((c) => consentProblem(c, today, need) === 'not_yet' && c.givenOn <= tomorrow)) {
    return null;
  }
  return consentProblemMessage(found, need.purpose);
}

/** The consent that covers sending to `partnerId` today (its id goes into `consentId`). */
export function consentForSending<C extends ConsentLike>(
  consents: readonly C[],
  partnerId: string,
  today: string,
): C | undefined {
  return findValidConsent(consents, { purpose: 'share_with_partner', partnerId }, today);
}

/**
 * For an open referral whose data already went to the partner: a warning when no consent
 * covers sharing any more (withdrawn or expired), so no further data follow. Null when all is well.
 */
export function sharedReferralWarning(
  referral: { partnerId: string },
  consents: readonly ConsentLike[],
  today: string,
): Message | null {
  const need = { purpose: 'share_with_partner', partnerId: referral.partnerId } as const;
  const found = missingConsentProblem(consents, need, today);
  if (!found) return null;
  if (found.problem === 'withdrawn') {
    return message('rules.referrals.consentWithdrawn', { date: found.date ?? '' });
  }
  if (found.problem === 'expired') {
    return message('rules.referrals.consentExpired', { date: found.date ?? '' });
  }
  return message('rules.referrals.noConsent');
}
