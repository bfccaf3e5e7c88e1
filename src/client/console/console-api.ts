// Requests of the console. Every outcome is a value the screen can show in German; nothing is
// cached or stored on the device (no-store), so the console keeps no data once closed.
export type ApiOutcome<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'offline' }
  | { kind: 'unauthorized' }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'server' };

const TIMEOUT_MS = 20_000;

export async function consoleRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<ApiOutcome<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: controller.signal,
    });
  } catch {
    return { kind: 'offline' };
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 401) return { kind: 'unauthorized' };
  const payload = (await response.json().catch(() => null)) as unknown;
  if (response.status >= 400 && response.status < 500) {
    const message =
      payload && typeof payload === 'object' && 'message' in payload
        ? String((payload as { message: unknown }).message)
        : '';
    return { kind: 'refused', status: response.status, message };
  }
  if (!response.ok) return { kind: 'server' };
  // A captive portal's page is not our server: for the person, no connection.
  if (payload === null) return { kind: 'offline' };
  return { kind: 'ok', data: payload as T };
}
