// The phone's end of the poke channel ([N1], [N4]) and how the scheduler uses it: a poke for a
// version the device has not pulled syncs at once, one it has does not; the channel is open only
// while the app is visible and online; a refused channel makes the sync find out why; a broken
// or buffered one is tried again later, and what it missed is caught up once it is back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  openPokeChannel,
  parsePoke,
  type PokeChannel,
  type PokeHandlers,
} from '../../../src/client/features/sync/poke-channel';
import {
  startSyncScheduler,
  type SyncScheduler,
} from '../../../src/client/features/sync/sync-scheduler';
import type { SyncResult } from '../../../src/local/sync/sync-engine';
import type { FeldakteDb } from '../../../src/local/db';
import { setMeta } from '../../../src/local/meta';
import { freshDb } from '../../support/sync-fixtures';

const ok = (): SyncResult => ({
  ok: true,
  at: new Date().toISOString(),
  pushed: 0,
  rejected: 0,
  pulled: 0,
});

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** A stream the test writes into, served as the answer of a fake fetch. */
function serverStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream; charset=utf-8' },
    }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    /** As fetch does: aborting the request breaks its body. */
    abortWith: (signal: AbortSignal | null | undefined) =>
      signal?.addEventListener('abort', () => controller.error(new Error('aborted'))),
  };
}

/** A fetch that answers with the given streams in turn. */
function fetchOf(...streams: ReturnType<typeof serverStream>[]) {
  return vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const stream = streams.shift()!;
    stream.abortWith(init?.signal);
    return stream.response;
  });
}

describe('[N1] parsing the stream', () => {
  it('reads a pull event with or without a version, and nothing else', () => {
    expect(parsePoke('event: pull\ndata: {"version":42}')).toBe(42);
    expect(parsePoke('event: pull\ndata: {}')).toBeNull();
    expect(parsePoke('event:pull\r\ndata:{"version":7}')).toBe(7);
    expect(parsePoke(':ok')).toBeUndefined();
    expect(parsePoke('retry: 10000\n:ok')).toBeUndefined();
    expect(parsePoke('event: other\ndata: {"version":1}')).toBeUndefined();
    expect(parsePoke('data: {"version":1}')).toBeUndefined();
  });
});

describe('[N1][N4] the channel', () => {
  let channel: PokeChannel | undefined;
  afterEach(() => channel?.close());

  function handlers() {
    return {
      onPoke: vi.fn<PokeHandlers['onPoke']>(),
      onOpen: vi.fn<PokeHandlers['onOpen']>(),
      onRefused: vi.fn<PokeHandlers['onRefused']>(),
    };
  }

  it('reports the pokes of a stream, also when an event is split between reads', async () => {
    const stream = serverStream();
    const on = handlers();
    channel = openPokeChannel({ ...on, fetch: fetchOf(stream) });
    stream.write('retry: 10000\n:ok\n\n');
    await vi.waitFor(() => expect(on.onOpen).toHaveBeenCalledWith(false));
    stream.write('event: pull\ndata: {"vers');
    stream.write('ion":12}\n\n:\n\nevent: pull\ndata: {}\n\n');
    await vi.waitFor(() => expect(on.onPoke.mock.calls).toEqual([[12], [null]]));
    expect(on.onRefused).not.toHaveBeenCalled();
  });

  it('stops for good when the server refuses it', async () => {
    const on = handlers();
    const fetch = vi.fn(async () => new Response('{"error":"device_revoked"}', { status: 401 }));
    const retryDelayMs = vi.fn(() => 1);
    channel = openPokeChannel({ ...on, fetch, retryDelayMs });
    await vi.waitFor(() => expect(on.onRefused).toHaveBeenCalledTimes(1));
    // A refusal plans no further attempt.
    expect(retryDelayMs).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('opens again after the stream broke, and says it resumed', async () => {
    const first = serverStream();
    const second = serverStream();
    const on = handlers();
    const retryDelayMs = vi.fn(() => 1);
    channel = openPokeChannel({ ...on, fetch: fetchOf(first, second), retryDelayMs });
    first.write(':ok\n\n');
    await vi.waitFor(() => expect(on.onOpen).toHaveBeenCalledWith(false));
    first.end();
    second.write(':ok\n\n');
    await vi.waitFor(() => expect(on.onOpen).toHaveBeenLastCalledWith(true));
    expect(retryDelayMs).toHaveBeenCalledWith(1);
  });

  it('gives up on a stream that shows no bytes (a buffering proxy) and tries later', async () => {
    const held = serverStream();
    const later = serverStream();
    const on = handlers();
    // The second stream has its first bytes waiting.
    later.write(':ok\n\n');
    const fetch = fetchOf(held, later);
    channel = openPokeChannel({ ...on, fetch, firstBytesMs: 20, retryDelayMs: () => 1 });
    await vi.waitFor(() => expect(on.onOpen).toHaveBeenCalledTimes(1));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('is not a channel when the answer is no event stream (captive portal)', async () => {
    const on = handlers();
    const fetch = vi.fn(
      async () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } }),
    );
    channel = openPokeChannel({ ...on, fetch, retryDelayMs: () => 1 });
    await vi.waitFor(() => expect(fetch.mock.calls.length).toBeGreaterThanOrEqual(2));
    expect(on.onOpen).not.toHaveBeenCalled();
  });
});

describe('[N1]-[N4] the scheduler and the poke channel', () => {
  let db: FeldakteDb;
  let scheduler: SyncScheduler | undefined;
  let opened: { handlers: PokeHandlers; closed: boolean }[];

  beforeEach(() => {
    db = freshDb('poke-scheduler');
    opened = [];
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
  afterEach(() => {
    scheduler?.stop();
    db.close();
  });

  const pokes = (handlers: PokeHandlers) => {
    const entry = { handlers, closed: false };
    opened.push(entry);
    return { close: () => void (entry.closed = true) };
  };
  const current = () => opened.at(-1)!;

  async function start(run: () => Promise<SyncResult>) {
    // A device that has pulled up to version 10; its start sync waits (the test syncs itself).
    await setMeta(db, 'cursor', 10);
    scheduler = startSyncScheduler({ db, run, intervalMs: 60_000, startDelayMs: 60_000, pokes });
  }

  it('holds the channel while visible and online, closes it in the background and when stopped', async () => {
    const run = vi.fn(async () => ok());
    await start(run);
    expect(opened).toHaveLength(1);
    setVisibility('hidden');
    expect(current().closed).toBe(true);
    setVisibility('visible');
    expect(opened).toHaveLength(2);
    window.dispatchEvent(new Event('offline'));
    expect(current().closed).toBe(true);
    window.dispatchEvent(new Event('online'));
    expect(opened).toHaveLength(3);
    scheduler!.stop();
    expect(current().closed).toBe(true);
    expect(opened).toHaveLength(3);
  });

  it('[N2] a poke for a version ahead of the cursor syncs; one it has reached does not', async () => {
    const run = vi.fn(async () => ok());
    await start(run);
    await scheduler!.poke(10);
    await scheduler!.poke(9);
    expect(run).not.toHaveBeenCalled();
    await scheduler!.poke(11);
    expect(run).toHaveBeenCalledTimes(1);
  });

  /** A run that waits for the test, then has pulled up to `cursor`. */
  function heldRun(cursor: number) {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = vi.fn(async () => {
      if (run.mock.calls.length === 1) {
        await gate;
        await setMeta(db, 'cursor', cursor);
      }
      return ok();
    });
    return { run, release };
  }

  it('[N2] a poke during a sync whose pull reached its version adds no sync (the own push)', async () => {
    const { run, release } = heldRun(12);
    await start(run);
    const first = scheduler!.syncNow();
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    await scheduler!.poke(12);
    release();
    // A follow-up would be part of the same run: the sync settles after it.
    await first;
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('[N2] a poke during a sync for a version beyond its pull syncs once more', async () => {
    const { run, release } = heldRun(12);
    await start(run);
    const first = scheduler!.syncNow();
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    await scheduler!.poke(13);
    release();
    await first;
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("[N3] a poke without a version syncs whatever the cursor, as the channel's pokes do", async () => {
    const run = vi.fn(async () => ok());
    await start(run);
    await scheduler!.poke(null);
    expect(run).toHaveBeenCalledTimes(1);
    current().handlers.onPoke(11);
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(2));
  });

  it('[N3] a refused channel syncs, so the engine learns why (and wipes when revoked)', async () => {
    const run = vi.fn(async () => ok());
    await start(run);
    current().handlers.onRefused();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('[N4] a channel back after a break catches up; its first opening does not', async () => {
    const run = vi.fn(async () => ok());
    await start(run);
    current().handlers.onOpen(false);
    expect(run).not.toHaveBeenCalled();
    current().handlers.onOpen(true);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
