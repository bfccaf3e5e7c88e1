// The team report (Sachbericht): its period rule, its indicators and the shape of
// GET /api/reports/summary. The server computes it; the console shows, charts and prints it.
import '../i18n/messages-console';
import { closingReasons, genders, germanLevels, reachChannels, schoolings } from '../domain/case';
import { contactChannels } from '../domain/contact';
import { appointmentModes } from '../domain/appointment';
import { partnerKinds } from '../domain/partner';
import { needCategories } from '../domain/need';
import { inStatuses } from '../domain/referral';
import type { PublishedCount } from './suppress';
import { message, type Message } from '../i18n/message';

/**
 * The periods a report is published for: calendar months, quarters, half-years and years. Free
 * day-level periods would let two reports that differ by one day be subtracted down to a person
 * (docs/decisions.md "Reports: disclosure control").
 */
export const periodKinds = ['month', 'quarter', 'half', 'year'] as const;
export type FixedPeriodKind = (typeof periodKinds)[number];

export const reportStages = ['new', 'ongoing', 'closed'] as const;
export const ageBands = ['under_18', '18-20', '21-23', '24-26', '27+', 'unknown'] as const;
/** Residence status kinds grouped as a funder's report counts them (Duldung variants as one). */
export const residenceGroups = [
  'gestattung',
  'duldung',
  'aufenthaltserlaubnis',
  'niederlassung',
  'fiktion',
  'unclear',
  'none',
] as const;
export const appointmentOutcomes = ['attended', 'no_show'] as const;
/** Where an outgoing referral sent in the period stands now. */
export const referralOutcomes = [
  'sent',
  'accepted',
  'waitlisted',
  'started',
  'completed',
  'dropped_out',
  'declined',
  'no_response',
  'withdrawn',
] as const;
/** Where an incoming referral received in the period stands now: every incoming status. */
export const inboundOutcomes = inStatuses;
export const needOutcomes = ['met', 'unmet'] as const;
/** Contacts on site (in person, outreach) against remote (every other channel). */
export const contactSettings = ['on_site', 'remote'] as const;
export const onSiteChannels: readonly string[] = ['in_person', 'outreach'];

/** Category keys of each indicator, in the order reports list them. Offers are data (titles). */
export const indicatorCategories = {
  personsReached: reportStages,
  personsByGender: genders,
  personsByAgeBand: ageBands,
  personsByResidenceStatus: residenceGroups,
  personsByReachedVia: [...reachChannels, 'not_recorded'],
  personsByCountry: null,
  personsByGermanLevel: [...germanLevels, 'not_recorded'],
  personsBySchooling: [...schoolings, 'not_recorded'],
  contactsByChannel: contactChannels,
  contactsBySetting: contactSettings,
  contactsByMonth: null,
  appointmentsAttendedByMode: appointmentModes,
  appointmentsNoShowByMode: appointmentModes,
  caseConferences: ['held'],
  referralsByPartnerKind: partnerKinds,
  referralsByOffer: null,
  referralOutcomes: referralOutcomes,
  referralsReceived: inboundOutcomes,
  closingReasons: closingReasons,
  needsByCategory: needCategories,
  needsUnmetByCategory: needCategories,
  needsUnreferredByCategory: needCategories,
  gapsByCategory: needCategories,
} as const;

export type IndicatorKey = keyof typeof indicatorCategories;
export const indicatorKeys = Object.keys(indicatorCategories) as IndicatorKey[];

/** Two-way tables published beside the indicators (their margins are indicators above). */
export const tableKeys = [
  'personsByGender',
  'personsByAgeBand',
  'personsByResidenceStatus',
  'personsByReachedVia',
  'personsByCountry',
  'personsByGermanLevel',
  'personsBySchooling',
  'contactsByChannelAndMonth',
  'appointmentsByMode',
  'needsByCategory',
  'needsByResidenceStatus',
] as const;
export type TableKey = (typeof tableKeys)[number];

export interface ReportGrid {
  rows: string[];
  columns: string[];
  cells: Record<string, Record<string, PublishedCount>>;
  rowTotals: Record<string, PublishedCount>;
  columnTotals: Record<string, PublishedCount>;
  total: PublishedCount;
}

export interface ReportSummary {
  from: string;
  to: string;
  team: { id: string; name: string };
  /** Each indicator maps a category key to a published count (see suppress.ts). */
  indicators: Record<IndicatorKey, Record<string, PublishedCount>>;
  tables: Record<TableKey, ReportGrid>;
  /** The gaps recorded in the period, for the alliance meeting (no person, by design). */
  gaps: { category: string; description: string }[];
  /** Only cases with a valid reporting consent were counted (the team's setting for the year). */
  consentRequired: boolean;
  /** When the counting rule of the period's year was fixed (by the year's first report). */
  consentRuleFixedAt?: string;
  /**
   * The disclosure control: counts of 5 or more carry the cell-key noise of the named p-table (at
   * most `maxNoise` either way), so totals need not equal the sum of their parts.
   */
  method: { name: 'cell-key'; ptable: string; maxNoise: number };
  /**
   * Coordinators and admins only: per THM (staff) the cases they hold (active: reached and not
   * closed; new in the period) and the contacts they wrote, under the same disclosure control.
   * Key '' is "no THM assigned".
   */
  caseload?: {
    thms: { id: string; name: string }[];
    active: Record<string, PublishedCount>;
    new: Record<string, PublishedCount>;
    contacts: Record<string, PublishedCount>;
  };
}

export type ReportPeriod = { from: string; to: string };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Months in each kind of fixed period. */
const monthsIn: Record<FixedPeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** The fixed period of `kind` that starts in `month` (1-12) of `year`. */
export function fixedPeriod(kind: FixedPeriodKind, year: number, month: number): ReportPeriod {
  return {
    from: `${year}-${pad2(month)}-01`,
    to: lastDayOfMonth(year, month + monthsIn[kind] - 1),
  };
}

/** Which fixed period `period` is, or null when it is none. */
export function fixedPeriodKind({ from, to }: ReportPeriod): FixedPeriodKind | null {
  if (!isCalendarDay(from) || !isCalendarDay(to) || from.slice(8) !== '01') return null;
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  for (const kind of periodKinds) {
    if ((month - 1) % monthsIn[kind] !== 0) continue;
    if (fixedPeriod(kind, year, month).to === to) return kind;
  }
  return null;
}

/** Every fixed period inside `period` (itself included), largest first. */
export function fixedPeriodsWithin(period: ReportPeriod): ReportPeriod[] {
  const kind = fixedPeriodKind(period);
  if (!kind) return [];
  const year = Number(period.from.slice(0, 4));
  const first = Number(period.from.slice(5, 7));
  const out: ReportPeriod[] = [];
  for (const k of [...periodKinds].reverse()) {
    if (monthsIn[k] > monthsIn[kind]) continue;
    for (let m = first; m < first + monthsIn[kind]; m += monthsIn[k]) {
      if ((m - 1) % monthsIn[k] === 0) out.push(fixedPeriod(k, year, m));
    }
  }
  return out;
}

/** The fixed period of the same kind just before `period` (for the comparison). */
export function previousPeriod(period: ReportPeriod): ReportPeriod | null {
  const kind = fixedPeriodKind(period);
  if (!kind) return null;
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7)) - monthsIn[kind];
  if (month < 1) {
    month += 12;
    year -= 1;
  }
  return fixedPeriod(kind, year, month);
}

/** The period from query values, or the reason why not. */
export function parseReportPeriod(
  from: unknown,
  to: unknown,
): { ok: true; period: ReportPeriod; kind: FixedPeriodKind } | { ok: false; message: Message } {
  if (typeof from !== 'string' || typeof to !== 'string' || !from || !to) {
    return { ok: false, message: message('server.reports.periodMissing') };
  }
  for (const [which, value] of [
    ['server.reports.fromInvalid', from],
    ['server.reports.toInvalid', to],
  ] as const) {
    if (!isCalendarDay(value)) {
      return { ok: false, message: message(which, { value: value.slice(0, 20) }) };
    }
  }
  if (from > to) return { ok: false, message: message('server.reports.fromAfterTo') };
  const kind = fixedPeriodKind({ from, to });
  if (!kind) {
    return { ok: false, message: message('server.reports.notFixedPeriod', { from, to }) };
  }
  return { ok: true, period: { from, to }, kind };
}

/** The months of a period as YYYY-MM, first to last. */
export function monthsOf({ from, to }: ReportPeriod): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** Age band of a person of `age` whole years. */
export function ageBandOf(age: number | null): (typeof ageBands)[number] {
  if (age === null) return 'unknown';
  if (age < 18) return 'under_18';
  if (age <= 20) return '18-20';
  if (age <= 23) return '21-23';
  if (age <= 26) return '24-26';
  return '27+';
}
