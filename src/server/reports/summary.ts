// Raw report counts -> the published summary: every table goes through the one disclosure rule
// (src/shared/reports/suppress.ts with the cell-key noise of perturb.ts), linked tables (offer
// inside partner kind inside all referrals, outcomes of the same referrals) are protected as one
// system, and figures that appear in several tables are hidden in all of them as soon as one
// table hides them, so no table gives away what another keeps back.
import {
  ageBandOf,
  ageBands,
  fixedPeriodsWithin,
  contactSettings,
  onSiteChannels,
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
  SMALL_COUNT,
  WITHHELD_COUNT,
  suppressBreakdown,
  suppressGrid,
  suppressTable,
  type PublishedCount,
  type SumOf,
} from '../../shared/reports/suppress';
import { cellKey, MAX_NOISE, PTABLE_VERSION, PUBLISHED_MIN } from '../../shared/reports/perturb';
import {
  genders,
  closingReasons,
  germanLevels,
  reachChannels,
  schoolings,
} from '../../shared/domain/case';
import { NOT_RECORDED, OTHER_COUNTRIES } from '../../shared/reports/labels';
import { contactChannels } from '../../shared/domain/contact';
import { appointmentModes } from '../../shared/domain/appointment';
import { partnerKinds } from '../../shared/domain/partner';
import { needCategories } from '../../shared/domain/need';
import type { CaseloadCounts, ReportCounts } from './team-report-counts';

/** Key of referrals without an offer in `referralsByOffer`. */
export const NO_OFFER = '';

/** Counts and record-key sums per category. */
function tally<K extends string>(
  keys: readonly K[],
  rows: { key: string; n: number; k: number }[],
) {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  const keySums = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const { key, n, k } of rows) {
    // A value outside the known keys (an older app's enum) counts under "other" where there is one.
    const target = (key in counts ? key : 'other') as K;
    if (target in counts) {
      counts[target] += n;
      keySums[target] += k;
    }
  }
  return { counts, keySums };
}

function breakdown<K extends string>(
  keys: readonly K[],
  rows: { key: string; n: number; k: number }[],
) {
  const { counts, keySums } = tally(keys, rows);
  return suppressBreakdown(counts, keySums);
}

function grid<R extends string, C extends string>(
  rows: readonly R[],
  columns: readonly C[],
  cells: { row: string; column: string; n: number; k: number }[],
): ReportGrid {
  const counts = new Map<string, number>();
  const keySums = new Map<string, number>();
  for (const { row, column, n, k } of cells) {
    const r = (rows as readonly string[]).includes(row) ? row : 'other';
    const key = `${r}\u0000${column}`;
    counts.set(key, (counts.get(key) ?? 0) + n);
    keySums.set(key, (keySums.get(key) ?? 0) + k);
  }
  const at = (r: string, c: string) => `${r}\u0000${c}`;
  const published = suppressGrid(
    rows,
    columns,
    (r, c) => counts.get(at(r, c)) ?? 0,
    (r, c) => keySums.get(at(r, c)) ?? 0,
  );
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

/**
 * Outgoing referrals by partner kind, by offer and by outcome, protected as one system: the same
 * referrals are counted in all three (every offer belongs to one partner, and a reader may know
 * which), so the inner cells (kind, offer, state) link them. Those are never published; their sums
 * are what an attacker would use.
 */
function referralTables(rows: ReportCounts['referralsOut']) {
  const kindOf = (kind: string) =>
    (partnerKinds as readonly string[]).includes(kind) ? kind : 'other';
  const offerTitles = [...new Set(rows.map((r) => r.offer))].sort((a, b) =>
    a === NO_OFFER ? 1 : b === NO_OFFER ? -1 : a.localeCompare(b, 'de'),
  );
  const outcomeOf = (status: string) =>
    (referralOutcomes as readonly string[]).includes(status) ? status : null;
  const kinds = [...partnerKinds];
  const outcomes = [...referralOutcomes];
  // Entry layout: kinds, offers, outcomes, all referrals, referrals with an outcome, inner cells.
  const kindAt = (i: number) => i;
  const offerAt = (i: number) => kinds.length + i;
  const outcomeAt = (i: number) => kinds.length + offerTitles.length + i;
  const all = kinds.length + offerTitles.length + outcomes.length;
  const withOutcome = all + 1;
  const inner = new Map<
    string,
    { kind: string; offer: string; outcome: string | null; n: number; k: number }
  >();
  for (const r of rows) {
    const kind = kindOf(r.partnerKind);
    const outcome = outcomeOf(r.status);
    const id = `${kind}\u0000${r.offer}\u0000${outcome ?? ''}`;
    const cell = inner.get(id) ?? { kind, offer: r.offer, outcome, n: 0, k: 0 };
    cell.n += r.n;
    cell.k += r.k;
    inner.set(id, cell);
  }
  const cells = [...inner.values()].filter((cell) => cell.n > 0);
  const values: number[] = [];
  const keySums: number[] = [];
  const of = (pick: (cell: (typeof cells)[number]) => boolean) => {
    const chosen = cells.filter(pick);
    return [chosen.reduce((a, c) => a + c.n, 0), chosen.reduce((a, c) => a + c.k, 0)] as const;
  };
  const push = ([n, k]: readonly [number, number]) => {
    values.push(n);
    keySums.push(k);
  };
  for (const kind of kinds) push(of((c) => c.kind === kind));
  for (const offer of offerTitles) push(of((c) => c.offer === offer));
  for (const outcome of outcomes) push(of((c) => c.outcome === outcome));
  push(of(() => true));
  push(of((c) => c.outcome !== null));
  const innerAt = (i: number) => withOutcome + 1 + i;
  for (const cell of cells) push([cell.n, cell.k]);
  const members = (pick: (cell: (typeof cells)[number]) => boolean) =>
    cells.flatMap((cell, i) => (pick(cell) ? [innerAt(i)] : []));
  const sums: SumOf[] = [
    ...kinds.map((kind, i) => ({ parts: members((c) => c.kind === kind), total: kindAt(i) })),
    ...offerTitles.map((offer, i) => ({
      parts: members((c) => c.offer === offer),
      total: offerAt(i),
    })),
    ...outcomes.map((outcome, i) => ({
      parts: members((c) => c.outcome === outcome),
      total: outcomeAt(i),
    })),
    { parts: kinds.map((_, i) => kindAt(i)), total: all },
    { parts: offerTitles.map((_, i) => offerAt(i)), total: all },
    { parts: outcomes.map((_, i) => outcomeAt(i)), total: withOutcome },
    { parts: members((c) => c.outcome !== null), total: withOutcome },
  ];
  const published = suppressTable({
    values,
    sums,
    keys: keySums.map(cellKey),
    unseen: new Set(cells.map((_, i) => innerAt(i))),
  });
  const pick = <K extends string>(keys: readonly K[], at: (i: number) => number) =>
    Object.fromEntries(keys.map((key, i) => [key, published[at(i)]!])) as Record<K, PublishedCount>;
  return {
    byPartnerKind: pick(kinds, kindAt),
    byOffer: pick(offerTitles, offerAt),
    outcomes: pick(outcomes, outcomeAt),
    total: published[all]!,
    withOutcome: published[withOutcome]!,
  };
}

/**
 * The gap texts a report may list: a category's texts only where its count of gaps is 0 or 5 and
 * more in the period and in every fixed period inside it. Listing texts under a "<5" would give
 * the count away, and a year listing texts that a month of it does not would give that month's.
 */
function publishableGaps(period: ReportPeriod, gaps: ReportCounts['gaps']) {
  const within = fixedPeriodsWithin(period);
  const listable = new Set<string>();
  for (const category of new Set(gaps.map((gap) => gap.category))) {
    const ofCategory = gaps.filter((gap) => gap.category === category);
    const ok = within.every(({ from, to }) => {
      const n = ofCategory.filter((gap) => gap.date >= from && gap.date <= to).length;
      return n === 0 || n >= PUBLISHED_MIN;
    });
    if (ok && within.length > 0) listable.add(category);
  }
  return gaps
    .filter((gap) => gap.description && listable.has(gap.category))
    .map(({ category, description }) => ({ category, description }));
}

/** Months between the first and last day of a period, both included. */
function monthsIn({ from, to }: ReportPeriod): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7)) +
    1
  );
}

/**
 * The spread rule: a "<5" whose records lie one each in as many months (or quarters, or
 * half-years) of the period gives each of them away, since those show "<5" in their own reports:
 * a year's 3 over three months can only be 1 + 1 + 1. Such entries are withheld ("."). `byMonth`
 * holds, per entry key, its count in each month (YYYY-MM).
 */
function withholdSpread(
  period: ReportPeriod,
  published: Record<string, PublishedCount>,
  byMonth: Map<string, Map<string, number>>,
): void {
  const within = fixedPeriodsWithin(period).filter(
    (q) => q.from !== period.from || q.to !== period.to,
  );
  const partitions = [1, 3, 6]
    .map((length) => within.filter((q) => monthsIn(q) === length))
    .filter((parts) => parts.length > 1);
  for (const [key, months] of byMonth) {
    if (published[key] !== SMALL_COUNT) continue;
    const total = [...months.values()].reduce((a, b) => a + b, 0);
    if (total < 2) continue;
    const spread = partitions.some(
      (parts) =>
        parts.filter((q) =>
          [...months].some(
            ([month, n]) => n > 0 && month >= q.from.slice(0, 7) && month <= q.to.slice(0, 7),
          ),
        ).length === total,
    );
    if (spread) published[key] = WITHHELD_COUNT;
  }
}

/** Per entry key, its count in each month, from raw rows. */
function monthsBy<T extends { n: number; month?: string }>(
  rows: readonly T[],
  keysOf: (row: T) => string[],
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (!row.month) continue;
    for (const key of keysOf(row)) {
      if (!out.has(key)) out.set(key, new Map());
      const months = out.get(key)!;
      months.set(row.month, (months.get(row.month) ?? 0) + row.n);
    }
  }
  return out;
}

/** The caseload per THM, each column a published breakdown of its own with the spread rule. */
export function buildCaseload(
  period: ReportPeriod,
  counts: CaseloadCounts,
): NonNullable<ReportSummary['caseload']> {
  const ids = [...counts.thms.map((thm) => thm.id), ''];
  const of = <T extends { thm: string; n: number; k: number; month?: string | null }>(rows: T[]) =>
    rows.map((r) => ({
      key: ids.includes(r.thm) ? r.thm : '',
      n: r.n,
      k: r.k,
      month: r.month ?? undefined,
    }));
  const column = (rows: ReturnType<typeof of>, additive: boolean) => {
    const published = breakdown(ids, rows).counts;
    if (additive)
      withholdSpread(
        period,
        published,
        monthsBy(rows, (r) => [r.key]),
      );
    return published;
  };
  return {
    thms: counts.thms,
    active: column(of(counts.cases.filter((c) => c.stage !== 'closed')), false),
    new: column(of(counts.cases.filter((c) => c.stage === 'new')), true),
    contacts: column(of(counts.contacts), true),
  };
}

export interface ReportRuleOfPeriod {
  consentRequired: boolean;
  /** When the counting rule of the period's year was fixed (report-settings.ts). */
  fixedAt?: string;
}

export function buildSummary(
  team: { id: string; name: string },
  period: ReportPeriod,
  counts: ReportCounts,
  rule: boolean | ReportRuleOfPeriod,
): ReportSummary {
  const { consentRequired, fixedAt } =
    typeof rule === 'boolean' ? { consentRequired: rule, fixedAt: undefined } : rule;
  const persons = (column: (row: ReportCounts['persons'][number]) => string) =>
    counts.persons.map((row) => ({ row: row.stage, column: column(row), n: row.n, k: row.k }));
  const genderOf = (gender: string) =>
    (genders as readonly string[]).includes(gender) ? gender : 'not_stated';
  const residenceOf = (residence: string) =>
    (residenceGroups as readonly string[]).includes(residence) ? residence : 'unclear';
  const byGender = grid(
    reportStages,
    genders,
    persons((p) => genderOf(p.gender)),
  );
  const byAge = grid(
    reportStages,
    ageBands,
    persons((p) => ageBandOf(p.age)),
  );
  const byResidence = grid(
    reportStages,
    residenceGroups,
    persons((p) => residenceOf(p.residence)),
  );
  const known = (keys: readonly string[], value: string | undefined) =>
    value && keys.includes(value) ? value : NOT_RECORDED;
  const reachKeys = [...reachChannels, NOT_RECORDED];
  const germanKeys = [...germanLevels, NOT_RECORDED];
  const schoolingKeys = [...schoolings, NOT_RECORDED];
  const reachOf = (p: ReportCounts['persons'][number]) => known(reachKeys, p.reachedVia);
  const germanOf = (p: ReportCounts['persons'][number]) => known(germanKeys, p.german);
  const schoolingOf = (p: ReportCounts['persons'][number]) => known(schoolingKeys, p.schooling);
  // Countries with 5 or more persons in the period are named (alphabetically), the rest grouped:
  // a country's own column would otherwise say "<5" of a nationality, often one family.
  const perCountry = new Map<string, number>();
  for (const p of counts.persons) {
    if (p.country) perCountry.set(p.country, (perCountry.get(p.country) ?? 0) + p.n);
  }
  const named = [...perCountry]
    .filter(([, n]) => n >= PUBLISHED_MIN)
    .map(([country]) => country)
    .sort((a, b) => a.localeCompare(b, 'de'));
  const countryOf = (p: ReportCounts['persons'][number]) =>
    !p.country ? NOT_RECORDED : named.includes(p.country) ? p.country : OTHER_COUNTRIES;
  const byReach = grid(reportStages, reachKeys, persons(reachOf));
  const byCountry = grid(
    reportStages,
    [...named, OTHER_COUNTRIES, NOT_RECORDED],
    persons(countryOf),
  );
  const byGerman = grid(reportStages, germanKeys, persons(germanOf));
  const bySchooling = grid(reportStages, schoolingKeys, persons(schoolingOf));
  const personTables = [byGender, byAge, byResidence, byReach, byCountry, byGerman, bySchooling];
  // New and closed persons add up over the months (a case is made once, closed once): the spread
  // rule holds for those rows (ongoing ones are the same people month after month).
  for (const [table, column] of [
    [byGender, (p: ReportCounts['persons'][number]) => genderOf(p.gender)],
    [byAge, (p: ReportCounts['persons'][number]) => ageBandOf(p.age)],
    [byResidence, (p: ReportCounts['persons'][number]) => residenceOf(p.residence)],
    [byReach, reachOf],
    [byCountry, countryOf],
    [byGerman, germanOf],
    [bySchooling, schoolingOf],
  ] as const) {
    const flows = counts.persons
      .filter((p) => p.stage !== 'ongoing')
      .map((p) => ({ ...p, month: p.month ?? undefined }));
    withholdSpread(
      period,
      table.rowTotals,
      monthsBy(flows, (p) => [p.stage]),
    );
    for (const stage of ['new', 'closed'] as const) {
      withholdSpread(
        period,
        table.cells[stage]!,
        monthsBy(
          flows.filter((p) => p.stage === stage),
          (p) => [column(p)],
        ),
      );
    }
  }
  // The stage counts and the number of persons are the same figures in all three tables (the
  // same records: the same published value); hidden in one, they are hidden in all.
  for (const stage of reportStages) {
    linkFigures(personTables.map((table) => at(table.rowTotals, stage)));
  }
  linkFigures(
    personTables.map((table) => ({
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
    counts.contacts.map(({ channel, month, n, k }) => ({ row: channel, column: month, n, k })),
  );
  {
    const byChannel = monthsBy(counts.contacts, (r) => [r.channel]);
    withholdSpread(period, contacts.rowTotals, byChannel);
    const all = { total: contacts.total };
    withholdSpread(
      period,
      all,
      monthsBy(counts.contacts, () => ['total']),
    );
    contacts.total = all.total;
  }
  // On site against remote: published as figures of their own (their own records, their own noise).
  const settingRows = counts.contacts.map((c) => ({
    ...c,
    key: onSiteChannels.includes(c.channel) ? 'on_site' : 'remote',
  }));
  const contactSetting = breakdown(contactSettings, settingRows);
  withholdSpread(
    period,
    contactSetting.counts,
    monthsBy(settingRows, (r) => [r.key]),
  );
  const appointments = grid(
    appointmentModes,
    appointmentOutcomes,
    counts.appointments.map(({ mode, status, n, k }) => ({ row: mode, column: status, n, k })),
  );
  const needs = grid(
    needCategories,
    needOutcomes,
    counts.needs.map(({ category, met, n, k }) => ({
      row: category,
      column: met ? 'met' : 'unmet',
      n,
      k,
    })),
  );

  // Needs against the status groups, and those still open that no referral answers (the gaps in
  // the offers). Needs are a stock (the same need in every month it is open): no spread rule.
  const needsByResidence = grid(
    needCategories,
    residenceGroups,
    counts.needs.map(({ category, residence, n, k }) => ({
      row: category,
      column: residenceOf(residence ?? 'none'),
      n,
      k,
    })),
  );
  const unreferred = breakdown(
    needCategories,
    counts.needs
      .filter((need) => !need.met && need.referred === false)
      .map(({ category, n, k }) => ({ key: category, n, k })),
  );
  const referrals = referralTables(counts.referralsOut);
  withholdSpread(
    period,
    referrals.byPartnerKind,
    monthsBy(counts.referralsOut, (r) => [r.partnerKind]),
  );
  withholdSpread(
    period,
    referrals.byOffer,
    monthsBy(counts.referralsOut, (r) => [r.offer]),
  );
  withholdSpread(
    period,
    referrals.outcomes,
    monthsBy(counts.referralsOut, (r) => [r.status]),
  );
  const received = breakdown(
    inboundOutcomes,
    counts.referralsIn.map((r) => ({ key: r.status, n: r.n, k: r.k })),
  );
  const closing = breakdown(
    closingReasons,
    counts.closing.map((r) => ({ key: r.reason, n: r.n, k: r.k })),
  );
  withholdSpread(
    period,
    closing.counts,
    monthsBy(counts.closing, (r) => [r.reason]),
  );
  // Closed cases in the period are the "closed" stage of the persons tables.
  linkFigures([
    { get: () => closing.total, set: (value) => (closing.total = value) },
    ...personTables.map((table) => at(table.rowTotals, 'closed')),
  ]);
  const conferences = suppressBreakdown(
    { held: counts.conferences.n },
    { held: counts.conferences.k },
  );
  const gaps = breakdown(
    needCategories,
    counts.gaps.map((g) => ({ key: g.category, n: 1, k: g.k })),
  );
  withholdSpread(
    period,
    gaps.counts,
    monthsBy(
      counts.gaps.map((g) => ({ n: 1, month: g.date.slice(0, 7), category: g.category })),
      (g) => [g.category],
    ),
  );

  const column = (table: ReportGrid, key: string) =>
    Object.fromEntries(table.rows.map((row) => [row, table.cells[row]![key]!]));

  const indicators: Record<IndicatorKey, Record<string, PublishedCount>> = {
    personsReached: { ...byGender.rowTotals },
    personsByGender: { ...byGender.columnTotals },
    personsByAgeBand: { ...byAge.columnTotals },
    personsByResidenceStatus: { ...byResidence.columnTotals },
    personsByReachedVia: { ...byReach.columnTotals },
    personsByCountry: { ...byCountry.columnTotals },
    personsByGermanLevel: { ...byGerman.columnTotals },
    personsBySchooling: { ...bySchooling.columnTotals },
    contactsByChannel: { ...contacts.rowTotals },
    contactsBySetting: contactSetting.counts,
    contactsByMonth: { ...contacts.columnTotals },
    appointmentsAttendedByMode: column(appointments, 'attended'),
    appointmentsNoShowByMode: column(appointments, 'no_show'),
    caseConferences: conferences.counts,
    referralsByPartnerKind: referrals.byPartnerKind,
    referralsByOffer: referrals.byOffer,
    referralOutcomes: referrals.outcomes,
    referralsReceived: received.counts,
    closingReasons: closing.counts,
    needsByCategory: { ...needs.rowTotals },
    needsUnmetByCategory: column(needs, 'unmet'),
    needsUnreferredByCategory: unreferred.counts,
    gapsByCategory: gaps.counts,
  };
  const tables: Record<TableKey, ReportGrid> = {
    personsByGender: byGender,
    personsByAgeBand: byAge,
    personsByResidenceStatus: byResidence,
    personsByReachedVia: byReach,
    personsByCountry: byCountry,
    personsByGermanLevel: byGerman,
    personsBySchooling: bySchooling,
    contactsByChannelAndMonth: contacts,
    appointmentsByMode: appointments,
    needsByCategory: needs,
    needsByResidenceStatus: needsByResidence,
  };
  void indicatorCategories;
  return {
    from: period.from,
    to: period.to,
    team,
    indicators,
    tables,
    gaps: publishableGaps(period, counts.gaps),
    consentRequired,
    ...(fixedAt && { consentRuleFixedAt: fixedAt }),
    method: { name: 'cell-key', ptable: PTABLE_VERSION, maxNoise: MAX_NOISE },
  };
}
