// The "Mehr" tab: settings, conflicts and rejected changes. Paths carry no content.
import type { FeatureRoute } from '../../ui/feature-route';
import { MorePage } from './more-page';
import { ConflictList } from '../sync/conflict-list';
import { RejectionList } from '../sync/rejection-list';

export const settingsRoutes: FeatureRoute[] = [
  { path: '/mehr', component: MorePage },
  { path: '/mehr/konflikte', component: ConflictList },
  { path: '/mehr/abgelehnt', component: RejectionList },
];
