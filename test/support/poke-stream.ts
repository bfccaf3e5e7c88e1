// A phone's poke channel as Node sees it ([N1]): GET /api/sync/poke with the session cookie, read as
// Server-Sent Events. Used by the poke tests and the propagation and server-load benches.
import { POKE_PATH } from '../../src/shared/sync/poke-protocol';

export interface PokeEvent {
  event: string;
  data: string;
}

export interface PokeStream {
  status: number;
  headers: Headers;
  /** The next event (comments are skipped); rejects when the stream ends or after `timeoutMs`. */
  next(timeoutMs?: number): Promise<PokeEvent>;
  /** Resolves when the server ended the stream. */
  readonly ended: Promise<void>;
  close(): void;
  /** The comment lines seen so far (":ok", heartbeats). */
  comments: string[];
}

export async function openPokeStream(
  baseUrl: string,
  cookie: string | undefined,
  headers: Record<string, string> = {},
): Promise<PokeStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${POKE_PATH}`, {
    headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}), ...headers },
    signal: controller.signal,
  });
  const events: PokeEvent[] = [];
  const comments: string[] = [];
  const waiting: ((error?: Error) => void)[] = [];
  let done = false;
  const wake = (error?: Error) => {
    for (const resolve of waiting.splice(0)) resolve(error);
  };
  let markEnded: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  void (async () => {
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            else if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length) events.push({ event, data: data.join('\n') });
        }
        wake();
      }
    } catch {
      // Aborted by close().
    } finally {
      done = true;
      markEnded();
      wake(new Error('stream ended'));
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    comments,
    ended,
    async next(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length === 0) {
        if (done) throw new Error('stream ended');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no poke within the time');
        const error = await new Promise<Error | undefined>((resolve) => {
          const timer = setTimeout(() => resolve(undefined), left);
          waiting.push((failure) => {
            clearTimeout(timer);
            resolve(failure);
          });
        });
        if (error && events.length === 0) throw error;
      }
      return events.shift()!;
    },
    close() {
      controller.abort();
    },
  };
}
