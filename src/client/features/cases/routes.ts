// Case-work routes. "Heute" ('/') is the first screen and loads with the shell; the case screens
// are split off (lazy) so the first screen's JavaScript stays small.
import { lazy } from 'preact-iso';
import type { FeatureRoute } from '../../ui/feature-route';
import { TodayPage } from '../today/today-page';

const CaseListPage = lazy(() => import('./case-list-page').then((m) => m.CaseListPage));
const CaseCreatePage = lazy(() => import('./case-create-page').then((m) => m.CaseCreatePage));
const CaseDetailPage = lazy(() => import('./case-detail-page').then((m) => m.CaseDetailPage));
const CaseEditPage = lazy(() => import('./case-edit-page').then((m) => m.CaseEditPage));
const ResidenceStatusFormPage = lazy(() =>
  import('./residence-status-form-page').then((m) => m.ResidenceStatusFormPage),
);
const NeedFormPage = lazy(() => import('./need-form-page').then((m) => m.NeedFormPage));
const HandoverPackPage = lazy(() => import('./handover-pack-page').then((m) => m.HandoverPackPage));
const MergePickPage = lazy(() => import('./merge-pick-page').then((m) => m.MergePickPage));
const MergeCasesPage = lazy(() => import('./merge-cases-page').then((m) => m.MergeCasesPage));

// Order matters: fixed segments ("neu") before parameters.
export const caseRoutes: FeatureRoute[] = [
  { path: '/', component: TodayPage },
  { path: '/faelle', component: CaseListPage },
  { path: '/faelle/neu', component: CaseCreatePage },
  { path: '/faelle/:id', component: CaseDetailPage },
  { path: '/faelle/:id/bearbeiten', component: CaseEditPage },
  { path: '/faelle/:id/aufenthalt/neu', component: ResidenceStatusFormPage },
  { path: '/faelle/:id/aufenthalt/:statusId', component: ResidenceStatusFormPage },
  { path: '/faelle/:id/bedarfe/neu', component: NeedFormPage },
  { path: '/faelle/:id/bedarfe/:needId', component: NeedFormPage },
  { path: '/faelle/:id/uebergabe', component: HandoverPackPage },
  { path: '/faelle/:id/zusammenfuehren', component: MergePickPage },
  { path: '/faelle/:id/zusammenfuehren/:otherId', component: MergeCasesPage },
];
