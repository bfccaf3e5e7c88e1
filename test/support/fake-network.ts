// A deterministic network between device engines and the server, at the level of `fetch`: the
// engines use the real fetch transport, the server is the real app via inject(). Requests wait in
// a queue until the test delivers them; a seeded random decides which one goes next and whether
// the request is lost, its answer is lost, or it arrives twice (the copy much later). A
// partitioned device gets no connection at all. Bodies travel as bytes with the headers the
// transport set (a push over 8 KB is gzipped, with its content-encoding), and answers come back as
// a browser's fetch gives them: compressed on the wire (Accept-Encoding), decoded, headers kept.
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Random } from './seeded-random';

export interface Faults {
  /** The request never reaches the server. */
  dropRequest: number;
  /** The server handles the request, its answer is lost. */
  dropResponse: number;
  /** A copy of the request is kept and delivered again later (answer discarded). */
  duplicate: number;
}

export const RELIABLE: Faults = { dropRequest: 0, dropResponse: 0, duplicate: 0 };

interface InFlight {
  from: string;
  url: string;
  /** The request body as the browser would send it: bytes. */
  body: Buffer;
  /** The request headers the caller set (lower-case names), as the browser would send them. */
  headers: Record<string, string>;
  cookie: string;
  /** null for a late copy: nobody waits for its answer. */
  resolve: ((response: Response) => void) | null;
  reject: ((error: Error) => void) | null;
}

export interface NetworkStats {
  delivered: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicates: number;
  /** Requests sent with a compressed body (content-encoding), e.g. pushes over 8 KB. */
  compressedRequests: number;
}

export class FakeNetwork {
  private queue: InFlight[] = [];
  private partitioned = new Set<string>();
  private faults: Faults = RELIABLE;
  /** Deliver at once instead of queueing (before the faults start and after healing). */
  private immediate = true;
  readonly stats: NetworkStats = {
    delivered: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    duplicates: 0,
    compressedRequests: 0,
  };
  /** Called whenever a request starts waiting in the queue (the test's driver wakes up). */
  onQueued: () => void = () => {};

  constructor(
    private readonly app: FastifyInstance,
    private readonly random: Random,
  ) {}

  /** From now on requests wait in the queue, and `step()` applies these faults. */
  disturb(faults: Faults): void {
    this.faults = faults;
    this.immediate = false;
  }

  /** A `fetch` for one device, sending its session cookie (as the browser would). */
  fetchFor(device: string, cookie: () => string): typeof fetch {
    return ((url: string | URL | Request, init?: RequestInit) => {
      if (this.partitioned.has(device)) {
        return Promise.reject(new TypeError('Failed to fetch (partitioned)'));
      }
      return bodyBytes(init?.body).then(
        (body) =>
          new Promise<Response>((resolve, reject) => {
            const headers = Object.fromEntries(new Headers(init?.headers).entries());
            if (headers['content-encoding']) this.stats.compressedRequests += 1;
            const message: InFlight = {
              from: device,
              url: String(url),
              body,
              headers,
              cookie: cookie(),
              resolve,
              reject,
            };
            if (this.immediate) {
              void this.deliver(message, RELIABLE);
            } else {
              this.queue.push(message);
              this.onQueued();
            }
          }),
      );
    }) as typeof fetch;
  }

  /** Whether `device` has a request waiting in the network. */
  isWaiting(device: string): boolean {
    return this.queue.some((message) => message.from === device && message.resolve !== null);
  }

  get pending(): number {
    return this.queue.length;
  }

  isPartitioned(device: string): boolean {
    return this.partitioned.has(device);
  }

  /**
   * A request the person waits for online (an erasure): reaches the server at once and reliably,
   * or, for a device that is cut off, not at all (null: "keine Verbindung").
   */
  async sendNow(
    device: string,
    cookie: string,
    url: string,
    body: unknown,
  ): Promise<{ status: number; body: unknown } | null> {
    if (this.partitioned.has(device)) return null;
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', cookie },
      payload: JSON.stringify(body),
    });
    this.stats.delivered += 1;
    return { status: response.statusCode, body: response.json() as unknown };
  }

  partition(device: string, cut: boolean): void {
    if (cut) this.partitioned.add(device);
    else this.partitioned.delete(device);
  }

  /** Delivers (or loses) one queued message, chosen at random: later ones may overtake. */
  async step(): Promise<void> {
    if (this.queue.length === 0) return;
    const [message] = this.queue.splice(this.random.int(this.queue.length), 1);
    if (message!.resolve && this.partitioned.has(message!.from)) {
      message!.reject!(new TypeError('Failed to fetch (partitioned)'));
      return;
    }
    await this.deliver(message!, this.faults);
  }

  /** No more faults or partitions; queued messages (late copies included) are delivered now. */
  async heal(): Promise<void> {
    this.faults = RELIABLE;
    this.partitioned.clear();
    this.immediate = true;
    while (this.queue.length > 0) await this.deliver(this.queue.shift()!, RELIABLE);
  }

  private async deliver(message: InFlight, faults: Faults): Promise<void> {
    if (message.resolve && this.random.chance(faults.dropRequest)) {
      this.stats.droppedRequests += 1;
      message.reject!(new TypeError('Failed to fetch (request lost)'));
      return;
    }
    if (message.resolve && this.random.chance(faults.duplicate)) {
      this.stats.duplicates += 1;
      this.queue.push({ ...message, resolve: null, reject: null });
    }
    const response = await this.app.inject({
      method: 'POST',
      url: message.url,
      headers: { ...message.headers, 'accept-encoding': BROWSER_ENCODINGS, cookie: message.cookie },
      payload: message.body,
    });
    this.stats.delivered += 1;
    if (!message.resolve) return;
    if (this.random.chance(faults.dropResponse)) {
      this.stats.droppedResponses += 1;
      message.reject!(new TypeError('Failed to fetch (response lost)'));
      return;
    }
    message.resolve(asFetchResponse(response));
  }
}

/** What Chromium sends; the server answers with brotli or gzip (src/server/http/compression.ts). */
const BROWSER_ENCODINGS = 'gzip, deflate, br';

/** A request body as the bytes fetch would send: text as UTF-8, buffers and blobs as they are. */
async function bodyBytes(body: BodyInit | null | undefined): Promise<Buffer> {
  if (body === null || body === undefined) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Blob) return Buffer.from(await body.arrayBuffer());
  throw new TypeError(`The fake network cannot send a ${Object.prototype.toString.call(body)}`);
}

/**
 * The answer as fetch hands it to the page: every header kept ([E5] pull heads included), the body
 * decoded from its content-encoding as the browser does, and the encoding and length of the
 * compressed body dropped with it (they no longer describe the bytes).
 */
function asFetchResponse(response: LightMyRequestResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined || name === 'content-length' || name === 'content-encoding') continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, String(one));
  }
  const raw = response.rawPayload;
  const encoding = String(response.headers['content-encoding'] ?? '').trim();
  const body =
    encoding === 'br'
      ? brotliDecompressSync(raw)
      : encoding === 'gzip'
        ? gunzipSync(raw)
        : encoding === 'deflate'
          ? inflateSync(raw)
          : raw;
  const empty = response.statusCode === 204 || response.statusCode === 304;
  return new Response(empty ? null : new Uint8Array(body), {
    status: response.statusCode,
    headers,
  });
}
