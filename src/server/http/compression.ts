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
    // Quality 4: the server compresses every pull page on the fly, 50 phones at once. On a first
    // sync's 744 KB page quality 5 took ~24 ms and 4 takes ~7 ms for ~4 % more bytes (round 4
    // measurement); the page waits for it, the slow-network budget has room for the bytes.
    brotliOptions: {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: 4,
      },
    },
    zlibOptions: { level: 6 },
    // Answers up to 64 KB (a pull page of ~200 changes) are compressed in one synchronous call
    // instead of through a zlib stream on the threadpool. On our 2-core servers (PostgreSQL on
    // the same cores) the stream costs ~5x the CPU for an 11 KB pull page (515 vs 107 us: context
    // and stream per answer) and buys no parallelism; 64 KB holds the event loop ~0.6 ms. The
    // library's default shrinks to 8 KB on 2 cores. Larger answers still stream.
    syncThreshold: 64 * 1024,
    requestEncodings: ['gzip', 'br'],
    // Fastify's bodyLimit counts the decompressed bytes, so a small compressed bomb is still
    // refused with 413 before it is parsed. Unknown or broken encodings become German 415/400
    // answers in app.ts (clientError).
  });
}
