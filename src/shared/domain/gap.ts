// A gap in the local support system ("no language course with childcare within reach"), recorded in
// one tap. No case and no person: gaps feed the needs/offer analysis, anonymous by design.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import { choice, isoDate, latestAcceptedDay, LONG, optional, recordId, text } from './common';
import { needCategories } from './need';
import { message, type Message } from '../i18n/message';

export const gapSchema = v.object({
  id: recordId,
  category: choice(needCategories, 'rules.validation.categoryFromList'),
  /** Optional: a gap may be noted with only its area (one tap from a need); text helps reports. */
  description: optional(text(LONG)),
  date: isoDate('rules.validation.date'),
  /** The THM who noted it (a team member, never the person concerned): "my gaps" on the phone. */
  authorId: optional(v.pipe(v.string(), v.maxLength(64))),
});
export type Gap = v.InferOutput<typeof gapSchema>;

export function checkGapChange(_prev: Gap | undefined, next: Gap, today: string): Message | null {
  return next.date > latestAcceptedDay(today) ? message('rules.validation.dateInFuture') : null;
}

export const gapTable = defineTable<Gap>({
  schema: gapSchema,
  checkChange: (prev, next, ctx) => checkGapChange(prev, next, ctx.today),
});
