// Fetches the report of a period; a 401 ends the console session. The answer lives in component
// state only: nothing is written to the device.
import { useEffect, useState } from 'preact/hooks';
import type { ReportPeriod, ReportSummary } from '../../shared/reports/report';
import { consoleRequest } from './console-api';
import { sessionEnded } from './session-end';

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
    void consoleRequest<ReportSummary>('GET', `/api/reports/summary?${query}`).then((outcome) => {
      if (cancelled) return;
      if (outcome.kind === 'ok') setState({ kind: 'ok', report: outcome.data });
      else if (outcome.kind === 'unauthorized') sessionEnded();
      else if (outcome.kind === 'refused') setState({ kind: 'refused', message: outcome.message });
      else setState({ kind: outcome.kind });
    });
    return () => {
      cancelled = true;
    };
  }, [period]);
  return state;
}
