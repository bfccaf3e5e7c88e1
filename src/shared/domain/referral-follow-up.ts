// Sending a referral creates a follow-up task ("Wiedervorlage") on the referral's follow-up date,
// linked back to the referral so the task list can open it.
import type { Referral } from './referral';
import { autoTaskTitle } from './task';
import type { MessageKey, Params } from '../i18n/t';

export interface FollowUpTaskFields {
  caseId: string;
  title: string;
  titleKey: MessageKey;
  titleParams: Params;
  dueOn: string;
  kind: 'follow_up';
  sourceTable: 'referrals';
  sourceId: string;
}

export function referralFollowUpTask(
  referral: Pick<Referral, 'id' | 'caseId' | 'followUpOn'>,
  partnerName: string,
  today: string,
): FollowUpTaskFields {
  return {
    caseId: referral.caseId,
    ...autoTaskTitle('cases.tasks.auto.referralFollowUp', { partner: partnerName }),
    dueOn: referral.followUpOn && referral.followUpOn >= today ? referral.followUpOn : today,
    kind: 'follow_up',
    sourceTable: 'referrals',
    sourceId: referral.id,
  };
}
