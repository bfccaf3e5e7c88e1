// The periods a report is asked for: a month, a quarter, a year, or from/to. Pure, so the
// picker and its tests share it.
import type { ReportPeriod } from '../../shared/reports/report';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface PeriodChoice {
  kind: PeriodKind;
  /** YYYY-MM for a month. */
  month: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  from: string;
  to: string;
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function periodOf(choice: PeriodChoice): ReportPeriod {
  switch (choice.kind) {
    case 'month': {
      const [y, m] = choice.month.split('-').map(Number) as [number, number];
      return { from: `${choice.month}-01`, to: lastDayOfMonth(y, m) };
    }
    case 'quarter': {
      const first = (choice.quarter - 1) * 3 + 1;
      return {
        from: `${choice.year}-${String(first).padStart(2, '0')}-01`,
        to: lastDayOfMonth(choice.year, first + 2),
      };
    }
    case 'year':
      return { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` };
    case 'custom':
      return { from: choice.from, to: choice.to };
  }
}

/** Today on this device's calendar, YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The starting choice: the current year. */
export function defaultChoice(today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return {
    kind: 'year',
    month: today.slice(0, 7),
    year,
    quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4,
    from: `${year}-01-01`,
    to: today,
  };
}
