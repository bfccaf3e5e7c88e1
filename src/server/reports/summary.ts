// Raw report counts -> the published summary: every table goes through the one suppression rule
// (src/shared/reports/suppress.ts), and figures that appear in several tables are hidden in all
// of them as soon as one table hides them, so no table gives away what another keeps back.
import {
  ageBandOf,
  ageBands,
  appointmentOutcomes,
  inboundOutcomes,
  indicatorCategories,
  monthsOf,
  needOutcomes,
  referralOutcomes,
  reportStages,
  residenceGroups,
  type IndicatorKey,
  type ReportGrid,
  type ReportPeriod,
  type ReportSummary,
  type TableKey,
} from '../../shared/reports/report';
import {
  HIDDEN_COUNT,
  suppressBreakdown,
  suppressGrid,
  type PublishedCount,
} from '../../shared/reports/suppress';
import { genders, closingReasons } from '../../shared/domain/case';
import { contactChannels } from '../../shared/domain/contact';
import { appointmentModes } from '../../shared/domain/appointment';
import { partnerKinds } from '../../shared/domain/partner';
import { needCategories } from '../../shared/domain/need';
import type { ReportCounts } from './team-report-counts';

/** Key of referrals without an offer in `referralsByOffer`. */
export const NO_OFFER = '';

function tally<K extends string>(keys: readonly K[], rows: { key: string; n: number }[]) {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const { key, n } of rows) {
    // A value outside the known keys (an older app's enum) counts under "other" where there is one.
    const target = (key in counts ? key : 'other') as K;
    if (target in counts) counts[target] += n;
  }
  return counts;
}

function grid<R extends string, C extends string>(
  rows: readonly R[],
  columns: readonly C[],
  cells: { row: string; column: string; n: number }[],
): ReportGrid {
  const counts = new Map<string, number>();
  for (const { row, column, n } of cells) {
    const r = (rows as readonly string[]).includes(row) ? row : 'other';
    const key = `${r}\u0000${column}`;
    counts.set(key, (counts.get(key) ?? 0) + n);
  }
  const published = suppressGrid(rows, columns, (r, c) => counts.get(`${r}\u0000${c}`) ?? 0);
  return { rows: [...rows], columns: [...columns], ...published };
}

/** Hides a figure everywhere it appears once any table hides it. */
function linkFigures(places: { get(): PublishedCount; set(value: PublishedCount): void }[]): void {
  if (places.some((place) => typeof place.get() !== 'number')) {
    for (const place of places) {
      const value = place.get();
      if (typeof value === 'number' && value !== 0) place.set(HIDDEN_COUNT);
    }
  }
}

const at = <T extends Record<string, PublishedCount>>(object: T, key: keyof T & string) => ({
  get: () => object[key]!,
  set: (value: PublishedCount) => {
    (object as Record<string, PublishedCount>)[key] = value;
  },
});

export function buildSummary(
  team: { id: string; name: string },
  period: ReportPeriod,
  counts: ReportCounts,
  consentRequired: boolean,
): ReportSummary {
  const persons = (column: (row: ReportCounts['persons'][number]) => string) =>
    counts.persons.map((row) => ({ row: row.stage, column: column(row), n: row.n }));
  const byGender = grid(
    reportStages,
    genders,
    persons((p) => ((genders as readonly string[]).includes(p.gender) ? p.gender : 'not_stated')),
  );
  const byAge = grid(
    reportStages,
    ageBands,
    persons((p) => ageBandOf(p.age)),
  );
  const byResidence = grid(
    reportStages,
    residenceGroups,
    persons((p) =>
      (residenceGroups as readonly string[]).includes(p.residence) ? p.residence : 'unclear',
    ),
  );
  // The stage counts and the number of persons are the same figures in all three tables.
  for (const stage of reportStages) {
    linkFigures([byGender, byAge, byResidence].map((table) => at(table.rowTotals, stage)));
  }
  linkFigures(
    [byGender, byAge, byResidence].map((table) => ({
      get: () => table.total,
      set: (value: PublishedCount) => {
        table.total = value;
      },
    })),
  );

  const months = monthsOf(period);
  const contacts = grid(
    contactChannels,
    months,
    counts.contacts.map(({ channel, month, n }) => ({ row: channel, column: month, n })),
  );
  const appointments = grid(
    appointmentModes,
    appointmentOutcomes,
    counts.appointments.map(({ mode, status, n }) => ({ row: mode, column: status, n })),
  );
  const needs = grid(
    needCategories,
    needOutcomes,
    counts.needs.map(({ category, met, n }) => ({
      row: category,
      column: met ? 'met' : 'unmet',
      n,
    })),
  );

  const out = counts.referralsOut;
  const referralsByPartnerKind = suppressBreakdown(
    tally(
      partnerKinds,
      out.map((r) => ({ key: r.partnerKind, n: r.n })),
    ),
  );
  const offerTitles = [...new Set(out.map((r) => r.offer))].sort((a, b) =>
    a === NO_OFFER ? 1 : b === NO_OFFER ? -1 : a.localeCompare(b, 'de'),
  );
  const referralsByOffer = suppressBreakdown(
    tally(
      offerTitles,
      out.map((r) => ({ key: r.offer, n: r.n })),
    ),
  );
  const outcomes = suppressBreakdown(
    tally(
      referralOutcomes,
      out
        .filter((r) => r.status !== 'draft' && r.status !== 'consent_pending')
        .map((r) => ({ key: r.status, n: r.n })),
    ),
  );
  // All three break down the same referrals: their total is one figure.
  const referralTotals = [referralsByPartnerKind, referralsByOffer, outcomes];
  linkFigures(
    referralTotals.map((b) => ({
      get: () => b.total,
      set: (value: PublishedCount) => {
        b.total = value;
      },
    })),
  );
  const received = suppressBreakdown(
    tally(
      inboundOutcomes,
      counts.referralsIn.map((r) => ({ key: r.status, n: r.n })),
    ),
  );
  const closing = suppressBreakdown(
    tally(
      closingReasons,
      counts.closing.map((r) => ({ key: r.reason, n: r.n })),
    ),
  );
  // Closed cases in the period are the "closed" stage of the persons tables.
  linkFigures([
    { get: () => closing.total, set: (value) => (closing.total = value) },
    ...[byGender, byAge, byResidence].map((table) => at(table.rowTotals, 'closed')),
  ]);
  const conferences = suppressBreakdown({ held: counts.conferences });
  const gaps = suppressBreakdown(
    tally(
      needCategories,
      counts.gaps.map((g) => ({ key: g.category, n: 1 })),
    ),
  );

  const column = (table: ReportGrid, key: string) =>
    Object.fromEntries(table.rows.map((row) => [row, table.cells[row]![key]!]));

  const indicators: Record<IndicatorKey, Record<string, PublishedCount>> = {
    personsReached: { ...byGender.rowTotals },
    personsByGender: { ...byGender.columnTotals },
    personsByAgeBand: { ...byAge.columnTotals },
    personsByResidenceStatus: { ...byResidence.columnTotals },
    contactsByChannel: { ...contacts.rowTotals },
    contactsByMonth: { ...contacts.columnTotals },
    appointmentsAttendedByMode: column(appointments, 'attended'),
    appointmentsNoShowByMode: column(appointments, 'no_show'),
    caseConferences: conferences.counts,
    referralsByPartnerKind: referralsByPartnerKind.counts,
    referralsByOffer: referralsByOffer.counts,
    referralOutcomes: outcomes.counts,
    referralsReceived: received.counts,
    closingReasons: closing.counts,
    needsByCategory: { ...needs.rowTotals },
    needsUnmetByCategory: column(needs, 'unmet'),
    gapsByCategory: gaps.counts,
  };
  const tables: Record<TableKey, ReportGrid> = {
    personsByGender: byGender,
    personsByAgeBand: byAge,
    personsByResidenceStatus: byResidence,
    contactsByChannelAndMonth: contacts,
    appointmentsByMode: appointments,
    needsByCategory: needs,
  };
  void indicatorCategories;
  return {
    from: period.from,
    to: period.to,
    team,
    indicators,
    tables,
    // A gap noted with only its area counts above; only written texts are listed.
    gaps: counts.gaps.filter((gap) => gap.description),
    consentRequired,
  };
}
