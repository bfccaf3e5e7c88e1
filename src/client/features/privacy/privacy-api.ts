// The privacy endpoints of the server (issue 12). Online actions: every outcome is a value the
// screen can show in German; nothing here throws for a network or server failure.
import type { CaseHistoryRow } from '../../../local/db';

export type ApiOutcome<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      kind: 'offline' | 'signedOut' | 'notFound' | 'invalid' | 'server';
      message?: string;
    };

const TIMEOUT_MS = 20_000;

export type HistoryEntry = CaseHistoryRow['entries'][number];

export interface CaseExport {
  format: string;
  exportedAt: string;
  exportedBy: string;
  team: string;
  case: Record<string, unknown> & { id: string };
  records: Record<string, (Record<string, unknown> & { id: string })[]>;
  partners: { id: string; name: string }[];
  history: HistoryEntry[];
  retention: {
    retainUntil: string | null;
    extensions: { at: string; until: string; previousUntil: string | null; reason: string }[];
  };
}

export function fetchCaseExport(caseId: string): Promise<ApiOutcome<CaseExport>> {
  return call('GET', `/api/cases/${caseId}/export`);
}

export function fetchCaseHistory(
  caseId: string,
): Promise<ApiOutcome<{ caseId: string; entries: HistoryEntry[] }>> {
  return call('GET', `/api/cases/${caseId}/history`);
}

export function eraseCaseOnServer(
  caseId: string,
  reason: string,
): Promise<ApiOutcome<{ erased: number }>> {
  return call('POST', `/api/cases/${caseId}/erase`, { reason });
}

export function extendRetentionOnServer(
  caseId: string,
  until: string,
  reason: string,
): Promise<ApiOutcome<{ retainUntil: string }>> {
  return call('POST', `/api/cases/${caseId}/retention`, { until, reason });
}

async function call<T>(
  method: 'GET' | 'POST',
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
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: controller.signal,
    });
  } catch {
    return { ok: false, kind: 'offline' };
  } finally {
    clearTimeout(timer);
  }
  const payload = (await response.json().catch(() => null)) as (T & { message?: unknown }) | null;
  const message = typeof payload?.message === 'string' ? payload.message : undefined;
  const withMessage = message ? { message } : {};
  if (response.status === 401) return { ok: false, kind: 'signedOut', ...withMessage };
  if (response.status === 404) return { ok: false, kind: 'notFound', ...withMessage };
  if (response.status === 400) return { ok: false, kind: 'invalid', ...withMessage };
  // A 200 without our JSON is a captive portal's page: for the person, no connection.
  if (!response.ok) return { ok: false, kind: 'server', ...withMessage };
  if (!payload || typeof payload !== 'object') return { ok: false, kind: 'offline' };
  return { ok: true, value: payload };
}
