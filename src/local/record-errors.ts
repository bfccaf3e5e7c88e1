// Turns schema issues into one message per field, ready to show inline under the input: the
// schemas speak in catalogue keys (src/shared/i18n/message.ts), rendered here in the chosen language.
import type * as v from 'valibot';
import { issueMessage, renderMessage } from '../shared/i18n/message';

export type FieldErrors = Record<string, string>;

export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path?.[0]?.key;
    const key = typeof field === 'string' ? field : '_record';
    errors[key] ??= renderMessage(issueMessage(issue));
  }
  return errors;
}
