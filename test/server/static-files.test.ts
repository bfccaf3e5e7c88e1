// The built PWA and /api on one origin: SPA fallback for navigations, cache headers per kind of
// file, security headers everywhere, no caching of API answers.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStore, startTestServer, type TestServer } from '../support/server-harness';
import type { Store } from '../../src/server/store/store';

const dist = mkdtempSync(join(tmpdir(), 'feldakte-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Feldakte</title>');
writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
writeFileSync(join(dist, 'assets', 'index-B4x9Kq2z.js'), 'console.log(1)');
writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
// What the build's precompress step writes beside each file (vite.config.ts).
const appScript = `console.log(${JSON.stringify('Feldakte '.repeat(400))});`;
writeFileSync(join(dist, 'assets', 'app-C0ffee12.js'), appScript);
writeFileSync(join(dist, 'assets', 'app-C0ffee12.js.br'), brotliCompressSync(appScript));
writeFileSync(join(dist, 'assets', 'app-C0ffee12.js.gz'), gzipSync(appScript));
writeFileSync(
  join(dist, 'sw.js.br'),
  brotliCompressSync('self.addEventListener("fetch", () => {});'),
);
writeFileSync(join(dist, 'assets', 'index-B4x9Kq2z.js.map'), '{"sources":["src/secret.ts"]}');

describe('static files', () => {
  let store: Store;
  let server: TestServer;
  beforeAll(async () => {
    store = await memoryStore();
    server = await startTestServer({ store, keepStore: true, staticDir: dist });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
    rmSync(dist, { recursive: true, force: true });
  });
  const get = (url: string, accept = 'text/html') =>
    server.app.inject({ method: 'GET', url, headers: { accept } });

  it('never serves a source map, even one left in dist/', async () => {
    const response = await get('/assets/index-B4x9Kq2z.js.map', '*/*');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('secret');
  });

  it('serves index.html, revalidated on every load', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Feldakte</title>');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    ['/sw.js', 'no-cache'],
    ['/manifest.webmanifest', 'no-cache'],
    ['/assets/index-B4x9Kq2z.js', 'public, max-age=31536000, immutable'],
  ])('%s has Cache-Control %s', async (url, cacheControl) => {
    const response = await get(url, '*/*');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe(cacheControl);
  });

  it.each([
    ['br, gzip', 'br', 'app-C0ffee12.js.br'],
    ['gzip', 'gzip', 'app-C0ffee12.js.gz'],
  ])(
    'sends the prebuilt %s variant of a hashed asset, immutable and varying by encoding',
    async (acceptEncoding, encoding, file) => {
      const response = await server.app.inject({
        method: 'GET',
        url: '/assets/app-C0ffee12.js',
        headers: { accept: '*/*', 'accept-encoding': acceptEncoding },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.rawPayload.equals(readFileSync(join(dist, 'assets', file)))).toBe(true);
    },
  );

  it('keeps sw.js revalidated when its brotli variant is sent', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/sw.js',
      headers: { accept: '*/*', 'accept-encoding': 'br' },
    });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('sends the plain file to a client that accepts no encoding', async () => {
    const response = await get('/assets/app-C0ffee12.js', '*/*');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(appScript);
  });

  it('answers a navigation to an app route with index.html (offline-capable SPA)', async () => {
    const response = await get('/faelle/0193a0f0-0000-7000-8000-000000000000');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('<title>Feldakte</title>');
  });

  it('answers a missing file or API route with a German 404, never with the app', async () => {
    for (const [url, accept] of [
      ['/assets/missing-12345678.js', '*/*'],
      ['/api/nothing', 'text/html'],
    ] as const) {
      const response = await get(url, accept);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: 'not_found',
        code: 'server.api.notFound',
        message: 'Diese Adresse gibt es nicht.',
      });
    }
  });

  it('sends security headers on every response and never lets an API answer be cached', async () => {
    for (const url of ['/', '/api/session']) {
      const response = await get(url);
      expect(response.headers).toMatchObject({
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
    }
    expect((await get('/api/session')).headers['cache-control']).toBe('no-store');
  });

  it('without a built app only /api is served', async () => {
    const bare = await startTestServer({ store, keepStore: true, staticDir: join(dist, 'nope') });
    try {
      expect(
        (await bare.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } }))
          .statusCode,
      ).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
