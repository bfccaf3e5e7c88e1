// GET /api/team: the signed-in THM's team and the names of its case workers (no e-mail, no role
// beyond "works cases"), for naming colleagues on the phone. Same access rule as sync: only THMs.
import type { FastifyInstance } from 'fastify';
import type { TeamResponse } from '../../shared/sync/protocol';
import type { Store } from '../store/store';
import { requireSession } from '../auth/request-session';
import { HttpError, messages } from '../http/api-error';

export function teamRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  app.get('/api/team', async (request, reply): Promise<TeamResponse> => {
    const { user } = await requireSession(store, request, reply, now());
    if (user.role !== 'thm') throw new HttpError(403, 'no_case_access', messages.noCaseAccess);
    const rows = await store.query<{ id: string; name: string; active: boolean }>(
      `SELECT id, name, disabled_at IS NULL AS active FROM users
        WHERE team_id = $1 AND role = 'thm' ORDER BY name, id`,
      [user.team.id],
    );
    return { team: user.team, members: rows };
  });
}
