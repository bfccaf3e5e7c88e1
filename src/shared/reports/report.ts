// The team report (Sachbericht): its period rule, its indicators and the shape of
// GET /api/reports/summary. The server computes it; the console shows, charts and prints it.
import '../i18n/messages-console';
import { closingReasons, genders } from '../domain/case';
import { contactChannels } from '../domain/contact';
import { appointmentModes } from '../domain/appointment';
import { partnerKinds } from '../domain/partner';
import { needCategories } from '../domain/need';
import type { PublishedCount } from './suppress';
import { message, type Message } from '../i18n/message';

/** A report never spans more than this: longer asks would be slow and are never needed. */
export const MAX_REPORT_YEARS = 5;

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
export const inboundOutcomes = [
  'received',
  'first_contact',
  'taken_on',
  'not_eligible',
  'withdrawn',
] as const;
export const needOutcomes = ['met', 'unmet'] as const;

/** Category keys of each indicator, in the order reports list them. Offers are data (titles). */
export const indicatorCategories = {
  personsReached: reportStages,
  personsByGender: genders,
  personsByAgeBand: ageBands,
  personsByResidenceStatus: residenceGroups,
  contactsByChannel: contactChannels,
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
  gapsByCategory: needCategories,
} as const;

export type IndicatorKey = keyof typeof indicatorCategories;
export const indicatorKeys = Object.keys(indicatorCategories) as IndicatorKey[];

/** Two-way tables published beside the indicators (their margins are indicators above). */
export const tableKeys = [
  'personsByGender',
  'personsByAgeBand',
  'personsByResidenceStatus',
  'contactsByChannelAndMonth',
  'appointmentsByMode',
  'needsByCategory',
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
  /** Only cases with a valid reporting consent were counted (the team's setting). */
  consentRequired: boolean;
}

export type ReportPeriod = { from: string; to: string };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February + n years lands on 1 March in a common year: keep the last day of February.
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** The period from query values, or the reason why not. */
export function parseReportPeriod(
  from: unknown,
  to: unknown,
): { ok: true; period: ReportPeriod } | { ok: false; message: Message } {
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
  if (to >= addYears(from, MAX_REPORT_YEARS)) {
    return {
      ok: false,
      message: message('server.reports.tooLong', { years: MAX_REPORT_YEARS }),
    };
  }
  return { ok: true, period: { from, to } };
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
