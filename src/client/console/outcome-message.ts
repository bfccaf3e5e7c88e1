// The German line a console screen shows for a failed online request.
import type { OnlineOutcome } from '../features/session/online-request';
import { refused, type SaveRefused } from '../ui/use-draft-form';
import { ct } from './console-texts';

/** The message for an outcome other than ok (an ended session was handled by the helper). */
export function problem(outcome: OnlineOutcome<unknown>): string | null {
  if (outcome.ok) return null;
  switch (outcome.kind) {
    case 'offline':
      return ct('offline');
    case 'signedOut':
      return ct('sessionEnded');
    case 'server':
      return ct('serverError');
    default:
      return outcome.message ?? ct('serverError');
  }
}

/** A console form's failed request: the server's refusal at its field when the form has it, else above the form. */
export function formRefusal(
  outcome: OnlineOutcome<unknown>,
  fields: readonly string[],
): SaveRefused {
  if (!outcome.ok && outcome.field && fields.includes(outcome.field) && outcome.message)
    return refused(null, { [outcome.field]: outcome.message });
  return refused(problem(outcome));
}
