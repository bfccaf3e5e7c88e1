// The phone's end of the poke channel ([N1], [N4]): one Server-Sent Events stream, read with fetch
// (its status tells a refusal from a lost connection, which EventSource cannot), that says "pull
// now" and nothing else. The scheduler opens it while the app is visible and online and closes it
// otherwise; it is only a hint, the scheduled syncs go on without it. A stream that never shows its
// first bytes (a proxy that buffers it), breaks, or falls silent beyond two heartbeats is dropped
// and tried again later with a growing delay.
import { POKE_EVENT, POKE_HEARTBEAT_MS, POKE_PATH } from '../../../shared/sync/poke-protocol';
import { backoffCeiling } from '../../../local/sync/backoff';

export interface PokeHandlers {
  /** "Pull now": the team's records reached `version` (null: pull whatever the cursor). */
  onPoke(version: number | null): void;
  /** The stream is open; `resumed` after one that broke, when pokes may have been missed. */
  onOpen(resumed: boolean): void;
  /** The server refused the stream (signed out, revoked, another role): the channel stops. */
  onRefused(): void;
}

export interface PokeChannelOptions extends PokeHandlers {
  fetch?: typeof fetch;
  /** The stream's first bytes must come within this, or it is taken for buffered. */
  firstBytesMs?: number;
  /** Silence beyond this (the server writes every POKE_HEARTBEAT_MS) means a dead connection. */
  silenceMs?: number;
  /** The wait before attempt `failures + 1` (1-based count of failures in a row). */
  retryDelayMs?: (failures: number) => number;
}

export interface PokeChannel {
  close(): void;
}

export const FIRST_BYTES_MS = 10_000;
export const SILENCE_MS = 2 * POKE_HEARTBEAT_MS + 10_000;
/** A channel that lived this long counts as working: the next failure starts the delays anew. */
const WORKED_MS = 60_000;
const RETRY_BASE_MS = 5_000;

/** Between half and all of a ceiling that doubles from 5 s up to 5 min. */
function defaultRetryDelay(failures: number): number {
  const ceiling = backoffCeiling(failures, { baseMs: RETRY_BASE_MS });
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

const REFUSED = new Set([401, 403, 426]);

export function openPokeChannel(options: PokeChannelOptions): PokeChannel {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const firstBytesMs = options.firstBytesMs ?? FIRST_BYTES_MS;
  const silenceMs = options.silenceMs ?? SILENCE_MS;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelay;
  let closed = false;
  let failures = 0;
  let everOpen = false;
  let controller: AbortController | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    clearTimeout(watchdog);
    clearTimeout(retry);
    controller?.abort();
  };

  async function connect(): Promise<void> {
    controller = new AbortController();
    const { signal } = controller;
    const abort = () => controller?.abort();
    clearTimeout(watchdog);
    watchdog = setTimeout(abort, firstBytesMs);
    let openedAt = 0;
    try {
      const response = await doFetch(POKE_PATH, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { accept: 'text/event-stream' },
        signal,
      });
      if (REFUSED.has(response.status)) {
        void response.body?.cancel().catch(() => undefined);
        closed = true;
        stop();
        options.onRefused();
        return;
      }
      // A captive portal or an older server answers something else: not a channel.
      const type = response.headers.get('content-type') ?? '';
      if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
        void response.body?.cancel().catch(() => undefined);
        throw new Error('no stream');
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done || closed) break;
        clearTimeout(watchdog);
        watchdog = setTimeout(abort, silenceMs);
        if (!openedAt) {
          openedAt = Date.now();
          options.onOpen(everOpen);
          everOpen = true;
        }
        buffer += value;
        let end: number;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
          const poke = parsePoke(block);
          if (poke !== undefined) options.onPoke(poke);
        }
      }
    } catch {
      // Offline, aborted by the watchdog or by close(): the same for the channel.
    }
    clearTimeout(watchdog);
    if (closed) return;
    failures = openedAt && Date.now() - openedAt >= WORKED_MS ? 1 : failures + 1;
    retry = setTimeout(() => void connect(), retryDelayMs(failures));
  }

  void connect();
  return {
    close() {
      closed = true;
      stop();
    },
  };
}

/** A `pull` event's version (null when it names none); undefined for anything else. */
export function parsePoke(block: string): number | null | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (event !== POKE_EVENT || data.length === 0) return undefined;
  try {
    const parsed = JSON.parse(data.join('\n')) as { version?: unknown } | null;
    return typeof parsed?.version === 'number' ? parsed.version : null;
  } catch {
    return null;
  }
}
