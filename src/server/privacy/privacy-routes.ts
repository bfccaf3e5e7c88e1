// The person's rights over HTTP (issue 12):
//   GET  /api/cases/<caseId>/export     Art. 15 access export (JSON)
//   POST /api/cases/<caseId>/erase      Art. 17 erasure {reason} -> {erased}
//   GET  /api/cases/<caseId>/history    the change history ("Verlauf")
//   POST /api/cases/<caseId>/retention  keep a closed case longer {until, reason} -> {retainUntil}
// Auth MUST come before the id is looked at; a case of another team, or any caller who is not a
// THM of the case's team, gets the same 404 as an unknown id ([S3]).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { UUID_PATTERN, toLocalDate } from '../../shared/domain/common';
import type { Queryable, Store } from '../store/store';
import { requireSession } from '../auth/request-session';
import { HttpError } from '../http/api-error';
import type { SessionUser } from '../auth/sessions';
import { exportCase } from './case-export';
import { caseHistory } from './case-history';
import { eraseCase } from './erase-case';
import { journalErasures } from '../ops/erasure-journal';
import { CASE_NOT_FOUND, extendRetention } from './retention';
import { issueMessage, key, message } from '../../shared/i18n/message';
import type { FileService } from '../files/file-service';

const eraseSchema = v.object({
  reason: v.pipe(
    v.string(key('server.privacy.erasureReasonMissing')),
    v.trim(),
    v.minLength(1, key('server.privacy.erasureReasonMissing')),
    v.maxLength(500, key('server.privacy.reasonTooLong')),
  ),
});

export function privacyRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => Date,
  files?: FileService,
): void {
  /** The signed-in THM and the case id, or a 401/404/400 HttpError. */
  const access = async (request: FastifyRequest, reply: FastifyReply) => {
    const { user } = await requireSession(store, request, reply, now());
    if (user.role !== 'thm') throw new HttpError(404, 'not_found', CASE_NOT_FOUND);
    const { caseId } = request.params as { caseId: string };
    if (!UUID_PATTERN.test(caseId))
      throw new HttpError(400, 'invalid_id', message('server.privacy.invalidCaseId'));
    return { user, caseId: caseId.toLowerCase() };
  };

  app.get('/api/cases/:caseId/export', async (request, reply) => {
    const { user, caseId } = await access(request, reply);
    const result = await exportCase(store, {
      teamId: user.team.id,
      teamName: user.team.name,
      caseId,
      userName: user.name,
      now: now(),
    });
    if (!result) throw new HttpError(404, 'not_found', CASE_NOT_FOUND);
    reply.header('cache-control', 'no-store');
    return result;
  });

  app.get('/api/cases/:caseId/history', async (request, reply) => {
    const { user, caseId } = await access(request, reply);
    await requireAliveCase(store, user, caseId);
    reply.header('cache-control', 'no-store');
    return { caseId, entries: await caseHistory(store, user.team.id, caseId) };
  });

  /** The case a merged case went into, followed to its end ([G4]); the case itself otherwise. */
  async function keptCaseOf(db: Queryable, teamId: string, caseId: string): Promise<string> {
    let current = caseId;
    for (let hops = 0; hops < 64; hops++) {
      const [row] = await db.query<{ into: string | null }>(
        `SELECT fields ->> 'mergedInto' AS into FROM records
          WHERE team_id = $1 AND tbl = 'cases' AND id = $2 AND deleted AND NOT purged`,
        [teamId, current],
      );
      if (!row?.into) return current;
      current = row.into;
    }
    return current;
  }

  app.post('/api/cases/:caseId/erase', async (request, reply) => {
    const { user, caseId } = await access(request, reply);
    const parsed = v.safeParse(eraseSchema, request.body ?? {});
    if (!parsed.success)
      throw new HttpError(400, 'invalid_request', issueMessage(parsed.issues[0]));
    const at = now();
    const erased = await store.transaction(async (db) => {
      // Any row, tombstone or not: erasing twice finds the purged case and erases 0 records.
      const [row] = await db.query(
        'SELECT 1 FROM records WHERE team_id = $1 AND tbl = $2 AND id = $3',
        [user.team.id, 'cases', caseId],
      );
      if (!row) throw new HttpError(404, 'not_found', CASE_NOT_FOUND);
      return eraseCase(db, {
        teamId: user.team.id,
        // [G7] a case merged into another is that person's case now: the erasure follows it.
        caseId: await keptCaseOf(db, user.team.id, caseId),
        userId: user.id,
        source: 'request',
        reason: parsed.output.reason,
        now: at,
      });
    });
    // [B4] outside the database too, so a restore of an older backup erases the person again.
    journalErasures([{ teamId: user.team.id, caseId, source: 'request', at: at.toISOString() }]);
    // [D6] the documents' bytes leave the store now (their files are 404 since the commit).
    files?.sweepSoon();
    return { erased };
  });

  app.post('/api/cases/:caseId/retention', async (request, reply) => {
    const { user, caseId } = await access(request, reply);
    const at = now();
    return extendRetention(store, {
      teamId: user.team.id,
      caseId,
      userId: user.id,
      body: request.body,
      now: at,
      today: toLocalDate(at),
    });
  });
}

async function requireAliveCase(store: Store, user: SessionUser, caseId: string): Promise<void> {
  const [row] = await store.query(
    "SELECT 1 FROM records WHERE team_id = $1 AND tbl = 'cases' AND id = $2 AND NOT deleted",
    [user.team.id, caseId],
  );
  if (!row) throw new HttpError(404, 'not_found', CASE_NOT_FOUND);
}
