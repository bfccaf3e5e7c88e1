import { describe, expect, it } from 'vitest';
import { createFetchTransport } from '../../../src/local/sync/fetch-transport';
import { SyncError, type SyncErrorKind } from '../../../src/local/sync/sync-error';
import type { PullRequest, PushRequest } from '../../../src/shared/sync/protocol';

const pushRequest: PushRequest = {
  clientId: '0190aaaa-0000-7000-8000-000000000001',
  schemaVersion: 1,
  mutations: [],
};
const pullRequest: PullRequest = { ...pushRequest, cursor: null, limit: 10 } as PullRequest;

function respond(status: number, body: unknown, contentType = 'application/json') {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init! });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, {
      status,
      headers: { 'content-type': contentType },
    });
  };
  return { calls, transport: createFetchTransport({ fetch: fetch as typeof globalThis.fetch }) };
}

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('expected a SyncError');
}

describe('the fetch transport', () => {
  it('posts JSON with the session cookie of the same origin, case data only in the body', async () => {
    const { calls, transport } = respond(200, { lastMutationId: 0, results: [] });

    await transport.push(pushRequest);

    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/sync/push');
    expect(calls[0]!.init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'content-type': 'application/json' },
    });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual(pushRequest);
  });

  it('returns the pulled page as the server sent it', async () => {
    const body = { changes: [], cursor: 4, hasMore: false, lastMutationId: 2 };
    const { calls, transport } = respond(200, body);

    expect(await transport.pull(pullRequest)).toEqual(body);
    expect(calls[0]!.url).toBe('/api/sync/pull');
  });

  it('[E5] hands on the page head from its headers before the body is read, and only a sound one', async () => {
    const body = { changes: [], cursor: 4, hasMore: true, lastMutationId: 2 };
    const heads: unknown[] = [];
    for (const headers of <Record<string, string>[]>[
      { 'x-feldakte-cursor': '4', 'x-feldakte-has-more': '1' },
      { 'x-feldakte-cursor': 'vier', 'x-feldakte-has-more': '1' },
      { 'x-feldakte-cursor': '4' },
      {},
    ]) {
      let bodyRead = false;
      const fetch = async () => {
        const response = new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'content-type': 'application/json', ...headers },
        });
        const json = response.json.bind(response);
        response.json = () => {
          bodyRead = true;
          return json();
        };
        return response;
      };
      const transport = createFetchTransport({ fetch: fetch as typeof globalThis.fetch });
      expect(
        await transport.pull(pullRequest, (head) => heads.push({ ...head, bodyRead })),
      ).toEqual(body);
    }
    // Only the first answer had a sound head, and it came before the body was read.
    expect(heads).toEqual([{ cursor: 4, hasMore: true, bodyRead: false }]);
  });

  it.each<[number, SyncErrorKind, RegExp]>([
    [401, 'unauthorized', /erneut anmelden/],
    [403, 'forbidden', /Administration/],
    [426, 'outdated', /App aktualisieren/],
    [409, 'gap', /Nichts wurde gelöscht/],
    [400, 'invalid', /nicht angenommen/],
    [413, 'invalid', /nicht angenommen/],
    [500, 'server', /später erneut/],
    [503, 'server', /später erneut/],
  ])(
    'answers HTTP %i as %s with a German message that keeps the changes',
    async (status, kind, text) => {
      const { transport } = respond(status, {
        error: 'x',
        message: 'Vom Server',
        lastMutationId: 3,
      });

      const error = await failure(transport.push(pushRequest));

      expect(error.kind).toBe(kind);
      expect(error.message).toMatch(text);
      expect(error.serverMessage).toBe('Vom Server');
    },
  );

  it('[P4] carries the server lastMutationId of a 409', async () => {
    const { transport } = respond(409, { error: 'gap', message: 'Lücke', lastMutationId: 41 });

    expect((await failure(transport.push(pushRequest))).lastMutationId).toBe(41);
  });

  it('treats a failed request as offline', async () => {
    const transport = createFetchTransport({
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
    });

    const error = await failure(transport.pull(pullRequest));

    expect(error.kind).toBe('offline');
    expect(error.message).toBe('Keine Verbindung. Änderungen bleiben auf dem Gerät gespeichert.');
    expect(error.retryable).toBe(true);
  });

  it('gives up on a hanging request after the timeout and reports offline', async () => {
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal!.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      })) as unknown as typeof fetch;
    const transport = createFetchTransport({ fetch: hanging, timeoutMs: 20 });

    expect((await failure(transport.push(pushRequest))).kind).toBe('offline');
  });

  it('treats a login page of a hotspot (200 with HTML) as offline, not as an answer', async () => {
    const { transport } = respond(200, '<html>Willkommen im WLAN</html>', 'text/html');

    expect((await failure(transport.pull(pullRequest))).kind).toBe('offline');
  });

  it('prefixes the API path with the base URL', async () => {
    const calls: string[] = [];
    const prefixed = createFetchTransport({
      baseUrl: 'https://feldakte.example',
      fetch: ((url: string) => {
        calls.push(url);
        return Promise.resolve(new Response(JSON.stringify({ lastMutationId: 0, results: [] })));
      }) as unknown as typeof fetch,
    });
    await prefixed.push(pushRequest);

    expect(calls).toEqual(['https://feldakte.example/api/sync/push']);
  });
});

describe('compressed push bodies', () => {
  it('sends a large push gzip-compressed with Content-Encoding, a small one as plain JSON', async () => {
    const { calls, transport } = respond(200, { lastMutationId: 0, results: [] });
    const mutations = Array.from({ length: 200 }, (_, i) => ({
      id: i + 1,
      table: 'cases',
      recordId: `0190aaaa-0000-7000-8000-${String(i).padStart(12, '0')}`,
      op: 'put',
      fields: { givenName: 'Amina', familyName: 'Haddad', notes: 'Erstgespräch im Wohnheim' },
      hlc: '0000000000000:0000:0190aaaa-0000-7000-8000-000000000001',
      baseCursor: 0,
    })) as PushRequest['mutations'];
    const large: PushRequest = { ...pushRequest, mutations };

    await transport.push(pushRequest);
    await transport.push(large);

    expect(calls[0]!.init.headers).not.toHaveProperty('content-encoding');
    expect(typeof calls[0]!.init.body).toBe('string');
    expect(calls[1]!.init.headers).toMatchObject({ 'content-encoding': 'gzip' });
    const sent = calls[1]!.init.body as ArrayBuffer;
    const plain = JSON.stringify(large);
    expect(sent.byteLength).toBeLessThan(plain.length / 4);
    const unpacked = await new Response(
      new Blob([sent]).stream().pipeThrough(new DecompressionStream('gzip')),
    ).text();
    expect(JSON.parse(unpacked)).toEqual(large);
  });
});
