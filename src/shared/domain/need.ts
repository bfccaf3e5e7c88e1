// A need of the young person (language course, housing, recognition, ...), with a goal in their own
// words and the next step. Status: open -> in progress -> met / not met; a finished need can be
// picked up again, but never flips straight from met to not met (or back) without being reopened.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import { choice, isoDate, LONG, optional, recordId, reference, SHORT, text } from './common';
import { message, type Message } from '../i18n/message';

export const needCategories = [
  'language',
  'school',
  'recognition',
  'training',
  'work',
  'residence',
  'housing',
  'health',
  'money',
  'family',
  'mobility',
  'digital',
  'documents',
  'leisure',
] as const;
export type NeedCategory = (typeof needCategories)[number];

export const needPriorities = ['high', 'medium', 'low'] as const;
export type NeedPriority = (typeof needPriorities)[number];

export const needSources = ['self', 'thm', 'partner'] as const;
export type NeedSource = (typeof needSources)[number];

/** Who takes the next step. */
export const needActors = ['client', 'thm', 'partner'] as const;
export type NeedActor = (typeof needActors)[number];

export const needStatuses = ['open', 'in_progress', 'met', 'not_met'] as const;
export type NeedStatus = (typeof needStatuses)[number];

export const needSchema = v.object({
  id: recordId,
  caseId: reference('rules.validation.chooseCase'),
  category: choice(needCategories, 'rules.validation.categoryFromList'),
  description: optional(text(LONG)),
  priority: choice(needPriorities, 'rules.needs.priority'),
  /** The goal as the person says it, in their own words. */
  goal: optional(text(LONG)),
  nextStep: optional(text(SHORT)),
  nextStepBy: optional(choice(needActors, 'rules.validation.chooseFromList')),
  source: choice(needSources, 'rules.needs.source'),
  reviewOn: optional(isoDate('rules.needs.reviewOn')),
  status: choice(needStatuses, 'rules.validation.statusFromList'),
  /** Set when the need is met or not met; cleared when it is reopened. */
  resolvedOn: optional(isoDate()),
});
export type Need = v.InferOutput<typeof needSchema>;

const needTransitions: Record<NeedStatus, readonly NeedStatus[]> = {
  open: ['in_progress', 'met', 'not_met'],
  in_progress: ['open', 'met', 'not_met'],
  met: ['open', 'in_progress'],
  not_met: ['open', 'in_progress'],
};

export function allowedNeedTransitions(from: NeedStatus): readonly NeedStatus[] {
  return needTransitions[from];
}

export function canMoveNeed(from: NeedStatus, to: NeedStatus): boolean {
  return from === to || needTransitions[from].includes(to);
}

export function isOpenNeed(status: NeedStatus): boolean {
  return status === 'open' || status === 'in_progress';
}

/** The refusal when work on a need would start without a next step. */
export const NEXT_STEP_REQUIRED = message('rules.needs.nextStepRequired');

/** The fields a status change writes; work on a need starts only with a next step. */
export function needStatusChange(
  current: Pick<Need, 'status' | 'nextStep'>,
  to: NeedStatus,
  today: string,
): { ok: true; fields: Partial<Need> } | { ok: false; reason: Message } {
  if (!canMoveNeed(current.status, to)) {
    return { ok: false, reason: message('rules.validation.statusChange') };
  }
  if (to === 'in_progress' && !current.nextStep) return { ok: false, reason: NEXT_STEP_REQUIRED };
  if (to === 'met' || to === 'not_met')
    return { ok: true, fields: { status: to, resolvedOn: today } };
  return { ok: true, fields: { status: to, resolvedOn: null } };
}

export function checkNeedChange(prev: Need | undefined, next: Need): Message | null {
  if (prev && prev.caseId !== next.caseId) {
    return message('rules.needs.otherCase');
  }
  if (next.status === 'in_progress' && !next.nextStep) return NEXT_STEP_REQUIRED;
  if (prev && !canMoveNeed(prev.status, next.status))
    return message('rules.validation.statusChange');
  return null;
}

export const needTable = defineTable<Need>({
  schema: needSchema,
  checkChange: (prev, next) => checkNeedChange(prev, next),
  immutable: ['caseId'],
});

const priorityRank: Record<NeedPriority, number> = { high: 0, medium: 1, low: 2 };

/** Open needs first, then by priority, then oldest first (UUIDv7 ids sort by creation). */
export function compareNeeds(
  a: Pick<Need, 'id' | 'status' | 'priority'>,
  b: Pick<Need, 'id' | 'status' | 'priority'>,
): number {
  const open = Number(isOpenNeed(b.status)) - Number(isOpenNeed(a.status));
  if (open !== 0) return open;
  const priority = priorityRank[a.priority] - priorityRank[b.priority];
  return priority !== 0 ? priority : a.id.localeCompare(b.id);
}

/** A review date that has come (open needs only). */
export function isNeedReviewDue(need: Pick<Need, 'status' | 'reviewOn'>, today: string): boolean {
  return isOpenNeed(need.status) && !!need.reviewOn && need.reviewOn <= today;
}
