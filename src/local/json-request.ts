// The one way the phone and the console ask their own server for JSON outside the sync (the
// sign-in, the privacy pages, the console): same origin, never cached, and a timeout that covers
// the whole answer, body included, so a connection that stalls halfway is "no connection" and not
// a screen that waits for ever. A 2xx answer without a JSON object or array is a captive portal's
// page (a hotel's or a shelter's Wi-Fi sign-in), not our server: that is "no connection" too.
// Callers turn the status and the payload into what their screen says.

export type JsonAnswer =
  | { kind: 'offline' }
  | {
      kind: 'answer';
      status: number;
      ok: boolean;
      /** The parsed body when it was a JSON object or array, else null. */
      payload: Record<string, unknown> | unknown[] | null;
    };

/** Long enough for a sign-in's deliberately slow password hash on a busy server and a slow network. */
export const REQUEST_TIMEOUT_MS = 20_000;

export interface JsonRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export async function requestJson({
  method,
  url,
  body,
  timeoutMs = REQUEST_TIMEOUT_MS,
  fetch: send = fetch,
}: JsonRequest): Promise<JsonAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await send(url, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: controller.signal,
    });
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(await response.text());
    } catch (error) {
      // A body cut off by the timeout or the network is no answer; one that is not JSON is.
      if (controller.signal.aborted || !(error instanceof SyntaxError)) throw error;
    }
    const payload =
      parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
    if (response.ok && payload === null && response.status !== 204) return { kind: 'offline' };
    return { kind: 'answer', status: response.status, ok: response.ok, payload };
  } catch {
    return { kind: 'offline' };
  } finally {
    clearTimeout(timer);
  }
}
