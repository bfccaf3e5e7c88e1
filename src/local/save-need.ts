// Creates or edits a need. A status change runs through the shared status machine (work starts
// only with a next step; met / not met stamps the date) before anything is written.
import type { FeldakteDb } from './db';
import { createRecord, putRecord, type WriteResult } from './write-record';
import { toLocalDate } from '../shared/domain/common';
import { needStatusChange, type Need, type NeedStatus } from '../shared/domain/need';
import { deviceNow } from './device-environment';
import { renderMessage } from '../shared/i18n/message';

export async function saveNeed(
  db: FeldakteDb,
  input: {
    caseId: string;
    /** The need as stored, when editing. */
    stored?: Need;
    fields: Record<string, unknown>;
    /** The status the person chose (editing only; a new need starts `open`). */
    status?: NeedStatus;
  },
  now = deviceNow(db),
): Promise<WriteResult> {
  const { stored, caseId } = input;
  if (!stored) return createRecord(db, 'needs', { ...input.fields, caseId, status: 'open' }, now);
  let fields = input.fields;
  if (input.status && input.status !== stored.status) {
    const nextStep = typeof fields.nextStep === 'string' ? fields.nextStep.trim() || null : null;
    const change = needStatusChange(
      { status: stored.status, nextStep },
      input.status,
      toLocalDate(now),
    );
    if (!change.ok) {
      const field = input.status === 'in_progress' ? 'nextStep' : 'status';
      const text = renderMessage(change.reason);
      return { ok: false, message: text, errors: { [field]: text } };
    }
    fields = { ...fields, ...change.fields };
  }
  return putRecord(db, 'needs', stored.id, fields, now);
}
