// Where documents' files live on the server ([D4], issue 25). Uploads in progress are always tus
// FileStore files on local disk (resumable at any byte: a PATCH appends to the file); a finished
// file stays there (the default, DATA_DIR/files) or is moved to an S3-compatible object store
// (S3_ENDPOINT, S3_BUCKET, credentials) and read from there. Everything stored is the phone's
// ciphertext (local/documents/file-cipher.ts); reads and writes stream, so memory stays flat.
// Why not @tus/s3-store: docs/decisions.md ("Documents: ...").
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { FILE_ID_PATTERN } from '../../shared/domain/document';

export interface FileStorage {
  readonly kind: 'disk' | 's3';
  /** The tus datastore for uploads in progress (local disk). */
  readonly uploads: FileStore;
  /** The first bytes of an upload still in `uploads` (the server's check of the format). */
  head(id: string, bytes: number): Promise<Uint8Array>;
  /** Called once an upload is complete: the S3 store moves it to the bucket. */
  finish(id: string, size: number): Promise<void>;
  /** The whole finished file as a stream. */
  read(id: string): Promise<Readable>;
  /** Removes a file (finished or not) from every place it may be; no error if it is not there. */
  remove(id: string): Promise<void>;
  /** Whether the store holds bytes of the file (tests and the move command). */
  has(id: string): Promise<boolean>;
  /** The S3 store only: takes a finished file from a path on disk (the move from disk to S3). */
  importFile?(id: string, path: string, size: number): Promise<void>;
}

function checkedId(id: string): string {
  // The id becomes a path and an object key: nothing but the phone's hex id gets that far.
  if (!FILE_ID_PATTERN.test(id)) throw new Error('invalid file id');
  return id;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(path, { start: 0, end: bytes - 1 })) {
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Uploads (and, on disk, finished files) in `directory`. */
function localUploads(directory: string) {
  const dir = resolve(directory);
  const uploads = new FileStore({ directory: dir });
  const path = (id: string) => join(dir, checkedId(id));
  return {
    dir,
    uploads,
    path,
    head: (id: string, bytes: number) => readHead(path(id), bytes),
    async removeLocal(id: string) {
      await rm(path(id), { force: true });
      await rm(`${path(id)}.json`, { force: true });
    },
  };
}

export async function diskFileStorage(directory: string): Promise<FileStorage> {
  const local = localUploads(directory);
  await mkdir(local.dir, { recursive: true });
  return {
    kind: 'disk',
    uploads: local.uploads,
    head: local.head,
    finish: async () => undefined,
    read: async (id) => createReadStream(local.path(id)),
    remove: local.removeLocal,
    has: (id) => exists(local.path(id)),
  };
}

export interface S3Options {
  endpoint?: string;
  bucket: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Key prefix inside the bucket. */
  prefix?: string;
  /** Path-style URLs (MinIO, Ceph, s3rver); default true when an endpoint is given. */
  forcePathStyle?: boolean;
}

export async function s3FileStorage(
  stagingDirectory: string,
  options: S3Options,
): Promise<FileStorage> {
  const local = localUploads(stagingDirectory);
  await mkdir(local.dir, { recursive: true });
  const client = new S3Client({
    region: options.region ?? 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
    // The SDK's default since 2025 streams bodies "aws-chunked" with trailing checksums, which
    // many S3-compatible services (older MinIO and Ceph, s3rver) store as they come: checksums
    // only where the API requires them. The file's integrity is the phone's AES-GCM anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(options.accessKeyId && options.secretAccessKey
      ? {
          credentials: {
            accessKeyId: options.accessKeyId,
            secretAccessKey: options.secretAccessKey,
          },
        }
      : {}),
  });
  const Bucket = options.bucket;
  const Key = (id: string) => `${options.prefix ?? 'documents/'}${checkedId(id)}`;
  const put = async (id: string, path: string, size: number) => {
    await client.send(
      new PutObjectCommand({
        Bucket,
        Key: Key(id),
        Body: createReadStream(path),
        ContentLength: size,
        ContentType: 'application/octet-stream',
      }),
    );
  };
  const inBucket = async (id: string) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key: Key(id) }));
      return true;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return false;
      throw error;
    }
  };
  return {
    kind: 's3',
    uploads: local.uploads,
    head: local.head,
    async finish(id, size) {
      await put(id, local.path(id), size);
      await local.removeLocal(id);
    },
    importFile: (id, path, size) => put(id, path, size),
    async read(id) {
      // Finished but not yet moved (a crash between the last PATCH and the move): from disk.
      if (await exists(local.path(id))) return createReadStream(local.path(id));
      const object = await client.send(new GetObjectCommand({ Bucket, Key: Key(id) }));
      return object.Body as Readable;
    },
    async remove(id) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: Key(id) }));
      await local.removeLocal(id);
    },
    async has(id) {
      return (await exists(local.path(id))) || inBucket(id);
    },
  };
}

export interface FileStorageEnv {
  DATA_DIR?: string;
  FILES_DIR?: string;
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_PREFIX?: string;
}

/** DATA_DIR/files by default; S3 when S3_BUCKET is set (uploads in progress stay in FILES_DIR). */
export function fileStorageFromEnv(env: FileStorageEnv = process.env): Promise<FileStorage> {
  const dir = env.FILES_DIR || join(env.DATA_DIR || './data', 'files');
  if (!env.S3_BUCKET) return diskFileStorage(dir);
  return s3FileStorage(join(dir, 'uploads'), {
    bucket: env.S3_BUCKET,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    ...(env.S3_REGION ? { region: env.S3_REGION } : {}),
    ...(env.S3_ACCESS_KEY_ID ? { accessKeyId: env.S3_ACCESS_KEY_ID } : {}),
    ...(env.S3_SECRET_ACCESS_KEY ? { secretAccessKey: env.S3_SECRET_ACCESS_KEY } : {}),
    ...(env.S3_PREFIX ? { prefix: env.S3_PREFIX } : {}),
  });
}
