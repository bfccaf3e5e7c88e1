// Residence status over time: one record per status the person held. The latest is current; an
// expiry date makes a task. The app records what the person has, it never judges residence law.
import * as v from 'valibot';
import { defineTable } from './table-rules';
import {
  addDays,
  choice,
  daysBetween,
  isoDate,
  LONG,
  optional,
  recordId,
  reference,
  SHORT,
  text,
} from './common';
import { autoTaskTitle } from './task';
import type { MessageKey, Params } from '../i18n/t';
import { message, type Message } from '../i18n/message';

export const residenceKinds = [
  'gestattung',
  'duldung',
  'duldung_ermessen',
  'duldung_ausbildung',
  'duldung_beschaeftigung',
  'duldung_60b',
  'aufenthaltserlaubnis',
  'fiktion',
  'niederlassung',
  'unclear',
] as const;
export type ResidenceKind = (typeof residenceKinds)[number];

export const workPermissions = ['none', 'banned', 'with_approval', 'permitted'] as const;
export type WorkPermission = (typeof workPermissions)[number];

export const evidenceKinds = ['self_reported', 'document_seen'] as const;
export type Evidence = (typeof evidenceKinds)[number];

/** "Heute" lists statuses that expire within this many days. */
export const EXPIRY_WARNING_DAYS = 30;
/**
 * The expiry task falls due this many days before the valid-until date: an extension is usually
 * applied for before the document runs out, and appointments at the authority take weeks.
 */
export const EXPIRY_TASK_LEAD_DAYS = 42;

export const residenceStatusSchema = v.object({
  id: recordId,
  caseId: reference('rules.validation.chooseCase'),
  kind: choice(residenceKinds, 'rules.statuses.kind'),
  /** Legal basis as written on the document, e.g. "§ 25 Abs. 5 AufenthG". */
  basis: optional(text(SHORT)),
  issuedOn: optional(isoDate('rules.statuses.issuedOn')),
  validUntil: optional(isoDate('rules.statuses.validUntil')),
  workPermission: optional(choice(workPermissions, 'rules.validation.chooseFromList')),
  /** Responsible foreigners' authority (ABH). */
  authority: optional(text(SHORT)),
  evidence: optional(choice(evidenceKinds, 'rules.validation.chooseFromList')),
  note: optional(text(LONG)),
});
export type ResidenceStatus = v.InferOutput<typeof residenceStatusSchema>;

export function checkResidenceStatusChange(
  prev: ResidenceStatus | undefined,
  next: ResidenceStatus,
): Message | null {
  if (prev && prev.caseId !== next.caseId) {
    return message('rules.statuses.otherCase');
  }
  if (next.issuedOn && next.validUntil && next.validUntil < next.issuedOn) {
    return message('rules.statuses.expiryBeforeIssue');
  }
  return null;
}

export const residenceStatusTable = defineTable<ResidenceStatus>({
  schema: residenceStatusSchema,
  checkChange: (prev, next) => checkResidenceStatusChange(prev, next),
  immutable: ['caseId'],
});

/** Newest first: by issue date (undated ones last), then by id (UUIDv7, so by creation). */
export function compareResidenceStatuses(
  a: Pick<ResidenceStatus, 'id' | 'issuedOn'>,
  b: Pick<ResidenceStatus, 'id' | 'issuedOn'>,
): number {
  const byDate = (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '');
  return byDate !== 0 ? byDate : b.id.localeCompare(a.id);
}

/** The status the person holds now: the latest by issue date, then by id. */
export function currentResidenceStatus<S extends Pick<ResidenceStatus, 'id' | 'issuedOn'>>(
  statuses: readonly S[],
): S | undefined {
  return [...statuses].sort(compareResidenceStatuses)[0];
}

/** Days from `today` until the status runs out (0 = last valid day, negative = expired). */
export function daysUntilExpiry(
  status: Pick<ResidenceStatus, 'validUntil'>,
  today: string,
): number | null {
  return status.validUntil ? daysBetween(today, status.validUntil) : null;
}

export type ExpiryState = 'none' | 'valid' | 'expiring' | 'expired';

export function expiryState(
  status: Pick<ResidenceStatus, 'validUntil'>,
  today: string,
  warningDays = EXPIRY_WARNING_DAYS,
): ExpiryState {
  const days = daysUntilExpiry(status, today);
  if (days === null) return 'none';
  if (days < 0) return 'expired';
  return days <= warningDays ? 'expiring' : 'valid';
}

/** Whether the status runs out within `withinDays` from today (today included, expired excluded). */
export function isExpiringWithin(
  status: Pick<ResidenceStatus, 'validUntil'>,
  today: string,
  withinDays = EXPIRY_WARNING_DAYS,
): boolean {
  return expiryState(status, today, withinDays) === 'expiring';
}

/**
 * The task a status with a valid-until date creates (due some weeks before expiry, never in the
 * past). Its title is a reminder, not advice: what to do is up to the THM and the person.
 */
export function expiryTaskFields(
  status: Pick<ResidenceStatus, 'id' | 'caseId' | 'validUntil'>,
  today: string,
): {
  caseId: string;
  title: string;
  titleKey: MessageKey;
  titleParams: Params;
  dueOn: string;
  kind: 'document_expiry';
  sourceTable: 'statuses';
  sourceId: string;
} | null {
  if (!status.validUntil) return null;
  const lead = addDays(status.validUntil, -EXPIRY_TASK_LEAD_DAYS);
  return {
    caseId: status.caseId,
    ...autoTaskTitle('cases.tasks.auto.expiry', { date: status.validUntil }),
    dueOn: lead < today ? today : lead,
    kind: 'document_expiry',
    sourceTable: 'statuses',
    sourceId: status.id,
  };
}
