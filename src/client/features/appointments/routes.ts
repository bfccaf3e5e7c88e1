// "Termine": agenda, new, detail, edit, reschedule, and the team's hygiene checklist. Paths carry
// ids and dates only. Fixed paths come before `/termine/:id`.
import type { FeatureRoute } from '../../ui/feature-route';
import { AgendaPage } from './agenda-page';
import { AppointmentCreatePage } from './appointment-create-page';
import { AppointmentDetailPage } from './appointment-detail-page';
import { AppointmentEditPage } from './appointment-edit-page';
import { HygieneSettingsPage } from './hygiene-settings-page';
import { ReschedulePage } from './reschedule-page';

export const appointmentRoutes: FeatureRoute[] = [
  { path: '/termine', component: AgendaPage },
  { path: '/termine/neu', component: AppointmentCreatePage },
  { path: '/termine/hygiene', component: HygieneSettingsPage },
  { path: '/termine/:id', component: AppointmentDetailPage },
  { path: '/termine/:id/bearbeiten', component: AppointmentEditPage },
  { path: '/termine/:id/verschieben', component: ReschedulePage },
];
