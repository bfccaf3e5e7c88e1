// The periods a report is asked for: a calendar month, quarter, half-year or year, the only ones
// the server publishes (src/shared/reports/report.ts). Pure, so the picker and its tests share it.
import { fixedPeriod, type ReportPeriod } from '../../shared/reports/report';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface PeriodChoice {
  kind: PeriodKind;
  /** YYYY-MM for a month. */
  month: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  half: 1 | 2;
}

export function periodOf(choice: PeriodChoice): ReportPeriod {
  switch (choice.kind) {
    case 'month': {
      const [y, m] = choice.month.split('-').map(Number) as [number, number];
      return fixedPeriod('month', y, m);
    }
    case 'quarter':
      return fixedPeriod('quarter', choice.year, (choice.quarter - 1) * 3 + 1);
    case 'half':
      return fixedPeriod('half', choice.year, choice.half === 1 ? 1 : 7);
    case 'year':
      return fixedPeriod('year', choice.year, 1);
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
    half: month <= 6 ? 1 : 2,
  };
}
