// Fetches the report of a period (an ended session is handled by the request helper). The answer
// lives in component state only: nothing is written to the device.
import { useEffect, useState } from 'preact/hooks';
import type { ReportPeriod, ReportSummary } from '../../shared/reports/report';
import { onlineRequest } from '../features/session/online-request';

export type ReportState =
  | { kind: 'loading' }
  | { kind: 'ok'; report: ReportSummary }
  | { kind: 'offline' }
  | { kind: 'refused'; message: string }
  | { kind: 'server' };

export function useReport(period: ReportPeriod): ReportState {
  const [state, setState] = useState<ReportState>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    const query = new URLSearchParams({ from: period.from, to: period.to });
    void onlineRequest<ReportSummary>('GET', `/api/reports/summary?${query}`).then((outcome) => {
      if (cancelled) return;
      if (outcome.ok) setState({ kind: 'ok', report: outcome.value });
      else if (outcome.kind === 'offline') setState({ kind: 'offline' });
      else if (outcome.kind === 'server') setState({ kind: 'server' });
      else if (outcome.message) setState({ kind: 'refused', message: outcome.message });
      else setState({ kind: 'server' });
    });
    return () => {
      cancelled = true;
    };
  }, [period]);
  return state;
}
