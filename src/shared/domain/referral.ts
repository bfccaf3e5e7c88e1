// Referrals: out to a partner's offer, or in from a partner who noticed a need. One shared status
// machine per direction; moving out to `sent` needs a valid consent for that partner (phone AND
// server run this, through the RuleContext).
import * as v from 'valibot';
import { defineTable, type RuleContext } from './table-rules';
import {
  addDays,
  choice,
  isoDate,
  latestAcceptedDay,
  LONG,
  optional,
  recordId,
  reference,
  text,
} from './common';
import { referralConsentGate } from './referral-consent';
import { message, type Message } from '../i18n/message';

export const referralDirections = ['out', 'in'] as const;
export type ReferralDirection = (typeof referralDirections)[number];

export const outStatuses = [
  'draft',
  'consent_pending',
  'sent',
  'accepted',
  'waitlisted',
  'declined',
  'no_response',
  'started',
  'completed',
  'dropped_out',
  'withdrawn',
] as const;
export const inStatuses = [
  'received',
  'first_contact',
  'taken_on',
  'not_eligible',
  'withdrawn',
] as const;
type IncomingOnly = Exclude<(typeof inStatuses)[number], (typeof outStatuses)[number]>;
/** Every status of either direction, outgoing first (`withdrawn` once). */
export const referralStatuses = [
  ...outStatuses,
  ...inStatuses.filter((status): status is IncomingOnly => !outStatuses.includes(status as never)),
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Days after sending until the follow-up task falls due, unless the THM picks a date. */
export const FOLLOW_UP_DAYS = 14;

export const referralSchema = v.object({
  id: recordId,
  caseId: reference('rules.validation.chooseCase'),
  partnerId: reference('rules.validation.choosePartner'),
  direction: choice(referralDirections, 'rules.referrals.direction'),
  status: choice(referralStatuses, 'rules.validation.statusFromList'),
  offerId: optional(reference('rules.referrals.offer')),
  /** The need this referral works on; completing it can mark the need as met. */
  needId: optional(reference('rules.referrals.need')),
  reason: optional(text(LONG)),
  /** The consent that covered sending (set when sent). */
  consentId: optional(reference('rules.referrals.invalidConsent')),
  followUpOn: optional(isoDate('rules.referrals.followUpOn')),
  outcome: optional(text(LONG)),
  sentOn: optional(isoDate()),
  receivedOn: optional(isoDate()),
  closedOn: optional(isoDate()),
});
export type Referral = v.InferOutput<typeof referralSchema>;

// Withdrawn is reachable from every open state (the person or the THM changes their mind).
const transitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['consent_pending', 'sent', 'withdrawn'],
  consent_pending: ['sent', 'withdrawn'],
  sent: ['accepted', 'waitlisted', 'declined', 'no_response', 'withdrawn'],
  waitlisted: ['accepted', 'declined', 'withdrawn'],
  accepted: ['started', 'withdrawn'],
  started: ['completed', 'dropped_out', 'withdrawn'],
  declined: [],
  no_response: [],
  completed: [],
  dropped_out: [],
  withdrawn: [],
  received: ['first_contact', 'not_eligible', 'withdrawn'],
  first_contact: ['taken_on', 'not_eligible', 'withdrawn'],
  taken_on: [],
  not_eligible: [],
};

const initialStatuses: Record<ReferralDirection, readonly ReferralStatus[]> = {
  out: ['draft', 'consent_pending', 'sent'],
  in: ['received'],
};

/** Before `sent` nothing has left the THM, so the partner may still be changed. */
const unsentStatuses: readonly ReferralStatus[] = ['draft', 'consent_pending'];

export function statusesFor(direction: ReferralDirection): readonly ReferralStatus[] {
  return direction === 'out' ? outStatuses : inStatuses;
}

export function allowedReferralTransitions(from: ReferralStatus): readonly ReferralStatus[] {
  return transitions[from];
}

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return from === to || transitions[from].includes(to);
}

export function isOpenReferral(status: ReferralStatus): boolean {
  return transitions[status].length > 0;
}

/** Open and already shared with the partner: a withdrawn consent must be flagged here. */
export function isSharedReferral(referral: Pick<Referral, 'direction' | 'status'>): boolean {
  return (
    referral.direction === 'out' &&
    isOpenReferral(referral.status) &&
    !unsentStatuses.includes(referral.status)
  );
}

/**
 * Whether `prev -> next` takes a withdrawal back to the open status before it: allowed only on the
 * day it was withdrawn (closedOn), as the "Rückgängig" right after a mistaken tap.
 */
export function isReferralWithdrawalUndo(
  prev: Pick<Referral, 'status' | 'closedOn'>,
  next: Pick<Referral, 'status' | 'closedOn'>,
  today: string | undefined,
): boolean {
  return (
    !!today &&
    prev.status === 'withdrawn' &&
    prev.closedOn === today &&
    next.status !== 'withdrawn' &&
    isOpenReferral(next.status) &&
    !next.closedOn
  );
}

/** The fields that take a withdrawal back to `before` (the referral as it was before). */
export function referralWithdrawalUndo(before: Referral): Partial<Referral> {
  return { status: before.status, closedOn: before.closedOn ?? null };
}

/** Why `next` may not follow `prev` (structure only; the consent gate is separate). */
export function checkReferralShape(
  prev: Referral | undefined,
  next: Referral,
  today?: string,
): Message | null {
  if (!statusesFor(next.direction).includes(next.status)) {
    return message('rules.referrals.statusForDirection');
  }
  if (!prev) {
    return initialStatuses[next.direction].includes(next.status)
      ? null
      : message('rules.referrals.newStatus');
  }
  if (prev.caseId !== next.caseId) return message('rules.referrals.otherCase');
  if (prev.direction !== next.direction) return message('rules.referrals.directionFixed');
  if (prev.partnerId !== next.partnerId && !unsentStatuses.includes(prev.status)) {
    return message('rules.referrals.partnerFixed');
  }
  if (!canMoveReferral(prev.status, next.status) && !isReferralWithdrawalUndo(prev, next, today)) {
    return message('rules.validation.statusChange');
  }
  // closedOn arms "Rückgängig" for that day only: it is stamped by the status change, never moved
  // later on a closed referral, and never in the future (one day of slack around midnight).
  const closedOn = next.closedOn ?? null;
  if (closedOn !== (prev.closedOn ?? null)) {
    if (!isOpenReferral(prev.status) && !isOpenReferral(next.status)) {
      return message('rules.referrals.closedOnFixed');
    }
    if (closedOn && today && closedOn > latestAcceptedDay(today)) {
      return message('rules.validation.dateInFuture');
    }
  }
  return null;
}

export async function checkReferralChange(
  prev: Referral | undefined,
  next: Referral,
  ctx: RuleContext,
): Promise<Message | null> {
  const shape = checkReferralShape(prev, next, ctx.today);
  if (shape) return shape;
  if (next.offerId && (!prev || prev.offerId !== next.offerId)) {
    const offer = await ctx.get('offers', next.offerId);
    if (offer && offer.partnerId !== next.partnerId)
      return message('rules.referrals.offerOtherPartner');
  }
  if (next.needId && (!prev || prev.needId !== next.needId)) {
    const need = await ctx.get('needs', next.needId);
    if (need && need.caseId !== next.caseId) return message('rules.referrals.needOtherCase');
  }
  // Taking a withdrawal back to "sent" shares nothing new: the gate ran when it was sent.
  const undo = !!prev && isReferralWithdrawalUndo(prev, next, ctx.today) && !!next.sentOn;
  if (next.status === 'sent' && prev?.status !== 'sent' && !undo) {
    return referralConsentGate(next, await ctx.listByCase('consents', next.caseId), ctx.today);
  }
  return null;
}

export const referralTable = defineTable<Referral>({
  schema: referralSchema,
  checkChange: checkReferralChange,
  immutable: ['caseId', 'direction'],
});

/** The fields a status change writes: sending stamps the date and a follow-up, an end closes. */
export function referralStatusChange(
  current: Pick<Referral, 'status' | 'followUpOn'>,
  to: ReferralStatus,
  today: string,
): { ok: true; fields: Partial<Referral> } | { ok: false; reason: Message } {
  if (!canMoveReferral(current.status, to)) {
    return { ok: false, reason: message('rules.validation.statusChange') };
  }
  const fields: Partial<Referral> = { status: to };
  if (to === 'sent') {
    fields.sentOn = today;
    fields.followUpOn =
      current.followUpOn && current.followUpOn > today
        ? current.followUpOn
        : addDays(today, FOLLOW_UP_DAYS);
  }
  if (!isOpenReferral(to)) fields.closedOn = today;
  return { ok: true, fields };
}
