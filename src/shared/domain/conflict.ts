// A value that lost a concurrent edit of the same field (SPEC [M4]). The server creates these; the
// team reviews them on the phone and marks them resolved (re-applying "theirs" is a normal edit).
import * as v from 'valibot';
import { defineTable } from './table-rules';
import { choice, isoDateTime, optional, recordId, reference, requiredText, SHORT } from './common';

export const conflictResolutions = ['reapplied', 'dismissed'] as const;
export type ConflictResolution = (typeof conflictResolutions)[number];

export const conflictSchema = v.object({
  id: recordId,
  table: requiredText(40, 'Tabelle fehlt'),
  recordId: reference('Eintrag fehlt'),
  caseId: optional(reference('Ungültiger Fall')),
  field: requiredText(SHORT, 'Feld fehlt'),
  losingValue: v.unknown(),
  losingHlc: requiredText(120, 'Zeitstempel fehlt'),
  losingUserId: optional(v.string()),
  keptValue: v.unknown(),
  keptHlc: requiredText(120, 'Zeitstempel fehlt'),
  keptUserId: optional(v.string()),
  createdAt: isoDateTime(),
  resolution: optional(choice(conflictResolutions, 'Ungültige Auflösung')),
  resolvedAt: optional(isoDateTime()),
  resolvedBy: optional(v.string()),
});
export type Conflict = v.InferOutput<typeof conflictSchema>;

export const conflictTable = defineTable<Conflict>({
  schema: conflictSchema,
  checkChange(prev, next) {
    if (!prev) return 'Konflikte werden nur vom Server angelegt.';
    const keys = Object.keys({ ...prev, ...next }) as (keyof Conflict)[];
    const allowed = new Set(['resolution', 'resolvedAt', 'resolvedBy']);
    const touched = keys.filter(
      (key) => !allowed.has(key) && JSON.stringify(prev[key]) !== JSON.stringify(next[key]),
    );
    return touched.length ? 'An einem Konflikt lässt sich nur die Auflösung ändern.' : null;
  },
});
