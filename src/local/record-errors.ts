// Turns schema issues into one German message per field, ready to show inline under the input.
import * as v from 'valibot';

export type FieldErrors = Record<string, string>;

export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path?.[0]?.key;
    const key = typeof field === 'string' ? field : '_record';
    errors[key] ??= issue.message;
  }
  return errors;
}
