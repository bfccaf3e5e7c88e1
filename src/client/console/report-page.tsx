// The report screen: choose a period, read the team's anonymised figures (charts with their
// tables), download them as CSV for Excel, or print them on A4.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SessionUser } from '../../shared/sync/protocol';
import {
  previousPeriod,
  type IndicatorKey,
  type ReportGrid,
  type ReportPeriod,
  type ReportSummary,
} from '../../shared/reports/report';
import { axisLabel, categoryLabel, reportTexts, tableAxes } from '../../shared/reports/labels';
import {
  HIDDEN_COUNT,
  SMALL_COUNT,
  WITHHELD_COUNT,
  type PublishedCount,
} from '../../shared/reports/suppress';
import { formatDay, intlLocaleTag } from '../../shared/i18n/t';
import { ct } from './console-texts';
import { ComparisonTable, CountTable, GridTable } from './report-tables';
import { BarChart, StackedColumnChart } from './report-charts';
import { PeriodPicker } from './period-picker';
import { defaultChoice, periodOf, today, type PeriodChoice } from './report-period';
import { useReport } from './use-report';

export function ReportPage({ user }: { user: SessionUser }) {
  const [choice, setChoice] = useState<PeriodChoice>(() => defaultChoice(today()));
  const [period, setPeriod] = useState<ReportPeriod>(() => periodOf(choice));
  const state = useReport(period);
  // The same fixed period before it, for the comparison (a report of its own, protected alike).
  const previous = useReport(useMemo(() => previousPeriod(period) ?? period, [period]));

  useEffect(() => {
    document.title = `${ct('nav.report')} – ${user.team.name}`;
  }, [user.team.name]);

  return (
    <div class="report">
      <PeriodPicker
        choice={choice}
        onChoice={setChoice}
        onSubmit={(next) => setPeriod(next)}
        busy={state.kind === 'loading'}
      />
      <ReportState state={state} onRetry={() => setPeriod({ ...period })} />
      {state.kind === 'ok' && (
        <ReportView
          report={state.report}
          previous={previous.kind === 'ok' ? previous.report : undefined}
        />
      )}
    </div>
  );
}

export function ReportState({
  state,
  onRetry,
}: {
  state: ReturnType<typeof useReport>;
  onRetry(): void;
}) {
  if (state.kind === 'loading') return <p role="status">{ct('loading')}</p>;
  if (state.kind === 'ok') return null;
  const message =
    state.kind === 'offline'
      ? ct('offline')
      : state.kind === 'refused'
        ? state.message
        : ct('serverError');
  return (
    <div class="console-alert" role="alert">
      <p>{message}</p>
      {state.kind !== 'refused' && (
        <button type="button" class="button button--secondary" onClick={onRetry}>
          {ct('retry')}
        </button>
      )}
    </div>
  );
}

function rowsOf(key: IndicatorKey, report: ReportSummary) {
  return Object.entries(report.indicators[key]).map(([category, value]) => ({
    key: category,
    label: categoryLabel(key, category),
    value,
  }));
}

function shortMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlLocaleTag(), {
    month: 'short',
    timeZone: 'UTC',
  })
    .format(new Date(Date.UTC(y, m - 1, 1)))
    .concat(` ${String(y).slice(2)}`);
}

/** The same figures with rows and columns swapped. */
function transposed(grid: ReportGrid): ReportGrid {
  return {
    rows: grid.columns,
    columns: grid.rows,
    cells: Object.fromEntries(
      grid.columns.map((c) => [
        c,
        Object.fromEntries(grid.rows.map((r) => [r, grid.cells[r]![c]!])),
      ]),
    ),
    rowTotals: grid.columnTotals,
    columnTotals: grid.rowTotals,
    total: grid.total,
  };
}

/** The headline figures of this period beside those of the period before. */
function Comparison({ report, previous }: { report: ReportSummary; previous: ReportSummary }) {
  const x = reportTexts();
  const pair = (pick: (r: ReportSummary) => PublishedCount) =>
    [pick(report), pick(previous)] as [PublishedCount, PublishedCount];
  const rows = [
    {
      key: 'reached',
      label: x.indicators.personsReached,
      values: pair((r) => r.tables.personsByGender.total),
    },
    ...Object.keys(report.indicators.personsReached).map((stage) => ({
      key: stage,
      label: `– ${categoryLabel('personsReached', stage)}`,
      values: pair((r) => r.indicators.personsReached[stage] ?? 0),
    })),
    ...['female', 'male'].map((gender) => ({
      key: gender,
      label: categoryLabel('personsByGender', gender),
      values: pair((r) => r.indicators.personsByGender[gender] ?? 0),
    })),
    {
      key: 'contacts',
      label: ct('report.contacts'),
      values: pair((r) => r.tables.contactsByChannelAndMonth.total),
    },
    ...Object.keys(report.indicators.contactsBySetting).map((setting) => ({
      key: setting,
      label: `– ${categoryLabel('contactsBySetting', setting)}`,
      values: pair((r) => r.indicators.contactsBySetting[setting] ?? 0),
    })),
    {
      key: 'conferences',
      label: x.indicators.caseConferences,
      values: pair((r) => r.indicators.caseConferences.held ?? 0),
    },
  ];
  return (
    <section aria-labelledby="r-comparison">
      <h3 id="r-comparison">{ct('report.comparison')}</h3>
      <ComparisonTable
        caption={ct('report.comparisonTable', {
          from: formatDay(previous.from),
          to: formatDay(previous.to),
        })}
        heading={x.category}
        columns={[ct('report.thisPeriod'), ct('report.previousPeriod')]}
        rows={rows}
      />
    </section>
  );
}

export function ReportView({
  report,
  previous,
}: {
  report: ReportSummary;
  /** The report of the period before, when it could be fetched. */
  previous?: ReportSummary;
}) {
  const x = reportTexts();
  const table = (key: keyof ReportSummary['tables'], caption: string, corner: string) => (
    <GridTable
      caption={caption}
      grid={report.tables[key]}
      rowLabel={(r) => axisLabel(tableAxes[key].rows, r)}
      columnLabel={(c) => axisLabel(tableAxes[key].columns, c)}
      corner={corner}
    />
  );
  // Tables with many categories read down the page (a row per category, the stages across), so
  // they fit a phone and landscape A4 alike.
  const tall = (key: keyof ReportSummary['tables'], caption: string, corner: string) => (
    <GridTable
      caption={caption}
      grid={transposed(report.tables[key])}
      rowLabel={(r) => axisLabel(tableAxes[key].columns, r)}
      columnLabel={(c) => axisLabel(tableAxes[key].rows, c)}
      corner={corner}
    />
  );
  const simple = (key: IndicatorKey, empty?: string, total?: PublishedCount) => (
    <CountTable
      caption={x.indicators[key]}
      heading={x.category}
      rows={rowsOf(key, report)}
      empty={empty}
      total={total}
    />
  );
  const contacts = report.tables.contactsByChannelAndMonth;
  // Category keys come with the report, in order (no domain code in the console chunk).
  const channels = contacts.rows;
  return (
    <article class="report-view" aria-labelledby="report-heading">
      <header class="report-view__head">
        <h2 id="report-heading">{ct('report.heading', { team: report.team.name })}</h2>
        <p>{ct('report.periodLine', { from: formatDay(report.from), to: formatDay(report.to) })}</p>
        <div class="report-view__actions no-print">
          <a
            class="button button--primary"
            href={`/api/reports/summary.csv?from=${report.from}&to=${report.to}`}
            download={`sachbericht-${report.from}-bis-${report.to}.csv`}
          >
            {ct('report.csv')}
          </a>
          <button type="button" class="button button--secondary" onClick={() => window.print()}>
            {ct('report.print')}
          </button>
        </div>
        <dl class="report-legend" aria-label={ct('report.legendTitle')}>
          <dt>{SMALL_COUNT}</dt>
          <dd>{x.legendSmall}</dd>
          <dt>{HIDDEN_COUNT}</dt>
          <dd>{x.legendHidden}</dd>
          <dt>{WITHHELD_COUNT}</dt>
          <dd>{x.legendWithheld}</dd>
        </dl>
        <p class="hint">{x.legendNoise.replace('{ptable}', report.method.ptable)}</p>
        {report.consentRequired && <p class="hint">{x.consentNote}</p>}
      </header>

      {previous && <Comparison report={report} previous={previous} />}

      <section aria-labelledby="r-persons">
        <h3 id="r-persons">{ct('report.persons')}</h3>
        {/* The headline: persons reached in total, published whenever it is 5 or more. */}
        {simple('personsReached', undefined, report.tables.personsByGender.total)}
        {table('personsByGender', x.tables.personsByGender, x.category)}
        {table('personsByAgeBand', x.tables.personsByAgeBand, x.category)}
        {table('personsByResidenceStatus', x.tables.personsByResidenceStatus, x.category)}
        {tall('personsByReachedVia', x.tables.personsByReachedVia, x.category)}
        {tall('personsByCountry', x.tables.personsByCountry, x.category)}
        {tall('personsByGermanLevel', x.tables.personsByGermanLevel, x.category)}
        {tall('personsBySchooling', x.tables.personsBySchooling, x.category)}
      </section>

      {report.caseload && (
        <section aria-labelledby="r-caseload">
          <h3 id="r-caseload">{x.caseload}</h3>
          <ComparisonTable
            caption={x.caseload}
            heading={x.category}
            columns={[x.caseloadActive, x.caseloadNew, x.caseloadContacts]}
            rows={[...report.caseload.thms, { id: '', name: x.unassigned }].map((thm) => ({
              key: thm.id || '-',
              label: thm.name,
              values: [
                report.caseload!.active[thm.id] ?? 0,
                report.caseload!.new[thm.id] ?? 0,
                report.caseload!.contacts[thm.id] ?? 0,
              ],
            }))}
          />
        </section>
      )}

      <section aria-labelledby="r-contacts">
        <h3 id="r-contacts">{ct('report.contacts')}</h3>
        <StackedColumnChart
          id="chart-contacts"
          title={ct('report.chartContacts')}
          description={ct('report.chartContactsDesc')}
          columns={contacts.columns.map((m) => ({ key: m, label: categoryLabel('month', m) }))}
          series={channels.map((c) => ({ key: c, label: categoryLabel('contactsByChannel', c) }))}
          value={(s, c) => contacts.cells[s]![c]!}
          columnTotal={(c) => contacts.columnTotals[c]!}
          columnLabel={shortMonth}
          empty={ct('report.noContacts')}
        />
        {table('contactsByChannelAndMonth', x.tables.contactsByChannelAndMonth, x.category)}
        {simple('contactsBySetting')}
      </section>

      <section aria-labelledby="r-appointments">
        <h3 id="r-appointments">{ct('report.appointments')}</h3>
        {table('appointmentsByMode', x.tables.appointmentsByMode, x.category)}
        {simple('caseConferences')}
      </section>

      <section aria-labelledby="r-referrals">
        <h3 id="r-referrals">{ct('report.referrals')}</h3>
        <BarChart
          id="chart-outcomes"
          title={ct('report.chartOutcomes')}
          description={ct('report.chartOutcomesDesc')}
          bars={rowsOf('referralOutcomes', report)}
          empty={ct('report.noReferrals')}
        />
        {simple('referralOutcomes')}
        {simple('referralsByPartnerKind')}
        {simple('referralsByOffer', ct('report.noReferrals'))}
        {simple('referralsReceived')}
      </section>

      <section aria-labelledby="r-transitions">
        <h3 id="r-transitions">{ct('report.transitions')}</h3>
        {simple('closingReasons')}
      </section>

      <section aria-labelledby="r-needs">
        <h3 id="r-needs">{ct('report.needs')}</h3>
        {table('needsByCategory', x.tables.needsByCategory, x.category)}
        {table('needsByResidenceStatus', x.tables.needsByResidenceStatus, x.category)}
        {simple('needsUnreferredByCategory')}
      </section>

      <section aria-labelledby="r-gaps">
        <h3 id="r-gaps">{ct('report.gaps')}</h3>
        {simple('gapsByCategory')}
        {report.gaps.length === 0 ? (
          <p>{ct('report.noGaps')}</p>
        ) : (
          <ul class="gap-texts">
            {report.gaps.map((gap, i) => (
              <li key={i}>
                <strong>{categoryLabel('gapsByCategory', gap.category)}:</strong> {gap.description}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
