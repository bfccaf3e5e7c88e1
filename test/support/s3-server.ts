// A real S3-compatible server for tests (s3rver from npm: the S3 REST API over HTTP, objects in a
// temporary directory), with one bucket. Returns the options the file storage needs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3Options } from '../../src/server/files/file-storage';

export interface TestS3 {
  options: S3Options;
  close(): Promise<void>;
}

export async function startS3(bucket = 'feldakte-test'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'feldakte-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = (await server.run()) as { port: number };
  return {
    options: {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
