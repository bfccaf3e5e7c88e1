// Documents' files on the server (issue 25, SPEC [D2]-[D6]), run on PGlite and PostgreSQL, each with
// the disk store and an S3-compatible store (s3rver): tus creation, HEAD and PATCH, resume after a
// connection cut mid-upload, the whole file back for the team only, refusals of size, id and
// format (nothing stored), and erasure removing the bytes from the store.
import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import {
  putCase,
  startTestServer,
  tick,
  validCase,
  newRecordId,
  type Member,
  type StoreFactory,
  type TestServer,
} from '../support/server-harness';
import {
  diskFileStorage,
  s3FileStorage,
  type FileStorage,
} from '../../src/server/files/file-storage';
import { fileServiceOf } from '../../src/server/app';
import { startS3, type TestS3 } from '../support/s3-server';
import { MAX_DOCUMENT_FILE_BYTES } from '../../src/shared/domain/document';
import type { PushResponse } from '../../src/shared/sync/protocol';

const MAGIC = Buffer.from([0x46, 0x44, 0x4f, 0x43, 0x01, 0x00, 0x00, 0x00]);

/** A file as the phone makes it: the header, then (here random) ciphertext. */
function documentFile(bytes: number): Buffer {
  return Buffer.concat([MAGIC, randomBytes(bytes - MAGIC.length)]);
}

function metadata(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
}

export function describeFilesContract(
  backend: string,
  makeStore: StoreFactory,
  storeKind: 'disk' | 's3',
): void {
  describe(`[D4] documents' files on ${backend} with the ${storeKind} store`, () => {
    let server: TestServer;
    let storage: FileStorage;
    let base: string;
    let dir: string;
    let s3: TestS3 | undefined;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'feldakte-files-'));
      if (storeKind === 's3') {
        s3 = await startS3();
        storage = await s3FileStorage(dir, s3.options);
      } else {
        storage = await diskFileStorage(dir);
      }
      server = await startTestServer({ store: await makeStore(), files: storage });
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await server?.close();
      await s3?.close();
      await rm(dir, { recursive: true, force: true });
    });

    const team = () => `Team ${randomUUID().slice(0, 8)}`;
    const app = (): FastifyInstance => server.app;

    async function caseOf(member: Member): Promise<string> {
      const caseId = newRecordId();
      const response = await server.push(member, [putCase(member, 1, caseId, validCase())]);
      expect(response.json<PushResponse>().results[0]!.status).toBe('applied');
      return caseId;
    }

    function create(
      member: Member,
      fields: { fileId: string; caseId: string; documentId: string },
      size: number,
    ) {
      return fetch(`${base}/api/files`, {
        method: 'POST',
        headers: {
          cookie: member.cookie,
          'Tus-Resumable': '1.0.0',
          'Upload-Length': String(size),
          'Upload-Metadata': metadata(fields),
        },
      });
    }
    const head = (member: Member, fileId: string) =>
      fetch(`${base}/api/files/${fileId}`, {
        method: 'HEAD',
        headers: { cookie: member.cookie, 'Tus-Resumable': '1.0.0' },
      });
    const patch = (member: Member, fileId: string, offset: number, body: Buffer) =>
      fetch(`${base}/api/files/${fileId}`, {
        method: 'PATCH',
        headers: {
          cookie: member.cookie,
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': String(offset),
          'Content-Type': 'application/offset+octet-stream',
        },
        body: new Uint8Array(body),
      });
    const get = (member: Member, fileId: string) =>
      fetch(`${base}/api/files/${fileId}`, { headers: { cookie: member.cookie } });

    async function pushDocument(
      member: Member,
      mutationId: number,
      documentId: string,
      caseId: string,
      fileId: string,
      size: number,
    ) {
      const response = await server.push(member, [
        {
          id: mutationId,
          table: 'documents',
          recordId: documentId,
          op: 'put',
          fields: {
            caseId,
            kind: 'id_document',
            title: 'Duldung',
            date: '2026-06-01',
            fileId,
            fileKey: Buffer.from(randomBytes(32)).toString('base64'),
            size,
            pages: 1,
          },
          hlc: tick(member),
        },
      ]);
      expect(response.json<PushResponse>().results[0], response.body).toMatchObject({
        status: 'applied',
      });
    }

    /** One document uploaded whole and its record pushed; returns its ids and bytes. */
    async function uploaded(member: Member, size = 300_000) {
      const caseId = await caseOf(member);
      const fileId = randomBytes(16).toString('hex');
      const documentId = newRecordId();
      const file = documentFile(size);
      const created = await create(member, { fileId, caseId, documentId }, size);
      expect(created.status).toBe(201);
      const done = await patch(member, fileId, 0, file);
      expect(done.status).toBe(204);
      await pushDocument(member, 2, documentId, caseId, fileId, size);
      return { caseId, fileId, documentId, file };
    }

    it('[D4] creates, reports the offset, resumes and completes; the team reads it whole', async () => {
      const anna = await server.member(team());
      const caseId = await caseOf(anna);
      const fileId = randomBytes(16).toString('hex');
      const documentId = newRecordId();
      const file = documentFile(700_000);
      const created = await create(anna, { fileId, caseId, documentId }, file.length);
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`/api/files/${fileId}`);
      expect((await head(anna, fileId)).headers.get('upload-offset')).toBe('0');

      const first = await patch(anna, fileId, 0, file.subarray(0, 250_000));
      expect(first.status).toBe(204);
      expect(first.headers.get('upload-offset')).toBe('250000');
      const offset = await head(anna, fileId);
      expect(offset.headers.get('upload-offset')).toBe('250000');
      expect(offset.headers.get('upload-length')).toBe(String(file.length));
      // A PATCH at the wrong offset changes nothing.
      expect((await patch(anna, fileId, 0, file.subarray(0, 10))).status).toBe(409);
      const rest = await patch(anna, fileId, 250_000, file.subarray(250_000));
      expect(rest.status).toBe(204);
      expect(rest.headers.get('upload-offset')).toBe(String(file.length));

      // The bytes are there, but only a document of the team makes them readable.
      expect((await get(anna, fileId)).status).toBe(404);
      await pushDocument(anna, 2, documentId, caseId, fileId, file.length);
      const colleague = await server.member(
        (
          await server.store.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [
            anna.teamId,
          ])
        )[0]!.name,
      );
      const read = await get(colleague, fileId);
      expect(read.status).toBe(200);
      expect(read.headers.get('cache-control')).toBe('no-store');
      expect(Buffer.from(await read.arrayBuffer()).equals(file)).toBe(true);
      expect(await storage.has(fileId)).toBe(true);
      // A finished upload asked again reports it complete.
      expect((await head(anna, fileId)).headers.get('upload-offset')).toBe(String(file.length));
    });

    it('[D4] resumes after the connection is cut in the middle of a PATCH', async () => {
      const anna = await server.member(team());
      const caseId = await caseOf(anna);
      const fileId = randomBytes(16).toString('hex');
      const documentId = newRecordId();
      const file = documentFile(600_000);
      expect((await create(anna, { fileId, caseId, documentId }, file.length)).status).toBe(201);

      // Half of a PATCH arrives, then the network is gone.
      await new Promise<void>((resolve) => {
        const url = new URL(`${base}/api/files/${fileId}`);
        const req = httpRequest({
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'PATCH',
          headers: {
            cookie: anna.cookie,
            'Tus-Resumable': '1.0.0',
            'Upload-Offset': '0',
            'Content-Type': 'application/offset+octet-stream',
            'Content-Length': String(file.length),
          },
        });
        req.on('error', () => resolve());
        req.write(file.subarray(0, 200_000), () => {
          setTimeout(() => {
            req.destroy();
            resolve();
          }, 200);
        });
      });
      let offset = 0;
      for (let i = 0; i < 50; i++) {
        const answer = await head(anna, fileId);
        // While the server still holds the cut request's lock it may answer 423 or an old offset.
        if (answer.status === 200) offset = Number(answer.headers.get('upload-offset'));
        if (offset > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(offset).toBeGreaterThan(0);
      expect(offset).toBeLessThanOrEqual(200_000);
      const rest = await patch(anna, fileId, offset, file.subarray(offset));
      expect(rest.status).toBe(204);
      await pushDocument(anna, 2, documentId, caseId, fileId, file.length);
      const read = await get(anna, fileId);
      expect(Buffer.from(await read.arrayBuffer()).equals(file)).toBe(true);
    });

    it('[D5] another team gets 404 for everything, as for an unknown id', async () => {
      const anna = await server.member(team());
      const other = await server.member(team());
      const { fileId, caseId, documentId, file } = await uploaded(anna);
      expect((await get(other, fileId)).status).toBe(404);
      expect((await head(other, fileId)).status).toBe(404);
      expect((await patch(other, fileId, 0, Buffer.from('x'))).status).toBe(404);
      expect((await get(other, randomBytes(16).toString('hex'))).status).toBe(404);
      // Its id cannot be taken over either, and the bytes stay as they were.
      const taken = await create(other, { fileId, caseId, documentId }, file.length);
      expect(taken.status).toBe(409);
      const read = await get(anna, fileId);
      expect(Buffer.from(await read.arrayBuffer()).equals(file)).toBe(true);
      // No session, or a coordinator (no case data): nothing either.
      expect((await fetch(`${base}/api/files/${fileId}`)).status).toBe(401);
      const coordinator = await server.member(
        (
          await server.store.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [
            anna.teamId,
          ])
        )[0]!.name,
        'coordinator',
      );
      expect((await get(coordinator, fileId)).status).toBe(404);
    });

    it('[D2] refuses too large, unnamed and foreign files with a message, storing nothing', async () => {
      const anna = await server.member(team());
      const caseId = await caseOf(anna);
      const documentId = newRecordId();
      const countFiles = async () =>
        Number((await server.store.query<{ n: string }>('SELECT count(*) AS n FROM files'))[0]!.n);
      const before = await countFiles();
      const big = await create(
        anna,
        { fileId: randomBytes(16).toString('hex'), caseId, documentId },
        MAX_DOCUMENT_FILE_BYTES + 1,
      );
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ code: 'server.files.tooLarge' });
      const badId = await create(anna, { fileId: '../../etc/passwd', caseId, documentId }, 100);
      expect(badId.status).toBe(400);
      expect(await badId.json()).toMatchObject({ code: 'server.files.invalidId' });
      const noCase = await create(
        anna,
        { fileId: randomBytes(16).toString('hex'), caseId: 'x', documentId },
        100,
      );
      expect(noCase.status).toBe(400);
      expect(await countFiles()).toBe(before);

      // Not a document of the app (a clear JPEG): refused when complete, and gone from the store.
      const fileId = randomBytes(16).toString('hex');
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(5000)]);
      expect((await create(anna, { fileId, caseId, documentId }, jpeg.length)).status).toBe(201);
      const refused = await patch(anna, fileId, 0, jpeg);
      expect(refused.status).toBe(415);
      await fileServiceOf(app())!.sweep();
      expect(await storage.has(fileId)).toBe(false);
      expect((await head(anna, fileId)).status).toBe(404);
      expect(await countFiles()).toBe(before);
    });

    it('[D6] erasing the case makes its files 404 and removes their bytes from the store', async () => {
      const anna = await server.member(team());
      const { caseId, fileId } = await uploaded(anna);
      // An upload of the same case that was still under way goes too.
      const pending = randomBytes(16).toString('hex');
      expect(
        (await create(anna, { fileId: pending, caseId, documentId: newRecordId() }, 5000)).status,
      ).toBe(201);
      expect((await patch(anna, pending, 0, documentFile(5000).subarray(0, 1000))).status).toBe(
        204,
      );

      const erased = await app().inject({
        method: 'POST',
        url: `/api/cases/${caseId}/erase`,
        headers: { cookie: anna.cookie },
        payload: { reason: 'Antrag der Person' },
      });
      expect(erased.statusCode, erased.body).toBe(200);
      expect((await get(anna, fileId)).status).toBe(404);
      expect((await head(anna, pending)).status).toBe(404);
      await fileServiceOf(app())!.settled();
      await fileServiceOf(app())!.sweep();
      expect(await storage.has(fileId)).toBe(false);
      expect(await storage.has(pending)).toBe(false);
      expect(
        await server.store.query('SELECT id FROM files WHERE id = ANY($1::text[])', [
          [fileId, pending],
        ]),
      ).toEqual([]);
      // A phone that still uploads for the erased case is refused.
      const late = await create(
        anna,
        { fileId: randomBytes(16).toString('hex'), caseId, documentId: newRecordId() },
        100,
      );
      expect(late.status).toBe(410);
    });

    it('[D6] deleting the document removes its file', async () => {
      const anna = await server.member(team());
      const { fileId, documentId } = await uploaded(anna);
      const deleted = await server.push(anna, [
        {
          id: 3,
          table: 'documents',
          recordId: documentId,
          op: 'delete',
          fields: {},
          hlc: tick(anna),
        },
      ]);
      expect(deleted.json<PushResponse>().results[0]!.status).toBe('applied');
      expect((await get(anna, fileId)).status).toBe(404);
      await fileServiceOf(app())!.sweep();
      expect(await storage.has(fileId)).toBe(false);
    });
  });
}
