// A report period without referrals: "Vermittlungen nach Angebot" lists offers that come with the
// data, so it has no rows at all. The coordinator reads that there were none, in German and
// English, instead of a table of headings alone; no other table of the report is ever empty. Charts
// of nothing but zeros (outcomes, contacts by month) say so too, under their heading.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { ReportView } from '../../../src/client/console/report-page';
import { buildSummary } from '../../../src/server/reports/summary';
import type { ReportCounts } from '../../../src/server/reports/team-report-counts';
import { loadLanguage, setLanguage } from '../../../src/shared/i18n/t';

const team = { id: 'team-1', name: 'Team Nord' };
const period = { from: '2026-01-01', to: '2026-03-31' };
const nothing: ReportCounts = {
  persons: [],
  contacts: [],
  appointments: [],
  conferences: { n: 0, k: 0 },
  referralsOut: [],
  referralsIn: [],
  closing: [],
  needs: [],
  gaps: [],
};

beforeAll(() => loadLanguage('en').then(() => setLanguage('de')));
afterEach(() => {
  cleanup();
  setLanguage('de');
});
afterAll(() => setLanguage('de'));

/** The first title of that name (a chart's comes before its table's) and what follows it. */
function titleAndNext(title: string) {
  const [heading] = screen.getAllByText(title, { exact: true, selector: '.table-title' });
  return heading!.nextElementSibling as HTMLElement;
}

describe('an empty table in the report', () => {
  it.each([
    {
      language: 'de' as const,
      title: 'Vermittlungen nach Angebot',
      says: 'Keine Vermittlungen im Zeitraum.',
    },
    { language: 'en' as const, title: 'Referrals by offer', says: 'No referrals in this period.' },
  ])('says there were no referrals by offer ($language)', ({ language, title, says }) => {
    setLanguage(language);
    render(<ReportView report={buildSummary(team, period, nothing, false)} />);
    expect(screen.queryByRole('table', { name: title })).toBeNull();
    expect(titleAndNext(title).textContent).toBe(says);

    // Every table the report does show has rows of figures under its headings.
    const tables = screen.getAllByRole('table');
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      expect(
        within(table).queryAllByRole('row').length,
        table.getAttribute('aria-labelledby')!,
      ).toBeGreaterThan(1);
      expect(table.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
    }
  });

  it.each([
    {
      language: 'de' as const,
      charts: [
        ['Vermittlungen nach Ergebnis', 'Keine Vermittlungen im Zeitraum.'],
        ['Kontakte nach Kontaktweg und Monat (gestapelt)', 'Keine Kontakte im Zeitraum.'],
      ],
    },
    {
      language: 'en' as const,
      charts: [
        ['Referrals by outcome', 'No referrals in this period.'],
        ['Contacts by channel and month (stacked)', 'No contacts in this period.'],
      ],
    },
  ])(
    'says so instead of a chart of zeros, under its heading ($language)',
    ({ language, charts }) => {
      setLanguage(language);
      render(<ReportView report={buildSummary(team, period, nothing, false)} />);
      for (const [title, says] of charts) {
        expect(screen.queryByRole('img', { name: new RegExp(`^${title}`) })).toBeNull();
        expect(titleAndNext(title!).textContent).toBe(says);
      }
      expect(document.querySelector('svg')).toBeNull();
    },
  );

  it('shows the table as soon as there is a referral', () => {
    const counts = {
      ...nothing,
      referralsOut: [
        { partnerKind: 'vhs', offer: 'Deutschkurs B1', status: 'accepted', n: 8, k: 0 },
      ],
    };
    render(<ReportView report={buildSummary(team, period, counts, false)} />);
    const table = screen.getByRole('table', { name: 'Vermittlungen nach Angebot' });
    expect(within(table).getByRole('row', { name: /Deutschkurs B1/ })).toBeTruthy();
    expect(screen.queryByText('Keine Vermittlungen im Zeitraum.')).toBeNull();
    expect(screen.getByRole('img', { name: /^Vermittlungen nach Ergebnis/ })).toBeTruthy();
  });
});

describe('figures in the report', () => {
  it('draws a month of hidden values hatched with its total, on an axis of whole numbers', () => {
    // 3 phone calls and 2 messages in February: both "<5", the month's total 5 is published.
    const counts = {
      ...nothing,
      contacts: [
        { channel: 'phone', month: '2026-02', n: 3, k: 0 },
        { channel: 'messenger', month: '2026-02', n: 2, k: 0 },
      ],
    };
    render(<ReportView report={buildSummary(team, period, counts, false)} />);
    const chart = screen.getByRole('img', { name: /Kontakte nach Kontaktweg und Monat/ });
    const hatched = chart.querySelectorAll('.chart__bar--hidden');
    expect(hatched).toHaveLength(2);
    for (const bar of hatched) expect(Number(bar.getAttribute('height'))).toBeGreaterThan(0);
    const ticks = [...chart.querySelectorAll('.chart__tick')].map((tick) => tick.textContent!);
    // Whole numbers on the axis, the month's published total (5) above its column.
    expect(ticks.filter((t) => /^\d+$/.test(t)).every((t) => Number.isInteger(Number(t)))).toBe(
      true,
    );
    expect(ticks).not.toContain('0,5');
    expect(ticks).toContain('5');
    // The on-site/remote split is a published table of its own (and so in the CSV).
    const setting = screen.getByRole('table', { name: 'Kontakte vor Ort und aus der Ferne' });
    expect(within(setting).getByRole('row', { name: /aus der Ferne.*5/ })).toBeTruthy();
  });

  it.each([
    { language: 'de' as const, thousand: '1.000' },
    { language: 'en' as const, thousand: '1,000' },
  ])(
    "the chart's axis is written in the reader's notation ($language)",
    ({ language, thousand }) => {
      setLanguage(language);
      const counts = {
        ...nothing,
        contacts: [{ channel: 'phone', month: '2026-02', n: 5000, k: 0 }],
      };
      render(<ReportView report={buildSummary(team, period, counts, false)} />);
      // The axis ticks come first, then the month labels under the columns.
      const ticks = [...document.querySelectorAll('.chart__tick')].map((tick) => tick.textContent);
      expect(ticks.slice(0, 2)).toEqual(['0', thousand]);
    },
  );
});
