// Review of a lost concurrent edit ([M4]). Re-applying is a normal edit with a new clock, so it
// syncs and merges like any other; the conflict is marked resolved in the same transaction, so
// it never shows as open after its value was written back (or resolved without it).
import type { FeldakteDb } from '../db';
import { putRecord, type WriteResult } from '../write-record';
import type { Conflict } from '../../shared/domain/conflict';
import { isTableName } from '../../shared/domain/tables';
import { deviceNow } from '../device-environment';

export interface ResolveOptions {
  /** The signed-in user's id. */
  resolvedBy: string;
  now?: Date;
}

/** Writes the losing value back to its field and marks the conflict 'reapplied'. */
export async function reapplyConflict(
  db: FeldakteDb,
  conflict: Conflict,
  options: ResolveOptions,
): Promise<WriteResult> {
  const now = options.now ?? deviceNow(db);
  if (!isTableName(conflict.table)) {
    return { ok: false, message: 'Diese Tabelle kennt die App nicht.', errors: {} };
  }
  const table = conflict.table;
  try {
    return await db.transaction('rw', db.tables, async () => {
      // Invalid now (e.g. a status transition no longer allowed): nothing is written, the conflict
      // stays open, and the caller shows the German reason.
      const patch = { [conflict.field]: conflict.losingValue } as never;
      const written = await putRecord(db, table, conflict.recordId, patch, now);
      if (!written.ok) return written;
      const marked = await markResolved(db, conflict, 'reapplied', options.resolvedBy, now);
      // Throwing rolls the edit back too: a value written back always has its conflict resolved.
      if (!marked.ok) throw new ResolveAborted(marked);
      return written;
    });
  } catch (error) {
    if (error instanceof ResolveAborted) return error.result;
    throw error;
  }
}

class ResolveAborted extends Error {
  constructor(readonly result: WriteResult) {
    super('resolve aborted');
  }
}

/** Keeps the current value and marks the conflict 'dismissed'. */
export function dismissConflict(
  db: FeldakteDb,
  conflict: Conflict,
  options: ResolveOptions,
): Promise<WriteResult> {
  return markResolved(db, conflict, 'dismissed', options.resolvedBy, options.now ?? deviceNow(db));
}

function markResolved(
  db: FeldakteDb,
  conflict: Conflict,
  resolution: 'reapplied' | 'dismissed',
  resolvedBy: string,
  now: Date,
): Promise<WriteResult> {
  return putRecord(
    db,
    'conflicts',
    conflict.id,
    { resolution, resolvedAt: now.toISOString(), resolvedBy },
    now,
  );
}
