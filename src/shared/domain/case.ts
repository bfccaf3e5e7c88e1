// The case: one per young person, carrying their profile. Child data (statuses, needs, contacts,
// tasks, ...) are records of their own that point here with `caseId`.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import {
  addYears,
  choice,
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
