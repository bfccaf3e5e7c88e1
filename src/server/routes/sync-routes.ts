// POST /api/sync/push and /api/sync/pull. Auth MUST come before anything reads the body's ids:
// a signed-out or coordinator request learns nothing about records ([S2], [S3]).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store';
import type { SessionUser } from '../auth/sessions';
import { requireSession } from '../auth/request-session';
import { SessionChanged } from '../auth/session-epoch';
import { HttpError, messages } from '../http/api-error';
import { pushMutations } from '../sync/push-mutations';
import { PULL_CURSOR_HEADER, PULL_HAS_MORE_HEADER } from '../../shared/sync/protocol';
import { POKE_PATH } from '../../shared/sync/poke-protocol';
import { pullBody, readPullPage } from '../sync/pull-page';
import type { PokeHub } from '../sync/poke';
import { restoreRecords } from '../sync/restore-records';
import { readDataEpoch, type DataEpoch } from '../ops/data-epoch';
import type { SyncMetrics } from '../ops/observability';

/** Roles that work with case data; coordinators see anonymised reports only, admins manage accounts. */
const CASE_ROLES: ReadonlySet<SessionUser['role']> = new Set(['thm']);
/** A session that changes again between every check and statement is refused after this many. */
const MAX_CHECKS = 3;

export function syncRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => Date,
  pokes: PokeHub,
  metrics?: SyncMetrics,
): void {
  const caseSession = async (request: FastifyRequest, reply: FastifyReply, reuse: boolean) => {
    const session = await requireSession(store, request, reply, now(), { reuse });
    if (!CASE_ROLES.has(session.user.role))
      throw new HttpError(403, 'no_case_access', messages.noCaseAccess);
    return session;
  };
  /**
   * Runs `work` as the request's case worker. The session may be one checked moments ago
   * (recent-sessions.ts); `work`'s first statement reads the session epoch and throws
   * SessionChanged when anything changed since that check (auth/session-epoch.ts): then the
   * session is checked again, which refuses it when the change ended it, and `work` runs again.
   */
  const asCaseWorker = async <T>(
    request: FastifyRequest,
    reply: FastifyReply,
    work: (user: SessionUser, epoch: number) => Promise<T>,
  ): Promise<T> => {
    for (let check = 1; ; check++) {
      const { user, epoch } = await caseSession(request, reply, check === 1);
      try {
        return await work(user, epoch);
      } catch (error) {
        if (!(error instanceof SessionChanged) || check === MAX_CHECKS) throw error;
      }
    }
  };

  // [N1] The poke channel: a stream that stays open. Refused like sync ([N5]), with the session
  // read from the database (a channel lives long; no reuse of a check made moments ago).
  app.get(POKE_PATH, async (request, reply) => {
    const session = await caseSession(request, reply, false);
    pokes.open(request, reply, session);
  });

  // [B1] read once: only `admin restore` renews it, into a database no server runs on.
  let dataEpoch: Promise<DataEpoch> | undefined;
  const currentEpoch = () => (dataEpoch ??= readDataEpoch(store));

  app.post('/api/sync/push', async (request, reply) => {
    const { epoch } = await currentEpoch();
    try {
      const answer = await asCaseWorker(request, reply, (user, sessionEpoch) =>
        pushMutations(store, user, request.body, now(), sessionEpoch),
      );
      metrics?.pushed(answer.results);
      return { ...answer, epoch };
    } catch (error) {
      // [B1] a gap after a restore: the epoch tells the phone why, and what to do ([B2]).
      if (error instanceof HttpError && error.code === 'mutation_gap')
        throw new HttpError(409, error.code, messages.gap, { ...error.extra, epoch });
      throw error;
    }
  });

  app.post('/api/sync/pull', async (request, reply) => {
    const { epoch } = await currentEpoch();
    const page = await asCaseWorker(request, reply, (user, sessionEpoch) =>
      readPullPage(store, user, request.body, now(), sessionEpoch),
    );
    metrics?.pulled(page.changesJson.length);
    // [E5] ahead of the body: the phone asks for the next page while it reads this one.
    reply.header(PULL_CURSOR_HEADER, String(page.cursor));
    reply.header(PULL_HAS_MORE_HEADER, page.hasMore ? '1' : '0');
    return reply.type('application/json; charset=utf-8').send(pullBody(page, epoch));
  });

  // [B2] after a restore: the records a phone holds, sent again in batches.
  app.post('/api/sync/restore', async (request, reply) => {
    const epoch = await currentEpoch();
    return asCaseWorker(request, reply, (user, sessionEpoch) =>
      restoreRecords(store, user, request.body, now(), epoch, sessionEpoch),
    );
  });
}
