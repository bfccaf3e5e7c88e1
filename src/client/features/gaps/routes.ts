// Gaps in the local support system: the THM's own list and the form (lazy, off the first screen).
import { lazy } from 'preact-iso';
import type { FeatureRoute } from '../../ui/feature-route';

const GapListPage = lazy(() => import('./gap-list-page').then((m) => m.GapListPage));
const GapFormPage = lazy(() => import('./gap-form-page').then((m) => m.GapFormPage));

export const gapRoutes: FeatureRoute[] = [
  { path: '/luecken', component: GapListPage },
  { path: '/luecken/neu', component: GapFormPage },
  { path: '/luecken/:gapId', component: GapFormPage },
];
