// Hybrid logical clock, written as `<ISO-8601 UTC with ms>-<4 hex counter>-<clientId>` so that
// plain string comparison orders clocks (SPEC [C1]). ISO years stay four digits until 9999.

export interface Hlc {
  ms: number;
  counter: number;
  node: string;
}

export const HLC_PATTERN =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([A-Za-z0-9-]{1,64})$/;

/** Longest well-formed clock: 24 (date) + 1 + 4 (counter) + 1 + 64 (node). */
export const HLC_MAX_LENGTH = 94;

/** How far ahead of the server's clock a client clock may run before the server clamps it. */
export const HLC_MAX_DRIFT_MS = 60_000;

const MAX_COUNTER = 0xffff;

export function formatHlc({ ms, counter, node }: Hlc): string {
  return `${new Date(ms).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

/**
 * [C4] A clock is valid only when its date part is a real UTC instant written exactly as
 * `toISOString()` writes it (month 13, 30 February or `9999-99-99T99:99:99.999Z` match the pattern
 * but are no instant: such a clock would compare above every real one and freeze the field).
 */
export function parseHlc(text: string): Hlc | null {
  const match = HLC_PATTERN.exec(text);
  if (!match) return null;
  const ms = Date.parse(match[1]!);
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== match[1]) return null;
  return { ms, counter: parseInt(match[2]!, 16), node: match[3]! };
}

/** The clock for a local event: later than both the wall clock and every clock seen so far. */
export function tickHlc(last: string | null, nowMs: number, node: string): string {
  const previous = last ? parseHlc(last) : null;
  if (!previous || nowMs > previous.ms) return formatHlc({ ms: nowMs, counter: 0, node });
  return formatHlc(bump(previous.ms, previous.counter, node));
}

/** Advance the local clock past a clock received from elsewhere (pull), keeping causality. */
export function receiveHlc(
  last: string | null,
  remote: string,
  nowMs: number,
  node: string,
): string {
  const theirs = parseHlc(remote);
  const ours = last ? parseHlc(last) : null;
  const maxMs = Math.max(nowMs, theirs?.ms ?? 0, ours?.ms ?? 0);
  if (maxMs === nowMs && maxMs !== theirs?.ms && maxMs !== ours?.ms) {
    return formatHlc({ ms: nowMs, counter: 0, node });
  }
  const counter = Math.max(
    theirs && theirs.ms === maxMs ? theirs.counter : -1,
    ours && ours.ms === maxMs ? ours.counter : -1,
  );
  return formatHlc(bump(maxMs, counter, node));
}

/** Server side (SPEC [C3]): a clock too far ahead of the server is pulled back to the limit. */
export function clampHlc(text: string, serverNowMs: number): string {
  const hlc = parseHlc(text);
  if (!hlc) return text;
  const limit = serverNowMs + HLC_MAX_DRIFT_MS;
  if (hlc.ms <= limit) return text;
  return formatHlc({ ms: limit, counter: hlc.counter, node: hlc.node });
}

export function hlcNode(text: string): string | null {
  return parseHlc(text)?.node ?? null;
}

function bump(ms: number, counter: number, node: string): Hlc {
  return counter >= MAX_COUNTER
    ? { ms: ms + 1, counter: 0, node }
    : { ms, counter: counter + 1, node };
}
