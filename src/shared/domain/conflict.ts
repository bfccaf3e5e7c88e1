// A value that lost a concurrent edit of the same field (SPEC [M4]). The server creates these; the
// team reviews them on the phone and marks them resolved (re-applying "theirs" is a normal edit).
import * as v from 'valibot';
import { defineTable } from './table-rules';
import { choice, isoDateTime, optional, recordId, reference, requiredText, SHORT } from './common';
import { message } from '../i18n/message';

export const conflictResolutions = ['reapplied', 'dismissed'] as const;
export type ConflictResolution = (typeof conflictResolutions)[number];

export const conflictSchema = v.object({
  id: recordId,
  table: requiredText(40, 'rules.conflicts.table'),
  recordId: reference('rules.conflicts.recordMissing'),
  caseId: optional(reference('rules.validation.invalidCase')),
  field: requiredText(SHORT, 'rules.conflicts.field'),
  losingValue: v.unknown(),
  losingHlc: requiredText(120, 'rules.conflicts.clock'),
  losingUserId: optional(v.string()),
  keptValue: v.unknown(),
  keptHlc: requiredText(120, 'rules.conflicts.clock'),
  keptUserId: optional(v.string()),
  createdAt: isoDateTime(),
  resolution: optional(choice(conflictResolutions, 'rules.conflicts.resolution')),
  resolvedAt: optional(isoDateTime()),
  resolvedBy: optional(v.string()),
});
export type Conflict = v.InferOutput<typeof conflictSchema>;

export const conflictTable = defineTable<Conflict>({
  schema: conflictSchema,
  checkChange(prev, next) {
    if (!prev) return message('rules.conflicts.serverOnly');
    const keys = Object.keys({ ...prev, ...next }) as (keyof Conflict)[];
    const allowed = new Set(['resolution', 'resolvedAt', 'resolvedBy']);
    const touched = keys.filter(
      (key) => !allowed.has(key) && JSON.stringify(prev[key]) !== JSON.stringify(next[key]),
    );
    return touched.length ? message('rules.conflicts.onlyResolution') : null;
  },
});
