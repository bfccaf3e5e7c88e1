// Documents end to end between device engines and the real server (issue 25, [D3]-[D6]): the
// phone's encrypted file uploads with tus-js-client in chunks, resumes after the network drops
// mid-upload without sending it twice, uploads while the phone is locked, opens on a colleague's
// phone (downloaded on demand, checked with the document's key), and an erasure removes it from
// the server's store and from every phone.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type FeldakteDb } from '../../src/local/db';
import { createRecord } from '../../src/local/write-record';
import { syncOnce } from '../../src/local/sync/sync-engine';
import { createFetchTransport } from '../../src/local/sync/fetch-transport';
import { dataKeyOf, dropDataKey, holdDataKey } from '../../src/local/crypto/keyring';
import { startSealSession } from '../../src/local/crypto/outbox-seal';
import { saveDocument } from '../../src/local/documents/document-store';
import {
  downloadFile,
  uploadPendingFiles,
  UPLOAD_CHUNK_BYTES,
} from '../../src/local/documents/file-transfer';
import { diskFileStorage, type FileStorage } from '../../src/server/files/file-storage';
import { fileServiceOf } from '../../src/server/app';
import type { Store } from '../../src/server/store/store';
import { addUser, memoryStore, startTestServer, type TestServer } from '../support/server-harness';

let store: Store;
let server: TestServer;
let storage: FileStorage;
let dir: string;
let base: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'feldakte-docsync-'));
  storage = await diskFileStorage(dir);
  store = await memoryStore();
  server = await startTestServer({ store, keepStore: true, files: storage });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Phone {
  db: FeldakteDb;
  cookie: string;
  sync(): ReturnType<typeof syncOnce>;
}

async function phone(team: string): Promise<Phone> {
  const user = await addUser(store, { team });
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: {
      email: user.email,
      password: user.password,
      deviceId: randomUUID(),
      deviceName: 'T',
    },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const fetch = (async (url: string, init: RequestInit) => {
    const response = await server.app.inject({
      method: init.method as 'POST',
      url,
      headers: { cookie, 'content-type': 'application/json' },
      payload: init.body as string,
    });
    return new Response(response.body, { status: response.statusCode });
  }) as typeof globalThis.fetch;
  const db = openDatabase(`${user.id}-${randomUUID().slice(0, 4)}`);
  await startSealSession(db.name, login.json().sealKey);
  const transport = createFetchTransport({ fetch });
  return { db, cookie, sync: () => syncOnce(db, transport) };
}

/** A page of `bytes` bytes that starts like a JPEG (the content is random). */
function page(bytes: number): Uint8Array {
  const out = new Uint8Array(randomBytes(bytes));
  out.set([0xff, 0xd8, 0xff]);
  return out;
}

/** fetch that counts the bytes PATCHed and can be told to drop the connection. */
function countingFetch(cookie: string, dropPatch?: number) {
  const counted = { patches: 0, bytes: 0 };
  const doFetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    if (init.method === 'PATCH') {
      counted.patches += 1;
      if (counted.patches === dropPatch) throw new TypeError('Failed to fetch');
      counted.bytes += (init.body as Blob | null)?.size ?? 0;
    }
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    return globalThis.fetch(input, { ...init, headers });
  }) as typeof globalThis.fetch;
  return { counted, doFetch };
}

async function newDocument(device: Phone, caseId: string, pages: Uint8Array[]) {
  const saved = await saveDocument(device.db, {
    caseId,
    kind: 'id_document',
    title: 'Duldung',
    date: '2026-06-01',
    pages: pages.map((bytes) => ({ type: 'image/jpeg' as const, bytes })),
  });
  if (!saved.ok) throw new Error(saved.message);
  return (await device.db.documents.get(saved.id))!;
}

async function newCase(device: Phone): Promise<string> {
  const created = await createRecord(device.db, 'cases', {
    givenName: 'Amina',
    familyName: 'Haidari',
    status: 'active',
  });
  if (!created.ok) throw new Error(created.message);
  return created.id;
}

describe('documents between phones and the server', () => {
  it('[D4] [D5] uploads in chunks, resumes after a dropped connection without sending twice, and opens on a colleague’s phone', async () => {
    const team = `Team ${randomUUID().slice(0, 6)}`;
    const anna = await phone(team);
    const caseId = await newCase(anna);
    const pages = [page(700_000), page(450_000)];
    const document = await newDocument(anna, caseId, pages);
    expect((await anna.sync()).ok).toBe(true);

    // The network drops during the second PATCH: the first chunk stays on the server.
    const first = countingFetch(anna.cookie, 2);
    const interrupted = await uploadPendingFiles(anna.db, {
      baseUrl: base,
      fetch: first.doFetch,
      retryDelays: [],
    });
    expect(interrupted).toEqual([{ fileId: document.fileId, ok: false, retryable: true }]);
    expect(await anna.db.documentFiles.get(document.fileId)).toMatchObject({
      state: 'uploading',
      offset: UPLOAD_CHUNK_BYTES,
      uploadUrl: `/api/files/${document.fileId}`,
    });

    // The next run asks for the offset and sends only the rest.
    const second = countingFetch(anna.cookie);
    const resumed = await uploadPendingFiles(anna.db, { baseUrl: base, fetch: second.doFetch });
    expect(resumed).toEqual([{ fileId: document.fileId, ok: true }]);
    expect(second.counted.bytes).toBe(document.size - UPLOAD_CHUNK_BYTES);
    expect(first.counted.bytes + second.counted.bytes).toBe(document.size);
    expect(await anna.db.documentFiles.get(document.fileId)).toMatchObject({
      state: 'uploaded',
      offset: document.size,
    });

    // A colleague's phone has the record after its sync, and the file once it opens it.
    const ben = await phone(team);
    expect((await ben.sync()).ok).toBe(true);
    const theirs = (await ben.db.documents.get(document.id))!;
    expect(theirs).toMatchObject({ title: 'Duldung', fileId: document.fileId });
    expect(await ben.db.fileChunks.count()).toBe(0);
    const opened = await downloadFile(ben.db, theirs, {
      baseUrl: base,
      headers: { cookie: ben.cookie },
    });
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.pages.map((p) => Buffer.from(p.bytes))).toEqual(
        pages.map((p) => Buffer.from(p)),
      );
    }
    expect(await ben.db.fileChunks.where('fileId').equals(document.fileId).count()).toBeGreaterThan(
      0,
    );

    // Another team's phone gets nothing.
    const stranger = await phone(`Team ${randomUUID().slice(0, 6)}`);
    const refused = await downloadFile(stranger.db, theirs, {
      baseUrl: base,
      headers: { cookie: stranger.cookie },
    });
    expect(refused).toEqual({ ok: false, reason: 'not_found' });
  });

  it('[D4] a locked phone uploads its files (they are ciphertext already)', async () => {
    const anna = await phone(`Team ${randomUUID().slice(0, 6)}`);
    const caseId = await newCase(anna);
    const document = await newDocument(anna, caseId, [page(100_000)]);
    const key = dataKeyOf(anna.db.name)!.slice();
    dropDataKey(anna.db.name);
    try {
      const upload = countingFetch(anna.cookie);
      expect(await uploadPendingFiles(anna.db, { baseUrl: base, fetch: upload.doFetch })).toEqual([
        { fileId: document.fileId, ok: true },
      ]);
      expect(await storage.has(document.fileId)).toBe(true);
    } finally {
      holdDataKey(anna.db.name, key);
    }
  });

  it('[D6] erasing the person removes the file from the server and from every phone', async () => {
    const team = `Team ${randomUUID().slice(0, 6)}`;
    const anna = await phone(team);
    const ben = await phone(team);
    const caseId = await newCase(anna);
    const document = await newDocument(anna, caseId, [page(200_000)]);
    expect((await anna.sync()).ok).toBe(true);
    const upload = countingFetch(anna.cookie);
    await uploadPendingFiles(anna.db, { baseUrl: base, fetch: upload.doFetch });
    expect((await ben.sync()).ok).toBe(true);
    const theirs = (await ben.db.documents.get(document.id))!;
    expect(
      (await downloadFile(ben.db, theirs, { baseUrl: base, headers: { cookie: ben.cookie } })).ok,
    ).toBe(true);

    const erased = await server.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/erase`,
      headers: { cookie: anna.cookie },
      payload: { reason: 'Antrag der Person' },
    });
    expect(erased.statusCode).toBe(200);
    await fileServiceOf(server.app)!.settled();
    await fileServiceOf(server.app)!.sweep();
    expect(await storage.has(document.fileId)).toBe(false);

    for (const device of [anna, ben]) {
      expect((await device.sync()).ok).toBe(true);
      expect(await device.db.documents.count()).toBe(0);
      expect(await device.db.fileChunks.count()).toBe(0);
      expect(await device.db.documentFiles.count()).toBe(0);
    }
  });
});
