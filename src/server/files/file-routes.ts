// Documents' files over HTTP ([D2]-[D5], issue 25):
//   POST/HEAD/PATCH /api/files[/<id>]  tus 1.0.0 (creation, HEAD for the offset, PATCH to resume)
//   GET /api/files/<id>                the whole (encrypted) file, streamed
// Every request needs a THM's session; a file is known only to its team: any other team, an
// unknown id, a removed file all get the same 404 ([S3]). The file id comes from the phone (in
// Upload-Metadata, so a document can be saved offline with it) and must be 128 bits of hex.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Server, EVENTS } from '@tus/server';
import { FILE_ID_PATTERN, MAX_DOCUMENT_FILE_BYTES } from '../../shared/domain/document';
import { UUID_PATTERN } from '../../shared/domain/common';
import { message } from '../../shared/i18n/message';
import type { Store } from '../store/store';
import { requireSession } from '../auth/request-session';
import { HttpError } from '../http/api-error';
import type { FileService } from './file-service';

export const FILES_PATH = '/api/files';
/** The first bytes of every document file ("FDOC", format 1), see local/documents/file-cipher.ts. */
export const FILE_MAGIC = Buffer.from([0x46, 0x44, 0x4f, 0x43, 0x01, 0x00, 0x00, 0x00]);
const TUS_VERSION = '1.0.0';

const notFound = () => new HttpError(404, 'not_found', message('server.files.notFound'));

interface FileRow {
  id: string;
  team_id: string;
  case_id: string;
  document_id: string;
  size: number | string;
  completed_at: string | null;
  removed_at: string | null;
}

/** tus Upload-Metadata: comma-separated `key base64value` pairs. */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (header ?? '').split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (!key) continue;
    out[key] = value ? Buffer.from(value, 'base64').toString('utf8') : '';
  }
  return out;
}

export function fileRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => Date,
  files: FileService,
): void {
  const tus = new Server({
    path: FILES_PATH,
    datastore: files.storage.uploads,
    relativeLocation: true,
    maxSize: MAX_DOCUMENT_FILE_BYTES,
    // Checked before tus sees the request (POST below).
    namingFunction: (_req, metadata) => String(metadata?.fileId),
    async onUploadFinish(_req, upload) {
      const head = await files.storage.head(upload.id, FILE_MAGIC.length);
      if (!FILE_MAGIC.equals(Buffer.from(head))) {
        // Not a document of the app (the server cannot read the pages, but it can read this).
        await store.query('UPDATE files SET removed_at = $2 WHERE id = $1', [
          upload.id,
          now().toISOString(),
        ]);
        files.sweepSoon();
        throw {
          status_code: 415,
          body: JSON.stringify({
            error: 'not_document',
            code: 'server.files.notDocument',
            message: 'Die Datei ist kein verschlüsseltes Dokument der App und wurde verworfen.',
          }),
        };
      }
      await files.storage.finish(upload.id, upload.size ?? 0);
      await store.query('UPDATE files SET completed_at = $2 WHERE id = $1', [
        upload.id,
        now().toISOString(),
      ]);
      return {};
    },
  });
  // tus logs nothing by itself; its events carry no case data either way.
  void EVENTS;

  /** The signed-in THM (coordinators and admins hold no case data: 404 as for anything unknown). */
  const caseWorker = async (request: FastifyRequest, reply: FastifyReply) => {
    const { user } = await requireSession(store, request, reply, now(), { reuse: true });
    if (user.role !== 'thm') throw notFound();
    return user;
  };

  const fileOfTeam = async (teamId: string, id: string): Promise<FileRow> => {
    if (!FILE_ID_PATTERN.test(id)) throw notFound();
    const [row] = await store.query<FileRow>(
      'SELECT id, team_id, case_id, document_id, size, completed_at, removed_at FROM files WHERE id = $1',
      [id],
    );
    if (!row || row.team_id !== teamId || row.removed_at) throw notFound();
    return row;
  };

  /** Hands the request to tus: the raw request and response, Fastify steps aside. */
  const passToTus = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };

  const tusHeaders = (reply: FastifyReply, row: FileRow) =>
    reply
      .header('Tus-Resumable', TUS_VERSION)
      .header('Upload-Offset', String(row.size))
      .header('Upload-Length', String(row.size))
      .header('Cache-Control', 'no-store');

  app.register(async (scope) => {
    // The body of a PATCH is the file itself: tus reads the raw stream, Fastify must not.
    scope.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) =>
      done(null),
    );

    scope.post(FILES_PATH, async (request, reply) => {
      const user = await caseWorker(request, reply);
      const metadata = parseUploadMetadata(request.headers['upload-metadata'] as string);
      const fileId = metadata.fileId ?? '';
      const caseId = (metadata.caseId ?? '').toLowerCase();
      const documentId = (metadata.documentId ?? '').toLowerCase();
      if (!FILE_ID_PATTERN.test(fileId))
        throw new HttpError(400, 'invalid_id', message('server.files.invalidId'));
      if (!UUID_PATTERN.test(caseId) || !UUID_PATTERN.test(documentId))
        throw new HttpError(400, 'invalid_case', message('server.files.invalidCase'));
      const size = Number(request.headers['upload-length']);
      if (!Number.isInteger(size) || size < 1)
        throw new HttpError(400, 'length_missing', message('server.files.lengthMissing'));
      if (size > MAX_DOCUMENT_FILE_BYTES)
        throw new HttpError(
          413,
          'too_large',
          message('server.files.tooLarge', { max: MAX_DOCUMENT_FILE_BYTES / (1024 * 1024) }),
        );
      const [erased] = await store.query(
        "SELECT 1 FROM records WHERE team_id = $1 AND tbl = 'cases' AND id = $2 AND purged",
        [user.team.id, caseId],
      );
      if (erased) throw new HttpError(410, 'case_erased', message('server.files.caseErased'));
      await store.query(
        `INSERT INTO files (id, team_id, case_id, document_id, size, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
        [fileId, user.team.id, caseId, documentId, size, now().toISOString()],
      );
      const [row] = await store.query<FileRow>(
        'SELECT id, team_id, case_id, document_id, size, completed_at, removed_at FROM files WHERE id = $1',
        [fileId],
      );
      if (!row || row.team_id !== user.team.id || row.removed_at)
        throw new HttpError(409, 'file_exists', message('server.files.otherTeam'));
      if (Number(row.size) !== size || row.case_id !== caseId || row.document_id !== documentId)
        throw new HttpError(409, 'file_exists', message('server.files.otherTeam'));
      if (row.completed_at) {
        // The phone lost the answer to its first creation: the file is here already.
        return reply
          .code(201)
          .header('Location', `${FILES_PATH}/${fileId}`)
          .header('Tus-Resumable', TUS_VERSION)
          .send();
      }
      // Created before but the phone lost the URL: start that upload afresh.
      await files.storage.uploads.remove(fileId).catch(() => undefined);
      return passToTus(request, reply);
    });

    scope.head(`${FILES_PATH}/:id`, async (request, reply) => {
      const user = await caseWorker(request, reply);
      const row = await fileOfTeam(user.team.id, (request.params as { id: string }).id);
      if (row.completed_at) return tusHeaders(reply, row).code(200).send();
      return passToTus(request, reply);
    });

    scope.patch(`${FILES_PATH}/:id`, async (request, reply) => {
      const user = await caseWorker(request, reply);
      const row = await fileOfTeam(user.team.id, (request.params as { id: string }).id);
      if (row.completed_at) {
        // Complete already (a repeated last PATCH whose answer was lost): say so, keep nothing.
        request.raw.resume();
        return tusHeaders(reply, row).code(204).send();
      }
      return passToTus(request, reply);
    });

    scope.options(FILES_PATH, passToTus);

    scope.delete(`${FILES_PATH}/:id`, async (request, reply) => {
      await caseWorker(request, reply);
      // A file goes with its document (a deleted record, an erasure), never on its own.
      throw new HttpError(405, 'not_allowed', message('server.files.notAllowed'));
    });

    scope.get(`${FILES_PATH}/:id`, { compress: false }, async (request, reply) => {
      const user = await caseWorker(request, reply);
      const row = await fileOfTeam(user.team.id, (request.params as { id: string }).id);
      // [D5] only while a live document of the team names the file.
      const [named] = await store.query(
        `SELECT 1 FROM records WHERE team_id = $1 AND tbl = 'documents' AND id = $2
            AND NOT deleted AND fields ->> 'fileId' = $3`,
        [user.team.id, row.document_id, row.id],
      );
      if (!named) throw notFound();
      if (!row.completed_at)
        throw new HttpError(409, 'incomplete', message('server.files.incomplete'));
      const stream = await files.storage.read(row.id);
      return reply
        .header('Content-Type', 'application/octet-stream')
        .header('Content-Length', String(row.size))
        .header('Cache-Control', 'no-store')
        .send(stream);
    });
  });
}
