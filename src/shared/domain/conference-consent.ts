// Before a case conference: is every participating partner covered by a consent for the
// conference? The app warns per partner; whether to hold the conference is the THM's call.
import {
  consentProblemMessage,
  missingConsentProblem,
  type Consent,
  type ConsentProblem,
} from './consent';
import type { Message } from '../i18n/message';

type ConsentLike = Pick<
  Consent,
  'purpose' | 'partnerId' | 'givenOn' | 'validUntil' | 'withdrawnOn'
>;

export interface ParticipantConsent {
  partnerId: string;
  ok: boolean;
  problem?: ConsentProblem;
  /** The warning for this partner, when not ok. */
  message?: Message;
}

export function conferenceConsentCheck(
  partnerIds: readonly string[],
  consents: readonly ConsentLike[],
  today: string,
): ParticipantConsent[] {
  return [...new Set(partnerIds)].map((partnerId) => {
    const found = missingConsentProblem(consents, { purpose: 'case_conference', partnerId }, today);
    if (!found) return { partnerId, ok: true };
    return {
      partnerId,
      ok: false,
      problem: found.problem,
      message: consentProblemMessage(found, 'case_conference'),
    };
  });
}
