// Moves a referral through its status machine with what goes along, in ONE transaction: sending
// records the consent used and creates the follow-up task; completing can mark the linked need as
// met. The consent gate itself is the referral's rule (phone and server), not this function's.
import type { FeldakteDb } from './db';
import { writeRecords, type RecordWrite } from './write-record';
import { toLocalDate } from '../shared/domain/common';
import {
  referralStatusChange,
  type Referral,
  type ReferralStatus,
} from '../shared/domain/referral';
import { consentForSending } from '../shared/domain/referral-consent';
import { referralFollowUpTask } from '../shared/domain/referral-follow-up';
import { needStatusChange } from '../shared/domain/need';
import { deviceNow } from './device-environment';
import { renderMessage } from '../shared/i18n/message';

export interface StatusChangeOptions {
  /** Completing: also mark the linked need as met. */
  markNeedMet?: boolean;
  outcome?: string | null;
}

export type StatusChangeResult =
  { ok: true; followUpOn?: string; needMet?: boolean } | { ok: false; message: string };

export async function changeReferralStatus(
  db: FeldakteDb,
  referral: Referral,
  to: ReferralStatus,
  options: StatusChangeOptions = {},
  now = deviceNow(db),
): Promise<StatusChangeResult> {
  const today = toLocalDate(now);
  const change = referralStatusChange(referral, to, today);
  if (!change.ok) return { ok: false, message: renderMessage(change.reason) };
  const fields: Partial<Referral> = { ...change.fields };
  if (options.outcome !== undefined) fields.outcome = options.outcome;
  const writes: RecordWrite[] = [];
  let followUpOn: string | undefined;
  let needMet = false;

  if (to === 'sent') {
    const consents = await db.consents.where('caseId').equals(referral.caseId).toArray();
    const consent = consentForSending(consents, referral.partnerId, today);
    if (consent) fields.consentId = consent.id;
    const partner = await db.partners.get(referral.partnerId);
    const task = referralFollowUpTask({ ...referral, ...fields }, partner?.name ?? '', today);
    followUpOn = task.dueOn;
    writes.push({ table: 'referrals', id: referral.id, fields }, { table: 'tasks', fields: task });
  } else {
    writes.push({ table: 'referrals', id: referral.id, fields });
  }

  if (to === 'completed' && options.markNeedMet && referral.needId) {
    const need = await db.needs.get(referral.needId);
    const met = need && need.status !== 'met' ? needStatusChange(need, 'met', today) : undefined;
    if (met?.ok) {
      writes.push({ table: 'needs', id: need!.id, fields: met.fields });
      needMet = true;
    }
  }

  const result = await writeRecords(db, writes, now);
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, followUpOn, needMet };
}
