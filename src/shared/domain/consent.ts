// The person's consents, one record per purpose (and, for sharing, per partner). Data leave the THM
// only under a valid consent; a withdrawal stops new sharing at once, on the phone and the server.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import {
  choice,
  isoDate,
  latestAcceptedDay,
  LONG,
  optional,
  recordId,
  reference,
  SHORT,
  text,
} from './common';
import { key, message, type Message } from '../i18n/message';

export const consentPurposes = [
  'store_data',
  'share_with_partner',
  'case_conference',
  'messenger',
  'reporting',
] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const consentForms = ['written', 'oral', 'digital'] as const;
export type ConsentForm = (typeof consentForms)[number];

/** The kinds of data a consent to share lets the THM pass on (what a referral summary may show). */
export const sharedDataKinds = [
  'name',
  'birth_date',
  'contact',
  'languages',
  'german_level',
  'residence',
  'schooling',
  'need',
  'reason',
  // Issue 25: the documents of the referral are listed (title, date), never attached.
  'documents',
] as const;
export type SharedDataKind = (typeof sharedDataKinds)[number];
/** Preselected on a new consent to share: who the person is, how to reach them, why. */
export const DEFAULT_SHARED_DATA: readonly SharedDataKind[] = ['name', 'contact', 'reason'];

export const consentSchema = v.object({
  id: recordId,
  caseId: reference('rules.validation.chooseCase'),
  purpose: choice(consentPurposes, 'rules.consents.purpose'),
  /** The named partner (required for sharing; for a case conference, limits it to that partner). */
  partnerId: optional(reference('rules.consents.partner')),
  givenOn: isoDate('rules.consents.givenOn'),
  validUntil: optional(isoDate('rules.validation.date')),
  withdrawnOn: optional(isoDate('rules.consents.withdrawnOn')),
  /**
   * The day the withdrawal was entered on a phone (set with withdrawnOn). On that day the entry may
   * be taken back as a correction ("Rückgängig"); afterwards a withdrawal is final.
   */
  withdrawalRecordedOn: optional(isoDate()),
  /** Language of the form the person read or had read to them. */
  formLanguage: optional(text(SHORT)),
  /** Version of the consent text (e.g. "2025-01"), so the wording can be traced later. */
  textVersion: optional(text(SHORT)),
  /** Interpreter present (name or language), if any. */
  interpreter: optional(text(SHORT)),
  howGiven: optional(choice(consentForms, 'rules.validation.chooseFromList')),
  /** For sharing: which data the person agreed to pass on; absent = none beyond the referral itself. */
  sharedData: optional(
    v.pipe(
      v.array(choice(sharedDataKinds, 'rules.consents.unknownItem')),
      v.check((kinds) => new Set(kinds).size === kinds.length, key('rules.consents.itemOnce')),
    ),
  ),
  note: optional(text(LONG)),
});
export type Consent = v.InferOutput<typeof consentSchema>;

/** What a consent must cover: a purpose, and for sharing or a conference the partner concerned. */
export interface ConsentNeed {
  purpose: ConsentPurpose;
  partnerId?: string | null;
}

type ConsentDates = Pick<
  Consent,
  'purpose' | 'partnerId' | 'givenOn' | 'validUntil' | 'withdrawnOn'
>;

export type ConsentProblem = 'missing' | 'other_partner' | 'not_yet' | 'expired' | 'withdrawn';

/** Whether `consent` covers `need` on `today` (all dates `YYYY-MM-DD`). */
export function isConsentValid(consent: ConsentDates, today: string, need: ConsentNeed): boolean {
  return consentProblem(consent, today, need) === null;
}

/** Why one consent does not cover `need` on `today`, or null when it does. */
export function consentProblem(
  consent: ConsentDates,
  today: string,
  need: ConsentNeed,
): ConsentProblem | null {
  if (consent.purpose !== need.purpose) return 'missing';
  if (!coversPartner(consent, need)) return 'other_partner';
  // Withdrawal counts from the day it was declared: withdrawnOn <= today means withdrawn.
  if (consent.withdrawnOn && consent.withdrawnOn <= today) return 'withdrawn';
  if (consent.validUntil && consent.validUntil < today) return 'expired';
  if (consent.givenOn > today) return 'not_yet';
  return null;
}

function coversPartner(consent: ConsentDates, need: ConsentNeed): boolean {
  if (need.purpose === 'share_with_partner') {
    return !!need.partnerId && consent.partnerId === need.partnerId;
  }
  if (need.purpose === 'case_conference' && need.partnerId) {
    // A conference consent without a partner covers every participant.
    return !consent.partnerId || consent.partnerId === need.partnerId;
  }
  return true;
}

/** A consent covering `need` on `today` (the one valid longest), or undefined. */
export function findValidConsent<C extends ConsentDates>(
  consents: readonly C[],
  need: ConsentNeed,
  today: string,
): C | undefined {
  return consents
    .filter((consent) => isConsentValid(consent, today, need))
    .sort((a, b) => (b.validUntil ?? '9999-12-31').localeCompare(a.validUntil ?? '9999-12-31'))[0];
}

/**
 * The problem that explains best why no consent covers `need`: a withdrawal before an expiry
 * before a future date before a consent for another partner before none at all.
 */
export function missingConsentProblem(
  consents: readonly ConsentDates[],
  need: ConsentNeed,
  today: string,
): { problem: ConsentProblem; date?: string } | null {
  if (findValidConsent(consents, need, today)) return null;
  const order: ConsentProblem[] = ['withdrawn', 'expired', 'not_yet', 'other_partner'];
  for (const problem of order) {
    const hit = consents.find((consent) => consentProblem(consent, today, need) === problem);
    if (hit) {
      const date =
        problem === 'withdrawn'
          ? hit.withdrawnOn
          : problem === 'expired'
            ? hit.validUntil
            : hit.givenOn;
      return problem === 'other_partner' ? { problem } : { problem, date: date ?? undefined };
    }
  }
  return { problem: 'missing' };
}

/** The consent gate's refusal, on the phone and in the server's rejection. */
export function consentProblemMessage(
  found: { problem: ConsentProblem; date?: string },
  purpose: ConsentPurpose,
): Message {
  const what =
    purpose === 'share_with_partner'
      ? 'share'
      : purpose === 'case_conference'
        ? 'conference'
        : 'other';
  const problem =
    found.problem === 'not_yet'
      ? 'notYet'
      : found.problem === 'other_partner'
        ? 'otherPartner'
        : found.problem;
  return message(
    `rules.consentGate.${what}.${problem}`,
    found.date ? { date: found.date } : undefined,
  );
}

/**
 * Why `withdrawnOn` cannot be the date of withdrawing `consent` on `today` (missing, in the future,
 * before the consent was given), or null. The withdrawal sheet and the rule below share it.
 */
export function withdrawalDateProblem(
  consent: Pick<Consent, 'givenOn'>,
  withdrawnOn: string,
  today: string,
): Message | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(withdrawnOn)) {
    return message('network.consent.withdrawal.dateMissing');
  }
  if (withdrawnOn > today) return message('network.consent.withdrawal.dateFuture');
  if (withdrawnOn < consent.givenOn) {
    return message('network.consent.withdrawal.dateBeforeGiven', { date: consent.givenOn });
  }
  return null;
}

/** The fields that withdraw `consent` as of `withdrawnOn`, entered on `today`. */
export function consentWithdrawal(withdrawnOn: string, today: string): Partial<Consent> {
  return { withdrawnOn, withdrawalRecordedOn: today };
}

/**
 * Whether `prev -> next` takes a withdrawal back: allowed only on the day it was entered (the
 * "Rückgängig" right after a mistaken tap, also when the undo reaches the server later that day).
 */
function isWithdrawalUndo(prev: Consent, next: Consent, today: string): boolean {
  return (
    !!prev.withdrawnOn &&
    !next.withdrawnOn &&
    !next.withdrawalRecordedOn &&
    prev.withdrawalRecordedOn === today
  );
}

export function checkConsentChange(
  prev: Consent | undefined,
  next: Consent,
  today?: string,
): Message | null {
  if (next.purpose === 'share_with_partner' && !next.partnerId) {
    return message('rules.consents.partnerMissing');
  }
  if (
    next.partnerId &&
    next.purpose !== 'share_with_partner' &&
    next.purpose !== 'case_conference'
  ) {
    return message('rules.consents.partnerNotAllowed');
  }
  if (next.validUntil && next.validUntil < next.givenOn) {
    return message('rules.consents.validUntilBeforeGiven');
  }
  if (next.withdrawnOn && next.withdrawnOn < next.givenOn) {
    return message('rules.consents.withdrawnBeforeGiven');
  }
  const latest = today && latestAcceptedDay(today);
  if (latest && next.withdrawnOn && !prev?.withdrawnOn) {
    const problem = withdrawalDateProblem(next, next.withdrawnOn, latest);
    if (problem) return problem;
  }
  // The day a withdrawal was entered arms "Rückgängig" for that day only: a day in the future, or
  // one changed later, would keep the way back open (or reopen it), so neither is taken.
  const recordedOn = next.withdrawalRecordedOn ?? null;
  if (recordedOn !== (prev?.withdrawalRecordedOn ?? null) && recordedOn !== null) {
    if (prev?.withdrawnOn) return message('rules.consents.withdrawalFinal');
    if (!next.withdrawnOn || recordedOn < next.withdrawnOn || (latest && recordedOn > latest)) {
      return message('rules.consents.withdrawalRecordedOn');
    }
  }
  if (!prev) return null;
  if (
    prev.caseId !== next.caseId ||
    prev.purpose !== next.purpose ||
    (prev.partnerId ?? null) !== (next.partnerId ?? null)
  ) {
    return message('rules.consents.fixed');
  }
  if (prev.withdrawnOn && (next.withdrawnOn ?? null) !== prev.withdrawnOn) {
    if (today && isWithdrawalUndo(prev, next, today)) return null;
    return message('rules.consents.withdrawalFinal');
  }
  return null;
}

export const consentTable = defineTable<Consent>({
  schema: consentSchema,
  checkChange: (prev, next, ctx) => checkConsentChange(prev, next, ctx.today),
  immutable: ['caseId', 'purpose', 'partnerId'],
});

/** Shown on the consent list: what state a consent is in today. */
export function consentState(
  consent: Pick<Consent, 'givenOn' | 'validUntil' | 'withdrawnOn'>,
  today: string,
): 'valid' | 'withdrawn' | 'expired' | 'not_yet' {
  if (consent.withdrawnOn && consent.withdrawnOn <= today) return 'withdrawn';
  if (consent.validUntil && consent.validUntil < today) return 'expired';
  if (consent.givenOn > today) return 'not_yet';
  return 'valid';
}
