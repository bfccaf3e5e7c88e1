// A partner refers someone to the THM: the referral arrives as `received`; a person the team does
// not know yet gets a new case in `inquiry`, both in ONE transaction.
import type { FeldakteDb } from './db';
import { writeRecords, type RecordWrite } from './write-record';
import type { FieldErrors } from './record-errors';
import { toLocalDate } from '../shared/domain/common';
import { deviceNow, newDeviceId } from './device-environment';

export interface InboundReferral {
  partnerId: string;
  /** An existing case, or ... */
  caseId?: string;
  /** ... a new person (creates a case in `inquiry`). */
  newPerson?: { givenName: string; familyName: string };
  reason?: string | null;
}

export type InboundResult =
  | { ok: true; caseId: string; referralId: string }
  | { ok: false; message: string; errors: FieldErrors };

export async function takeInboundReferral(
  db: FeldakteDb,
  input: InboundReferral,
  now = deviceNow(db),
): Promise<InboundResult> {
  const today = toLocalDate(now);
  const caseId = input.newPerson ? newDeviceId(db, now.getTime()) : (input.caseId ?? '');
  const writes: RecordWrite[] = [];
  if (input.newPerson) {
    writes.push({
      table: 'cases',
      id: caseId,
      fields: {
        givenName: input.newPerson.givenName,
        familyName: input.newPerson.familyName,
        status: 'inquiry',
        referredByPartnerId: input.partnerId,
        createdOn: today,
      },
    });
  }
  const referralId = newDeviceId(db, now.getTime());
  writes.push({
    table: 'referrals',
    id: referralId,
    fields: {
      caseId,
      partnerId: input.partnerId,
      direction: 'in',
      status: 'received',
      reason: input.reason ?? null,
      receivedOn: today,
    },
  });
  const result = await writeRecords(db, writes, now);
  if (!result.ok) return { ok: false, message: result.message, errors: result.errors };
  return { ok: true, caseId, referralId };
}
