// The contact log: every contact with the young person, append-only. A summary can be corrected,
// but when, how and for which case a contact happened is never rewritten afterwards.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import {
  choice,
  count,
  isoDateTime,
  latestAcceptedDay,
  LONG,
  optional,
  recordId,
  reference,
  text,
} from './common';
import { key, message, type Message } from '../i18n/message';

export const contactChannels = [
  'in_person',
  'outreach',
  'phone',
  'video',
  'messenger',
  'email',
  'letter',
] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const contactInitiators = ['thm', 'client', 'partner'] as const;
export type ContactInitiator = (typeof contactInitiators)[number];

/** Longest plausible single contact (a full day of accompaniment). */
export const MAX_CONTACT_MINUTES = 24 * 60;

export const contactSchema = v.object({
  id: recordId,
  caseId: reference('rules.validation.chooseCase'),
  at: isoDateTime('rules.contacts.at'),
  channel: choice(contactChannels, 'rules.contacts.channel'),
  initiatedBy: optional(choice(contactInitiators, 'rules.validation.chooseFromList')),
  durationMinutes: optional(
    v.pipe(
      count('rules.contacts.minutes'),
      v.maxValue(MAX_CONTACT_MINUTES, key('rules.contacts.minutesMax')),
    ),
  ),
  summary: optional(text(LONG)),
  authorId: optional(v.pipe(v.string(), v.maxLength(64))),
  appointmentId: optional(reference('rules.contacts.invalidAppointment')),
});
export type Contact = v.InferOutput<typeof contactSchema>;

const contactImmutable = ['caseId', 'at', 'channel'] as const;

export function checkContactChange(
  prev: Contact | undefined,
  next: Contact,
  today: string,
): Message | null {
  if (prev && contactImmutable.some((key) => prev[key] !== next[key])) {
    return message('rules.contacts.immutable');
  }
  if (!prev && next.at.slice(0, 10) > latestAcceptedDay(today)) {
    return message('rules.contacts.inFuture');
  }
  return null;
}

export const contactTable = defineTable<Contact>({
  schema: contactSchema,
  checkChange: (prev, next, ctx) => checkContactChange(prev, next, ctx.today),
  immutable: contactImmutable,
});

/** The quick entry: channel and note, stamped now. */
export function quickContactFields(
  caseId: string,
  channel: ContactChannel,
  summary: string,
  now: Date,
  authorId?: string,
): Omit<Contact, 'id'> {
  return {
    caseId,
    channel,
    at: now.toISOString(),
    initiatedBy: 'thm',
    summary: summary.trim() || null,
    authorId: authorId ?? null,
  };
}

/** Newest contact first. */
export function compareContactsNewestFirst(
  a: Pick<Contact, 'id' | 'at'>,
  b: Pick<Contact, 'id' | 'at'>,
): number {
  const byTime = Date.parse(b.at) - Date.parse(a.at);
  return byTime !== 0 ? byTime : b.id.localeCompare(a.id);
}

/** Days since the last contact (for "no contact for N days" hints), or null without contacts. */
export function daysSinceLastContact(
  contacts: readonly Pick<Contact, 'at'>[],
  now: Date,
): number | null {
  if (contacts.length === 0) return null;
  const last = Math.max(...contacts.map((c) => Date.parse(c.at)));
  return Math.floor((now.getTime() - last) / 86_400_000);
}
