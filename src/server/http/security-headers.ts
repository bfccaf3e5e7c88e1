// Headers on every response, and the cross-site guard on every state-changing request (issue 22
// item 8, [S6]).
//
// Headers through @fastify/helmet: a CSP without inline script (the built app has none: one module
// script, the service worker and its chunks, all from 'self'), no framing, no referrer, and a
// Permissions-Policy that grants only what the app uses (WebAuthn for the hardware unlock [K10]).
// API answers carry case data: no cache (browser, proxy or service worker) may keep them.
//
// Cross-site guard, the rule of Go's CrossOriginProtection: a POST/PUT/PATCH/DELETE whose
// `Sec-Fetch-Site` is anything but `same-origin` or `none`, or (without that header) whose `Origin`
// is not this server's own, is answered 403 `cross_site` before any route reads it, so nothing
// changes. A request with neither header is not a browser's (the admin CLI, curl, a monitor) and is
// judged by its credentials alone. SameSite=Strict on the cookie already keeps other sites' requests
// unauthenticated; this also stops a sibling subdomain (same site, other origin) and a browser
// that ignores SameSite.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import { HttpError, messages } from './api-error';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  // A PDF document is shown from its own decrypted blob: URL in a frame (issue 25); no other frame.
  frameSrc: ['blob:'],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Every powerful feature off, except WebAuthn for this origin (the hardware unlock, [K10]). */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-create=(self)',
  'publickey-credentials-get=(self)',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a request is refused as cross-site, or undefined when it may go on. */
export function crossSiteRefusal(request: FastifyRequest): string | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) {
    return site === 'same-origin' || site === 'none' ? undefined : `sec-fetch-site ${site}`;
  }
  const origin = request.headers.origin;
  if (origin === undefined) return undefined;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return 'origin unreadable';
  }
  return host !== '' && host === request.host ? undefined : 'origin foreign';
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    // Sent only over https (below): over plain http a browser ignores it anyway.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000');
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    if (crossSiteRefusal(request)) throw new HttpError(403, 'cross_site', messages.crossSite);
  });
}
