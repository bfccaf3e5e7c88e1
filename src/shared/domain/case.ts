// The case: one per young person, carrying their profile. Child data (statuses, needs, contacts,
// tasks, ...) are records of their own that point here with `caseId`.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import { autoTaskTitle } from './task';
import type { MessageKey, Params } from '../i18n/t';
import {
  addDays,
  choice,
  daysBetween,
  flag,
  isoDate,
  LONG,
  optional,
  recordId,
  reference,
  requiredText,
  SHORT,
  text,
} from './common';
import { key, message, type Message } from '../i18n/message';

export const caseStatuses = [
  'inquiry',
  'intake',
  'active',
  'paused',
  'unreachable',
  'closed',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const closingReasons = [
  'training',
  'entry_qualification',
  'work',
  'school',
  'handover_jobcenter',
  'handover_kim',
  'moved',
  'left_germany',
  'lost_contact',
  'own_wish',
  'age_limit',
  'other',
] as const;
export type ClosingReason = (typeof closingReasons)[number];

export const genders = ['female', 'male', 'diverse', 'not_stated'] as const;
export const germanLevels = ['none', 'literacy', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const germanLevelSources = ['certified', 'estimated'] as const;
export const literacyLevels = ['none', 'other_script', 'latin', 'both'] as const;
export const schoolings = [
  'none',
  'primary_abroad',
  'secondary_abroad',
  'esa',
  'eesa',
  'msa',
  'fhr',
  'abitur',
  'university',
] as const;
export const recognitionStates = [
  'not_needed',
  'not_started',
  'pending',
  'partial',
  'recognised',
  'refused',
] as const;
export const reachChannels = [
  'whatsapp',
  'shelter_visit',
  'school',
  'abh',
  'jobcenter',
  'employment_agency',
  'jmd',
  'social_services',
  'refugee_org',
  'friends',
  'flyer',
  'event',
  'outreach',
  'other',
] as const;
export const messengers = ['whatsapp', 'signal', 'telegram', 'threema', 'other'] as const;

/** Young people are supported up to their 27th birthday (the programme's age limit). */
export const AGE_LIMIT_YEARS = 27;
/**
 * The age-limit task falls due this many days before the 27th birthday: a handover (Jobcenter,
 * other counselling) takes appointments and paperwork, which need a few months.
 */
export const AGE_LIMIT_TASK_LEAD_DAYS = 90;
/**
 * How long a closed case is kept (and can be reopened) before it is erased, unless the team set
 * another period (`TeamSettings.retentionYears`, sent with the session).
 */
export const RETENTION_YEARS = 3;

export const caseSchema = v.object({
  id: recordId,
  givenName: requiredText(SHORT, 'rules.cases.givenName'),
  familyName: requiredText(SHORT, 'rules.cases.familyName'),
  /** Other spellings of the name (transliterations, names in documents), searched like the name. */
  otherNames: optional(
    v.pipe(v.array(text(SHORT)), v.maxLength(10, key('rules.cases.otherNamesMax'))),
  ),
  birthDate: optional(isoDate('rules.cases.birthDate')),
  gender: optional(choice(genders, 'rules.cases.gender')),
  countryOfOrigin: optional(text(SHORT)),
  languages: optional(text(SHORT)),
  literacy: optional(choice(literacyLevels, 'rules.validation.chooseFromList')),
  germanLevel: optional(choice(germanLevels, 'rules.cases.germanLevel')),
  germanLevelSource: optional(choice(germanLevelSources, 'rules.validation.chooseFromList')),
  interpreterNeeded: optional(flag()),
  interpreterLanguage: optional(text(SHORT)),
  phone: optional(v.pipe(text(40), v.regex(/^[+0-9 ()/-]*$/, key('rules.validation.phone')))),
  messenger: optional(choice(messengers, 'rules.cases.messenger')),
  email: optional(
    v.pipe(
      text(SHORT),
      v.check(
        (s) => s === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s),
        key('rules.validation.email'),
      ),
    ),
  ),
  shelter: optional(text(SHORT)),
  address: optional(text(LONG)),
  schooling: optional(choice(schoolings, 'rules.cases.schooling')),
  schoolingRecognition: optional(choice(recognitionStates, 'rules.validation.chooseFromList')),
  workHistory: optional(text(LONG)),
  skills: optional(text(LONG)),
  reachedVia: optional(choice(reachChannels, 'rules.validation.chooseFromList')),
  referredByPartnerId: optional(reference('rules.validation.invalidPartner')),
  resources: optional(text(LONG)),
  lifeWorldNotes: optional(text(LONG)),
  assignedTo: optional(v.pipe(v.string(), v.maxLength(64))),
  /** A colleague covering the case during an absence (Vertretung), until `coveredUntil` if set. */
  coveredBy: optional(v.pipe(v.string(), v.maxLength(64))),
  coveredUntil: optional(isoDate('rules.cases.coveredUntil')),
  status: choice(caseStatuses, 'rules.validation.statusFromList'),
  closingReason: optional(choice(closingReasons, 'rules.cases.closingReasonFromList')),
  closingNote: optional(text(LONG)),
  closedOn: optional(isoDate()),
  /** Set on closing; after this date the case is deleted and can no longer be reopened. */
  retainUntil: optional(isoDate()),
  createdOn: optional(isoDate()),
});
export type Case = v.InferOutput<typeof caseSchema>;

const caseTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  inquiry: ['intake', 'active', 'closed'],
  intake: ['active', 'paused', 'unreachable', 'closed'],
  active: ['paused', 'unreachable', 'closed'],
  paused: ['active', 'unreachable', 'closed'],
  unreachable: ['active', 'paused', 'closed'],
  closed: ['active'],
};

export function allowedCaseTransitions(from: CaseStatus): readonly CaseStatus[] {
  return caseTransitions[from];
}

export function canMoveCase(from: CaseStatus, to: CaseStatus): boolean {
  return from === to || caseTransitions[from].includes(to);
}

/** The fields a status change writes: closing stamps reason and retention, reopening clears them. */
export function caseStatusChange(
  current: Pick<Case, 'status' | 'retainUntil'>,
  to: CaseStatus,
  today: string,
  closing?: { reason: ClosingReason; note?: string | null },
  retentionYears = RETENTION_YEARS,
): { ok: true; fields: Partial<Case> } | { ok: false; reason: Message } {
  if (!canMoveCase(current.status, to)) {
    return { ok: false, reason: message('rules.validation.statusChange') };
  }
  if (to === 'closed') {
    if (!closing?.reason) return { ok: false, reason: message('rules.cases.closingReasonMissing') };
    return {
      ok: true,
      fields: {
        status: 'closed',
        closingReason: closing.reason,
        closingNote: closing.note ?? null,
        closedOn: today,
        retainUntil: addYears(today, retentionYears),
      },
    };
  }
  if (current.status === 'closed') {
    if (current.retainUntil && current.retainUntil < today) {
      return {
        ok: false,
        reason: message('rules.cases.retentionExpired'),
      };
    }
    return {
      ok: true,
      fields: {
        status: to,
        closingReason: null,
        closingNote: null,
        closedOn: null,
        retainUntil: null,
      },
    };
  }
  return { ok: true, fields: { status: to } };
}

/** German reason why `next` may not follow `prev`, or null. Runs on the phone and the server. */
export function checkCaseChange(prev: Case | undefined, next: Case, today: string): Message | null {
  if (next.coveredUntil && !next.coveredBy) return message('rules.cases.coverNeedsPerson');
  if (next.status === 'closed' && !next.closingReason)
    return message('rules.cases.closingReasonMissing');
  if (next.status !== 'closed' && next.closingReason) {
    return message('rules.cases.openWithClosingReason');
  }
  if (next.closingReason === 'other' && !next.closingNote) {
    return message('rules.cases.closingNoteMissing');
  }
  if (next.birthDate && next.birthDate > today) return message('rules.cases.birthDateInFuture');
  if (!prev || prev.status === next.status) return null;
  if (!canMoveCase(prev.status, next.status)) return message('rules.validation.statusChange');
  if (prev.status === 'closed' && prev.retainUntil && prev.retainUntil < today) {
    return message('rules.cases.retentionExpired');
  }
  return null;
}

export const caseTable = defineTable<Case>({
  schema: caseSchema,
  checkChange: (prev, next, ctx) => checkCaseChange(prev, next, ctx.today),
});

/** Whole years of age on `today`, or null without a birth date. */
export function ageOn(birthDate: string | null | undefined, today: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The day the person turns 27 and leaves the target group. */
export function ageLimitDate(birthDate: string): string {
  return addYears(birthDate, AGE_LIMIT_YEARS);
}

/** Days until the age limit (negative once passed), or null without a birth date. */
export function daysUntilAgeLimit(
  birthDate: string | null | undefined,
  today: string,
): number | null {
  return birthDate ? daysBetween(today, ageLimitDate(birthDate)) : null;
}

/**
 * The "Wiedervorlage" a birth date brings along: due some months before the 27th birthday (today if
 * that is nearer), none once the birthday has passed. The title is a reminder, not advice.
 */
export function ageLimitTaskFields(
  c: Pick<Case, 'id' | 'birthDate'>,
  today: string,
): {
  caseId: string;
  title: string;
  titleKey: MessageKey;
  titleParams: Params;
  dueOn: string;
  kind: 'age_limit';
  sourceTable: 'cases';
  sourceId: string;
} | null {
  if (!c.birthDate) return null;
  const limit = ageLimitDate(c.birthDate);
  if (limit < today) return null;
  const lead = addDays(limit, -AGE_LIMIT_TASK_LEAD_DAYS);
  return {
    caseId: c.id,
    ...autoTaskTitle('cases.tasks.auto.ageLimit', { years: AGE_LIMIT_YEARS, date: limit }),
    dueOn: lead < today ? today : lead,
    kind: 'age_limit',
    sourceTable: 'cases',
    sourceId: c.id,
  };
}

/** The case list flags a person within half a year of 27 or older. */
export function isNearAgeLimit(
  birthDate: string | null | undefined,
  today: string,
  withinDays = 183,
): boolean {
  const days = daysUntilAgeLimit(birthDate, today);
  return days !== null && days <= withinDays;
}

export function isOpenCase(status: CaseStatus): boolean {
  return status !== 'closed';
}

export function fullName(c: Pick<Case, 'givenName' | 'familyName'>): string {
  return `${c.givenName} ${c.familyName}`.trim();
}

/** Initials for places where a name must not appear (calendar exports, summaries). */
export function initials(c: Pick<Case, 'givenName' | 'familyName'>): string {
  return `${c.givenName.charAt(0)}. ${c.familyName.charAt(0)}.`.toUpperCase();
}

/** 29 Feb + n years falls on 28 Feb in common years. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
