// Whether the team counts only cases with a reporting consent: the team setting "reports need
// consent" (issue 12, src/server/privacy/team-settings.ts; default false).
import type { Queryable } from '../store/store';
import { getTeamSettings } from '../privacy/team-settings';

export async function reportsNeedConsent(db: Queryable, teamId: string): Promise<boolean> {
  return (await getTeamSettings(db, teamId)).reportsNeedConsent;
}
