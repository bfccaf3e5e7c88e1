// A sync rejection on the wire: the German `reason` that every app version shows, and since issue 13
// the same message as `code` and `params`, which the app renders in the person's language.
import * as v from 'valibot';
import { issueMessage, message, type Message, germanText } from '../../shared/i18n/message';
import type { MutationResult } from '../../shared/sync/protocol';

export function rejection(reason: Message): Pick<MutationResult, 'reason' | 'code' | 'params'> {
  return {
    reason: germanText(reason),
    code: reason.key,
    ...(reason.params ? { params: reason.params } : {}),
  };
}

/** A rejection that came without a reason (a stored row from before reasons were kept). */
export const REFUSED = message('server.sync.refused');

/**
 * The reason of a record that fails its schema: the rule's message; a required field that is
 * missing altogether is named (a form shows "Bitte ausfüllen." under the field, a rejection has
 * no field to stand under).
 */
export function schemaReason(issue: v.BaseIssue<unknown> | undefined): Message {
  const reason = issueMessage(issue);
  const field = issue && v.getDotPath(issue);
  return reason.key === 'rules.validation.required' && field
    ? message('rules.validation.requiredField', { field })
    : reason;
}
