// requestJson: the timeout covers the body, a captive portal is "no connection", and every other
// answer reaches the caller with its status and JSON.
import { describe, expect, it } from 'vitest';
import { requestJson } from '../../src/local/json-request';

const encoder = new TextEncoder();

/** A fetch whose answer sends its headers and the first bytes, then stalls until aborted. */
const stallingFetch = (async (_url: string, init: RequestInit) => {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('{"user":'));
      init.signal?.addEventListener('abort', () =>
        controller.error(new DOMException('aborted', 'AbortError')),
      );
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}) as typeof fetch;

const answering = (body: string, status = 200, type = 'application/json') =>
  (async () => new Response(body, { status, headers: { 'content-type': type } })) as typeof fetch;

describe('requestJson', () => {
  it('times out on a body that stalls after the headers: no connection', async () => {
    const started = Date.now();
    const answer = await requestJson({
      method: 'GET',
      url: '/api/session',
      timeoutMs: 50,
      fetch: stallingFetch,
    });
    expect(answer).toEqual({ kind: 'offline' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("takes a captive portal's page for no connection", async () => {
    const portal = answering('<html>Bitte anmelden</html>', 200, 'text/html');
    expect(await requestJson({ method: 'GET', url: '/x', fetch: portal })).toEqual({
      kind: 'offline',
    });
  });

  it('gives the status and the JSON of a refusal, and null for a body that is not JSON', async () => {
    const refusal = answering('{"error":"not_signed_in","message":"Bitte anmelden."}', 401);
    expect(await requestJson({ method: 'GET', url: '/x', fetch: refusal })).toEqual({
      kind: 'answer',
      status: 401,
      ok: false,
      payload: { error: 'not_signed_in', message: 'Bitte anmelden.' },
    });
    const broken = answering('Bad Gateway', 502, 'text/plain');
    expect(await requestJson({ method: 'GET', url: '/x', fetch: broken })).toMatchObject({
      kind: 'answer',
      status: 502,
      payload: null,
    });
  });

  it('takes an empty 204 as an answer', async () => {
    const empty = (async () => new Response(null, { status: 204 })) as typeof fetch;
    expect(await requestJson({ method: 'DELETE', url: '/x', fetch: empty })).toMatchObject({
      kind: 'answer',
      status: 204,
      ok: true,
    });
  });
});
