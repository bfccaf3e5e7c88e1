// [P6] a body over the limit, over real HTTP (issue 9, item 4): the server reads the rest of the
// upload (up to a bound) and answers 413 so the client can read it, and the phone splits its push
// batch and retries until its outbox drains.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/shared/sync/protocol';
import { openDatabase } from '../../src/local/db';
import { createRecord } from '../../src/local/write-record';
import { createFetchTransport } from '../../src/local/sync/fetch-transport';
import { syncOnce } from '../../src/local/sync/sync-engine';
import { memoryStore, startTestServer, type TestServer } from '../support/server-harness';
import type { Store } from '../../src/server/store/store';

interface Answer {
  status?: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  error?: string;
}

/** Uploads `size` bytes in 64 KiB chunks as a phone would, and reports what came back. */
function upload(base: string, size: number, chunked = false): Promise<Answer> {
  const url = new URL('/api/sync/push', base);
  return new Promise((resolve) => {
    const answer: Answer = { body: '', headers: {} };
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = size;
    const request = http.request(url, { method: 'POST', headers }, (response) => {
      answer.status = response.statusCode;
      answer.headers = response.headers;
      response.setEncoding('utf8');
      response.on('data', (text: string) => (answer.body += text));
    });
    request.on('error', (error) => (answer.error = error.message));
    request.on('close', () => resolve(answer));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const write = () => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!request.write(part)) return void request.once('drain', write);
      }
      request.end();
    };
    write();
  });
}

describe('a body over the limit, over real HTTP', () => {
  let store: Store;
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    store = await memoryStore();
    server = await startTestServer({ store, keepStore: true });
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  it.each([
    ['with a declared length', false],
    ['sent in chunks', true],
  ])(
    'the client reads the 413 after its upload (%s), no broken connection',
    async (_n, chunked) => {
      const answer = await upload(base, 3 * MAX_BODY_BYTES, chunked);
      expect(answer.error).toBeUndefined();
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({
        error: 'too_large',
        message: expect.stringMatching(/zu groß/),
      });
    },
  );

  it('the phone splits its push when the server (or a proxy) allows less, and drains its outbox', async () => {
    const strict = await startTestServer({ store, keepStore: true, bodyLimit: 16 * 1024 });
    const strictBase = await strict.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const anna = await strict.member('Team Grenze');
      const db = openDatabase(`body-limit-${anna.clientId}`);
      const notes = 'Lange Notiz zur Lebenswelt. '.repeat(60);
      for (let i = 0; i < 30; i++) {
        const result = await createRecord(db, 'cases', {
          givenName: `Amina ${i}`,
          familyName: 'Haddad',
          status: 'inquiry',
          lifeWorldNotes: notes,
        });
        expect(result.ok).toBe(true);
      }
      const pushes: number[] = [];
      const transport = createFetchTransport({
        baseUrl: strictBase,
        fetch: async (input, init) => {
          const response = await fetch(input, {
            ...init,
            headers: { ...(init?.headers as Record<string, string>), cookie: anna.cookie },
          });
          if (String(input).endsWith('/push')) pushes.push(response.status);
          return response;
        },
      });
      const result = await syncOnce(db, transport);
      expect(result.ok ? 'ok' : result.error.message).toBe('ok');
      expect(await db.outbox.count()).toBe(0);
      expect((await strict.pullAll(anna)).changes).toHaveLength(30);
      // The first push was too large and came back 413; the halves (and their halves) fit.
      expect(pushes[0]).toBe(413);
      expect(pushes.filter((status) => status !== 413).length).toBeGreaterThan(1);
      expect(pushes[pushes.length - 1]).toBe(200);
      await db.delete();
    } finally {
      await strict.close();
    }
  });
});
