// POST /api/sync/push and /api/sync/pull. Auth MUST come before anything reads the body's ids:
// a signed-out or coordinator request learns nothing about records ([S2], [S3]).
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store';
import type { SessionUser } from '../auth/sessions';
import { requireSession } from '../auth/request-session';
import { HttpError, messages } from '../http/api-error';
import { pushMutations } from '../sync/push-mutations';
import { POKE_PATH, PULL_CURSOR_HEADER, PULL_HAS_MORE_HEADER } from '../../shared/sync/protocol';
import { pullBody, pullChanges } from '../sync/pull-changes';
import type { PokeHub } from '../sync/poke';

/** Roles that work with case data; coordinators see anonymised reports only, admins manage accounts. */
const CASE_ROLES: ReadonlySet<SessionUser['role']> = new Set(['thm']);

export function syncRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => Date,
  pokes: PokeHub,
): void {
  const caseSession = async (
    request: Parameters<typeof requireSession>[1],
    reply: Parameters<typeof requireSession>[2],
    reuse: boolean,
  ) => {
    const session = await requireSession(store, request, reply, now(), { reuse });
    if (!CASE_ROLES.has(session.user.role))
      throw new HttpError(403, 'no_case_access', messages.noCaseAccess);
    return session;
  };
  const caseWorker = async (
    request: Parameters<typeof requireSession>[1],
    reply: Parameters<typeof requireSession>[2],
  ) => (await caseSession(request, reply, true)).user;

  // [N1] The poke channel: a stream that stays open. Refused like sync ([N5]), with the session
  // read from the database (a channel lives long; no reuse of a check made moments ago).
  app.get(POKE_PATH, async (request, reply) => {
    const session = await caseSession(request, reply, false);
    pokes.open(request, reply, session);
  });

  app.post('/api/sync/push', async (request, reply) => {
    const user = await caseWorker(request, reply);
    return pushMutations(store, user, request.body, now());
  });

  app.post('/api/sync/pull', async (request, reply) => {
    const user = await caseWorker(request, reply);
    const page = await pullChanges(store, user, request.body, now());
    // [E5] ahead of the body: the phone asks for the next page while it reads this one.
    reply.header(PULL_CURSOR_HEADER, String(page.cursor));
    reply.header(PULL_HAS_MORE_HEADER, page.hasMore ? '1' : '0');
    return reply.type('application/json; charset=utf-8').send(pullBody(page));
  });
}
