// "Termine": agenda, new, detail, edit, reschedule, and the team's hygiene checklist. Paths carry
// ids and dates only. The screens are split off (lazy) so the first screen stays small; fixed
// segments come before `/termine/:id`.
import { lazy } from 'preact-iso';
import type { FeatureRoute } from '../../ui/feature-route';

const AgendaPage = lazy(() => import('./agenda-page').then((m) => m.AgendaPage));
const AppointmentCreatePage = lazy(() =>
  import('./appointment-create-page').then((m) => m.AppointmentCreatePage),
);
const AppointmentDetailPage = lazy(() =>
  import('./appointment-detail-page').then((m) => m.AppointmentDetailPage),
);
const AppointmentEditPage = lazy(() =>
  import('./appointment-edit-page').then((m) => m.AppointmentEditPage),
);
const HygieneSettingsPage = lazy(() =>
  import('./hygiene-settings-page').then((m) => m.HygieneSettingsPage),
);
const ReschedulePage = lazy(() => import('./reschedule-page').then((m) => m.ReschedulePage));

export const appointmentRoutes: FeatureRoute[] = [
  { path: '/termine', component: AgendaPage },
  { path: '/termine/neu', component: AppointmentCreatePage },
  { path: '/termine/hygiene', component: HygieneSettingsPage },
  { path: '/termine/:id', component: AppointmentDetailPage },
  { path: '/termine/:id/bearbeiten', component: AppointmentEditPage },
  { path: '/termine/:id/verschieben', component: ReschedulePage },
];
