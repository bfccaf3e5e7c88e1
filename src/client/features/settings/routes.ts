// The "Mehr" tab: settings, conflicts and rejected changes. Paths carry no content. Lazy, like the
// other features, so the first screen ("Heute") does not load them.
import { lazy } from 'preact-iso';
import type { FeatureRoute } from '../../ui/feature-route';

const MorePage = lazy(() => import('./more-page').then((m) => m.MorePage));
const ConflictList = lazy(() => import('../sync/conflict-list').then((m) => m.ConflictList));
const RejectionList = lazy(() => import('../sync/rejection-list').then((m) => m.RejectionList));

export const settingsRoutes: FeatureRoute[] = [
  { path: '/mehr', component: MorePage },
  { path: '/mehr/konflikte', component: ConflictList },
  { path: '/mehr/abgelehnt', component: RejectionList },
];
