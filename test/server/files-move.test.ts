// Moving documents' files from disk to an S3-compatible store (issue 25 item 5), with the admin
// command against a real S3-compatible server (s3rver): afterwards the files are in the bucket,
// gone from disk, and the server with the S3 store serves them unchanged.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskFileStorage, s3FileStorage } from '../../src/server/files/file-storage';
import { filesMove } from '../../src/server/cli/commands/files-move';
import { UsageError } from '../../src/server/cli/admin-command';
import type { PushResponse } from '../../src/shared/sync/protocol';
import type { Store } from '../../src/server/store/store';
import {
  memoryStore,
  newRecordId,
  putCase,
  startTestServer,
  tick,
  validCase,
} from '../support/server-harness';
import { startS3, type TestS3 } from '../support/s3-server';

let store: Store;
let s3: TestS3;
let dataDir: string;
beforeAll(async () => {
  store = await memoryStore();
  s3 = await startS3();
  dataDir = await mkdtemp(join(tmpdir(), 'feldakte-move-'));
}, 60_000);
afterAll(async () => {
  await store?.close();
  await s3?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('files move-to-s3', () => {
  it('moves every finished file into the bucket; the S3 server serves it unchanged', async () => {
    const disk = await diskFileStorage(join(dataDir, 'files'));
    const server = await startTestServer({ store, keepStore: true, files: disk });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const anna = await server.member('Team Umzug');
    const caseId = newRecordId();
    await server.push(anna, [putCase(anna, 1, caseId, validCase())]);
    const fileId = randomBytes(16).toString('hex');
    const documentId = newRecordId();
    const file = Buffer.concat([
      Buffer.from([0x46, 0x44, 0x4f, 0x43, 1, 0, 0, 0]),
      randomBytes(90_000),
    ]);
    const meta = (value: string) => Buffer.from(value).toString('base64');
    const created = await fetch(`${base}/api/files`, {
      method: 'POST',
      headers: {
        cookie: anna.cookie,
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(file.length),
        'Upload-Metadata': `fileId ${meta(fileId)},caseId ${meta(caseId)},documentId ${meta(documentId)}`,
      },
    });
    expect(created.status).toBe(201);
    const patched = await fetch(`${base}/api/files/${fileId}`, {
      method: 'PATCH',
      headers: {
        cookie: anna.cookie,
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': '0',
        'Content-Type': 'application/offset+octet-stream',
      },
      body: new Uint8Array(file),
    });
    expect(patched.status).toBe(204);
    const pushed = await server.push(anna, [
      {
        id: 2,
        table: 'documents',
        recordId: documentId,
        op: 'put',
        fields: {
          caseId,
          kind: 'letter',
          title: 'Bescheid',
          date: '2026-06-01',
          fileId,
          fileKey: randomBytes(32).toString('base64'),
          size: file.length,
          pages: 1,
        },
        hlc: tick(anna),
      },
    ]);
    expect(pushed.json<PushResponse>().results[0]!.status).toBe('applied');
    await server.close();
    expect(existsSync(join(dataDir, 'files', fileId))).toBe(true);

    const env = { ...process.env };
    try {
      delete process.env.S3_BUCKET;
      await expect(
        filesMove.run({ options: {}, words: [] }, { store, now: new Date() }),
      ).rejects.toThrow(UsageError);
      Object.assign(process.env, {
        DATA_DIR: dataDir,
        S3_BUCKET: s3.options.bucket,
        S3_ENDPOINT: s3.options.endpoint,
        S3_ACCESS_KEY_ID: s3.options.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.options.secretAccessKey,
      });
      const said = await filesMove.run({ options: {}, words: [] }, { store, now: new Date() });
      expect(said).toBe('Dokumente nach S3 verschoben: 1 Datei.');
      // Again: nothing left on disk to move.
      expect(await filesMove.run({ options: {}, words: [] }, { store, now: new Date() })).toBe(
        'Dokumente nach S3 verschoben: 0 Dateien (1 waren nicht auf der Festplatte).',
      );
    } finally {
      process.env = env;
    }
    expect(existsSync(join(dataDir, 'files', fileId))).toBe(false);

    const bucket = await s3FileStorage(join(dataDir, 'files', 'uploads'), s3.options);
    expect(await bucket.has(fileId)).toBe(true);
    const after = await startTestServer({ store, keepStore: true, files: bucket });
    try {
      const colleague = await after.member('Team Umzug');
      const read = await after.app.inject({
        method: 'GET',
        url: `/api/files/${fileId}`,
        headers: { cookie: colleague.cookie },
      });
      expect(read.statusCode).toBe(200);
      expect(read.rawPayload.equals(file)).toBe(true);
    } finally {
      await after.close();
    }
  });
});
