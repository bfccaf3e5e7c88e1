// Compressed answers and request bodies. A first sync is ~11 MB of JSON uncompressed; on a slow
// mobile network in a shelter that alone took minutes. Responses are negotiated by Accept-Encoding
// (brotli, then gzip); push bodies may arrive gzip-compressed (Content-Encoding), which the phone
// uses for large pushes. Static files come precompressed from the build (static-files.ts), and
// @fastify/compress leaves an answer alone that already has a Content-Encoding.
//
// BREACH does not apply: the bodies carry no secret an attacker could probe by reflection (the
// session lives in an HttpOnly SameSite=Strict cookie, never in a body).
import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    // Small answers (a push result, the session) gain nothing from compression.
    threshold: 1024,
    // Quality 5 is within a few per cent of 11 on JSON at a fraction of the CPU: the server
    // compresses every pull page on the fly, 50 phones at once.
    brotliOptions: {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: 5,
      },
    },
    zlibOptions: { level: 6 },
    requestEncodings: ['gzip', 'br'],
    // Fastify's bodyLimit counts the decompressed bytes, so a small compressed bomb is still
    // refused with 413 before it is parsed. Unknown or broken encodings become German 415/400
    // answers in app.ts (clientError).
  });
}
