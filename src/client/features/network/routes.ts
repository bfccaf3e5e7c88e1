// The network's screens. Paths are German and carry only record ids (a referral's consent gate
// passes purpose, partner id and referral id as query, never case content).
import './network.css';
import type { FeatureRoute } from '../../ui/feature-route';
import { PartnerDirectory } from './partner-directory';
import { PartnerForm } from './partner-form';
import { PartnerDetail } from './partner-detail';
import { OfferForm } from './offer-form';
import { InboundReferralForm } from './inbound-referral-form';
import { ReferralForm } from './referral-form';
import { ReferralDetail } from './referral-detail';
import { ReferralSummary } from './referral-summary';
import { ConsentForm } from './consent-form';
import { ConferenceOutcome } from './conference-outcome';

export const networkRoutes: FeatureRoute[] = [
  { path: '/netzwerk', component: PartnerDirectory },
  { path: '/netzwerk/neu', component: PartnerForm },
  { path: '/netzwerk/eingang', component: InboundReferralForm },
  { path: '/netzwerk/:partnerId', component: PartnerDetail },
  { path: '/netzwerk/:partnerId/bearbeiten', component: PartnerForm },
  { path: '/netzwerk/:partnerId/angebote/neu', component: OfferForm },
  { path: '/netzwerk/:partnerId/angebote/:offerId', component: OfferForm },
  { path: '/faelle/:caseId/vermittlungen/neu', component: ReferralForm },
  { path: '/faelle/:caseId/vermittlungen/:referralId', component: ReferralDetail },
  { path: '/faelle/:caseId/vermittlungen/:referralId/zusammenfassung', component: ReferralSummary },
  { path: '/faelle/:caseId/einwilligungen/neu', component: ConsentForm },
  { path: '/faelle/:caseId/fallkonferenz/:appointmentId', component: ConferenceOutcome },
];
