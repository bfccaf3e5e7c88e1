// Envelope checks shared by push and pull, in the order a client can act on: an old app first
// ([S1] 426), then oversize strings, then the schema ([P6] 400). Nothing here touches the store.
import * as v from 'valibot';
import { MIN_SCHEMA_VERSION } from '../../shared/sync/protocol';
import { HttpError, messages } from '../http/api-error';

/** Longest string anywhere in a request; domain limits (maxLength) are far below this. */
export const MAX_STRING_CHARS = 20_000;
const MAX_DEPTH = 12;

/** German fallback for valibot's built-in messages; a schema's own message always wins. */
export const germanIssues = { message: () => 'Ungültiger Wert' } as const;

export function parseSyncRequest<S extends v.GenericSchema>(
  schema: S,
  body: unknown,
): v.InferOutput<S> {
  const version = (body as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version < MIN_SCHEMA_VERSION) {
    throw new HttpError(426, 'schema_too_old', messages.schemaTooOld);
  }
  checkStrings(body, 0);
  const parsed = v.safeParse(schema, body, germanIssues);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = v.getDotPath(issue);
    const message = path ? `${issue.message} (${path}).` : `${issue.message}.`;
    throw new HttpError(400, 'invalid_request', `${messages.badRequest} ${message}`);
  }
  return parsed.output;
}

function checkStrings(value: unknown, depth: number): void {
  if (typeof value === 'string') {
    if (value.length > MAX_STRING_CHARS) {
      throw new HttpError(400, 'field_too_long', messages.fieldTooLong(MAX_STRING_CHARS));
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_DEPTH)
    throw new HttpError(400, 'too_deep', `${messages.badRequest} Zu tief verschachtelt.`);
  for (const [key, item] of Object.entries(value)) {
    checkStrings(key, depth + 1);
    checkStrings(item, depth + 1);
  }
}

/** A German reason from the first schema issue, naming the field when the message does not. */
export function issueReason(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'Ungültiger Eintrag.';
  const path = v.getDotPath(issue);
  // A missing key is reported on the object, whose message cannot say which field is missing.
  if (path && issue.received === 'undefined') return `Das Pflichtfeld „${path}“ fehlt.`;
  if (path && issue.message === germanIssues.message()) return `Ungültiger Wert im Feld „${path}“.`;
  return issue.message;
}
