// Compressed sync: pull answers are negotiated by Accept-Encoding (brotli, then gzip), push bodies
// may arrive gzip- or brotli-compressed, and broken or unknown encodings are refused in German
// with nothing stored.
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  memoryStore,
  newRecordId,
  putCase,
  startTestServer,
  validCase,
  type Member,
  type PullResponse,
  type TestServer,
} from '../support/server-harness';
import { SCHEMA_VERSION } from '../../src/shared/sync/protocol';
import type { Store } from '../../src/server/store/store';

describe('compressed sync', () => {
  let store: Store;
  let server: TestServer;
  let anna: Member;
  beforeAll(async () => {
    store = await memoryStore();
    server = await startTestServer({ store, keepStore: true });
    anna = await server.member('Team Kompression');
    const mutations = Array.from({ length: 40 }, (_, i) =>
      putCase(anna, i + 1, newRecordId(), validCase({ givenName: `Amina ${i}` })),
    );
    expect((await server.push(anna, mutations)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  const pull = (acceptEncoding?: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/sync/pull',
      headers: {
        cookie: anna.cookie,
        ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
      },
      payload: { clientId: anna.clientId, schemaVersion: SCHEMA_VERSION, cursor: null },
    });

  it('sends a pull page brotli-compressed when the browser accepts br, smaller than plain', async () => {
    const plain = await pull();
    expect(plain.headers['content-encoding']).toBeUndefined();
    const response = await pull('gzip, deflate, br');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    const body = JSON.parse(brotliDecompressSync(response.rawPayload).toString()) as PullResponse;
    expect(body).toEqual(plain.json());
    expect(body.changes).toHaveLength(40);
    expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('falls back to gzip for a client without brotli', async () => {
    const response = await pull('gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    const body = JSON.parse(gunzipSync(response.rawPayload).toString()) as PullResponse;
    expect(body.changes).toHaveLength(40);
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
  ] as const)('applies a push whose body is %s-compressed', async (encoding, compress) => {
    const phone = server.device(anna);
    const id = newRecordId();
    const body = {
      clientId: phone.clientId,
      schemaVersion: SCHEMA_VERSION,
      mutations: [putCase(phone, 1, id, validCase({ givenName: `Gepackt ${encoding}` }))],
    };
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: {
        cookie: anna.cookie,
        'content-type': 'application/json',
        'content-encoding': encoding,
      },
      payload: compress(Buffer.from(JSON.stringify(body))),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ lastMutationId: 1, results: [{ status: 'applied' }] });
    const pulled = await server.pullAll(anna);
    expect(pulled.changes.find((change) => change.id === id)?.fields).toMatchObject({
      givenName: `Gepackt ${encoding}`,
    });
  });

  it.each([
    ['a broken gzip body', 'gzip', Buffer.from('kein gzip'), 400, 'invalid_encoding'],
    ['an unknown encoding', 'compress', Buffer.from('{}'), 415, 'unsupported_encoding'],
  ] as const)(
    'refuses %s with a German message and stores nothing',
    async (_label, encoding, payload, status, code) => {
      const before = (await server.pullAll(anna)).changes.length;
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: {
          cookie: anna.cookie,
          'content-type': 'application/json',
          'content-encoding': encoding,
        },
        payload,
      });
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({
        error: code,
        message: expect.stringMatching(/komprimiert/),
      });
      expect((await server.pullAll(server.device(anna))).changes.length).toBe(before);
    },
  );

  it('refuses a compressed body that unpacks beyond the body limit (no zip bomb)', async () => {
    const huge = gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
    expect(huge.length).toBeLessThan(100 * 1024);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: {
        cookie: anna.cookie,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      payload: huge,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: 'too_large' });
  });
});
