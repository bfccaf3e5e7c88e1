// Serves the built PWA from one origin with /api. Navigations that match no file get index.html
// (client-side routes); hashed assets are immutable; sw.js and index.html are revalidated on every
// load, so a new version is noticed at once.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiError, messages } from './api-error';

const HASHED_ASSET = /[-.][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|webp|jpg)$/;

export async function registerStaticFiles(
  app: FastifyInstance,
  staticDir: string | undefined,
): Promise<void> {
  const servesApp = staticDir !== undefined && existsSync(`${staticDir}/index.html`);
  if (servesApp) {
    await app.register(fastifyStatic, {
      root: staticDir,
      // The build writes .br and .gz beside every text asset (vite.config.ts); the best one the
      // browser accepts is sent as is, with Vary: Accept-Encoding.
      preCompressed: true,
      cacheControl: false,
      // Source maps are not built for production; one left in dist/ is still never served.
      allowedPath: (pathName: string) => !pathName.endsWith('.map'),
      setHeaders(reply, path) {
        reply.header('Cache-Control', cacheControlFor(path));
      },
    });
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (servesApp && isNavigation(request)) {
      return reply
        .header('Cache-Control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    }
    return reply.code(404).send(apiError('not_found', messages.notFound));
  });
}

function cacheControlFor(path: string): string {
  // A precompressed variant (x.js.br) is cached like the file it stands for.
  const name = basename(path).replace(/\.(br|gz)$/, '');
  if (name === 'sw.js' || name.endsWith('.html') || name.endsWith('.webmanifest'))
    return 'no-cache';
  if (path.includes('/assets/') && HASHED_ASSET.test(name))
    return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

function isNavigation(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.url === '/api' || request.url.startsWith('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}
