// Whether the team counts only cases with a reporting consent. The team settings belong to the
// privacy work (issue 12); until they exist every case counts (their default: false).
import type { Queryable } from '../store/store';

export async function reportsNeedConsent(_db: Queryable, _teamId: string): Promise<boolean> {
  return false;
}
