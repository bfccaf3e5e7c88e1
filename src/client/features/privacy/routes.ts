// The person's rights (issue 12): lazy screens, off the first screen's JavaScript.
import { lazy } from 'preact-iso';
import type { FeatureRoute } from '../../ui/feature-route';

const AccessExportPage = lazy(() => import('./access-export-page').then((m) => m.AccessExportPage));
const ErasePage = lazy(() => import('./erase-page').then((m) => m.ErasePage));
const HistoryPage = lazy(() => import('./history-page').then((m) => m.HistoryPage));
const RetentionPage = lazy(() => import('./retention-page').then((m) => m.RetentionPage));
const PersonTextsPage = lazy(() => import('./person-texts-page').then((m) => m.PersonTextsPage));

export const privacyRoutes: FeatureRoute[] = [
  { path: '/faelle/:id/auskunft', component: AccessExportPage },
  { path: '/faelle/:id/loeschen', component: ErasePage },
  { path: '/faelle/:id/verlauf', component: HistoryPage },
  { path: '/faelle/:id/datenschutz', component: PersonTextsPage },
  { path: '/datenschutz', component: PersonTextsPage },
  { path: '/mehr/loeschfristen', component: RetentionPage },
];
