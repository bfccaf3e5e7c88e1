// Withdrawing a consent or a referral, and taking it back right after ("Rückgängig"): both through
// the one write path, so an undo is an ordinary change that works offline and syncs like any other
// (if the withdrawal was pushed already, the undo is pushed after it). The shared rules allow the
// way back only on the day the withdrawal was entered (consent.ts, referral.ts).
import type { FeldakteDb } from './db';
import { putRecord, type WriteResult } from './write-record';
import { changeReferralStatus, type StatusChangeResult } from './change-referral-status';
import { deviceNow } from './device-environment';
import { toLocalDate } from '../shared/domain/common';
import { consentWithdrawal, type Consent } from '../shared/domain/consent';
import { referralWithdrawalUndo, type Referral } from '../shared/domain/referral';

/** Withdraws `consent` as of `withdrawnOn` (today or earlier; the rule refuses the rest). */
export function withdrawConsent(
  db: FeldakteDb,
  consent: Consent,
  withdrawnOn: string,
  now = deviceNow(db),
): Promise<WriteResult> {
  return putRecord(
    db,
    'consents',
    consent.id,
    consentWithdrawal(withdrawnOn, toLocalDate(now)),
    now,
  );
}

/** Writes back the withdrawal fields of `before` (the consent as it was before withdrawing). */
export function undoConsentWithdrawal(
  db: FeldakteDb,
  before: Consent,
  now = deviceNow(db),
): Promise<WriteResult> {
  return putRecord(
    db,
    'consents',
    before.id,
    {
      withdrawnOn: before.withdrawnOn ?? null,
      withdrawalRecordedOn: before.withdrawalRecordedOn ?? null,
    },
    now,
  );
}

export function withdrawReferral(
  db: FeldakteDb,
  referral: Referral,
  now = deviceNow(db),
): Promise<StatusChangeResult> {
  return changeReferralStatus(db, referral, 'withdrawn', {}, now);
}

/** Writes back the status (and open end) of `before`, the referral as it was before withdrawing. */
export function undoReferralWithdrawal(
  db: FeldakteDb,
  before: Referral,
  now = deviceNow(db),
): Promise<WriteResult> {
  return putRecord(db, 'referrals', before.id, referralWithdrawalUndo(before), now);
}
