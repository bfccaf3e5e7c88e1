// Envelope checks shared by push and pull, in the order a client can act on: an old app first
// ([S1] 426), then oversize strings, then the schema ([P6] 400). Nothing here touches the store.
import * as v from 'valibot';
import { MIN_SCHEMA_VERSION } from '../../shared/sync/protocol';
import { HttpError, messages } from '../http/api-error';
import { issueMessage, message } from '../../shared/i18n/message';

/** Longest string anywhere in a request; domain limits (maxLength) are far below this. */
export const MAX_STRING_CHARS = 20_000;
const MAX_DEPTH = 12;

export function parseSyncRequest<S extends v.GenericSchema>(
  schema: S,
  body: unknown,
): v.InferOutput<S> {
  const version = (body as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version < MIN_SCHEMA_VERSION) {
    throw new HttpError(426, 'schema_too_old', messages.schemaTooOld);
  }
  checkStrings(body, 0);
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const why = issueMessage(issue);
    const field = v.getDotPath(issue);
    throw new HttpError(
      400,
      'invalid_request',
      message(field ? 'server.api.badRequestField' : 'server.api.badRequestWhy', {
        ...why.params,
        why: why.key,
        ...(field ? { field } : {}),
      }),
    );
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
  if (depth > MAX_DEPTH) throw new HttpError(400, 'too_deep', message('server.api.tooDeep'));
  for (const [key, item] of Object.entries(value)) {
    checkStrings(key, depth + 1);
    checkStrings(item, depth + 1);
  }
}
