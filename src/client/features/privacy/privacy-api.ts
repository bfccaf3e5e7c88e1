// The privacy endpoints of the server (issue 12). Online actions through the one request helper:
// every outcome is a value the screen can show in German; an ended session is handled there.
import type { HistoryEntry } from '../../../shared/sync/protocol';
import { onlineRequest as call, type OnlineOutcome } from '../session/online-request';

export type ApiOutcome<T> = OnlineOutcome<T>;

export type { HistoryEntry };

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
