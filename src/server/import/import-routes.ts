// /api/import/*: the console's spreadsheet import (issue 26). Admins and coordinators; a
// coordinator imports into their own team, an admin names the team (`?team=<id>`). Auth comes
// before anything reads the body. The file is sent as it is (application/octet-stream, its name
// in `?fileName=`): checked first (dry run), run as a job the console polls, undone as a whole.
import '../../shared/i18n/messages-console';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import type { Store } from '../store/store';
import { requireSession } from '../auth/request-session';
import { HttpError } from '../http/api-error';
import { message } from '../../shared/i18n/message';
import { IGNORE, importTargets } from '../../shared/import/columns';
import {
  checkImport,
  discardImport,
  getImport,
  listImports,
  recheckImport,
  finishImport,
  startImport,
  undoImport,
} from './import-job';
import { MAX_IMPORT_BYTES, UnreadableFile } from './read-file';

const mappingBody = v.object({
  sheets: v.pipe(
    v.array(
      v.object({
        name: v.pipe(v.string(), v.maxLength(200)),
        choices: v.pipe(v.array(v.picklist([...importTargets, IGNORE])), v.maxLength(500)),
      }),
    ),
    v.maxLength(50),
  ),
});

export function importRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  /** The caller (admin or coordinator) and the team they import into. */
  const importer = async (request: FastifyRequest, reply: FastifyReply) => {
    const { user } = await requireSession(store, request, reply, now());
    if (user.role !== 'admin' && user.role !== 'coordinator')
      throw new HttpError(403, 'not_importer', message('server.import.notAllowed'));
    const wanted = (request.query as { team?: unknown } | undefined)?.team;
    if (wanted === undefined || wanted === user.team.id) return { user, teamId: user.team.id };
    if (user.role !== 'admin')
      throw new HttpError(403, 'other_team', message('server.reports.otherTeam'));
    const [team] =
      typeof wanted === 'string'
        ? await store.query<{ id: string }>('SELECT id FROM teams WHERE id = $1', [wanted])
        : [];
    if (!team) throw new HttpError(404, 'unknown_team', message('server.reports.unknownTeam'));
    return { user, teamId: team.id };
  };
  const jobId = (request: FastifyRequest) => (request.params as { id: string }).id;

  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.post('/api/import', { bodyLimit: MAX_IMPORT_BYTES }, async (request, reply) => {
      const { user, teamId } = await importer(request, reply);
      if (!Buffer.isBuffer(request.body) || request.body.length === 0)
        throw new HttpError(400, 'no_file', message('server.import.noFile'));
      const fileName = String((request.query as { fileName?: unknown }).fileName ?? 'Import');
      try {
        const job = await checkImport(store, {
          teamId,
          userId: user.id,
          fileName,
          bytes: new Uint8Array(request.body),
          now: now(),
        });
        reply.header('cache-control', 'no-store');
        return reply.code(201).send({ job });
      } catch (error) {
        if (error instanceof UnreadableFile)
          throw new HttpError(
            400,
            'unreadable_file',
            message('server.import.unreadable', { why: error.message }),
          );
        throw error;
      }
    });
  });

  app.get('/api/import', async (request, reply) => {
    const { teamId } = await importer(request, reply);
    return { jobs: await listImports(store, teamId) };
  });

  app.get('/api/import/:id', async (request, reply) => {
    const { teamId } = await importer(request, reply);
    return { job: await getImport(store, teamId, jobId(request)) };
  });

  app.post('/api/import/:id/mapping', async (request, reply) => {
    const { teamId } = await importer(request, reply);
    const parsed = v.safeParse(mappingBody, request.body);
    if (!parsed.success)
      throw new HttpError(400, 'invalid_request', message('server.import.noFile'));
    const sheets = parsed.output.sheets.map((sheet) => ({
      ...sheet,
      headings: [],
      headerRow: null,
    }));
    reply.header('cache-control', 'no-store');
    return { job: await recheckImport(store, teamId, jobId(request), sheets, now()) };
  });

  // Runs in the background; the console polls GET /api/import/:id for the progress.
  app.post('/api/import/:id/run', async (request, reply) => {
    const { teamId } = await importer(request, reply);
    const id = jobId(request);
    const started = await startImport(store, teamId, id);
    finishImport(store, started, now).catch((error: unknown) => {
      // Name only: a database error may quote a cell. The job says 'failed'.
      request.log.error({ err: { name: (error as Error | null)?.name } }, 'import failed');
    });
    return reply.code(202).send({ job: await getImport(store, teamId, id) });
  });

  app.post('/api/import/:id/undo', async (request, reply) => {
    const { teamId } = await importer(request, reply);
    return { job: await undoImport(store, teamId, jobId(request), now()) };
  });

  app.delete('/api/import/:id', async (request, reply) => {
    const { teamId } = await importer(request, reply);
    await discardImport(store, teamId, jobId(request));
    return reply.code(204).send();
  });
}
