// The network's screens. Paths are German and carry only record ids (the consent gate passes
// purpose, partner id and referral id as query, never case content). The screens are split off
// (lazy) so the first screen stays small; fixed segments come before `:partnerId`.
import './network.css';
import { lazy } from 'preact-iso';
import type { FeatureRoute } from '../../ui/feature-route';

const PartnerDirectory = lazy(() => import('./partner-directory').then((m) => m.PartnerDirectory));
const PartnerForm = lazy(() => import('./partner-form').then((m) => m.PartnerForm));
const PartnerDetail = lazy(() => import('./partner-detail').then((m) => m.PartnerDetail));
const OfferForm = lazy(() => import('./offer-form').then((m) => m.OfferForm));
const InboundReferralForm = lazy(() =>
  import('./inbound-referral-form').then((m) => m.InboundReferralForm),
);
const ReferralForm = lazy(() => import('./referral-form').then((m) => m.ReferralForm));
const ReferralDetail = lazy(() => import('./referral-detail').then((m) => m.ReferralDetail));
const ReferralSummary = lazy(() => import('./referral-summary').then((m) => m.ReferralSummary));
const ConsentForm = lazy(() => import('./consent-form').then((m) => m.ConsentForm));
const ConferenceOutcome = lazy(() =>
  import('./conference-outcome').then((m) => m.ConferenceOutcome),
);

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
  {
    path: '/faelle/:caseId/vermittlungen/:referralId/zusammenfassung',
    component: ReferralSummary,
  },
  { path: '/faelle/:caseId/einwilligungen/neu', component: ConsentForm },
  { path: '/faelle/:caseId/fallkonferenz/:appointmentId', component: ConferenceOutcome },
];
