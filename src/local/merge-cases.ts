// Merging two cases of one person on the phone (issue 26, SPEC [G1]-[G8]). The merge is ONE synced
// record (`merges`) written through the one write path (record + outbox entry); the server moves
// the records and leaves the tombstone ([G3]). So that the THM sees the result at once, offline
// too, the same effect is applied to the device's own copies in the same transaction, without
// outbox entries of its own: the server does it for every device, also for records this phone
// has never seen. A refused merge or undo is reverted here again ([G1], apply-push-results.ts).
import type { FeldakteDb } from './db';
import { userIdOf } from './db';
import { putRecord, withoutLocalColumns, type WriteResult } from './write-record';
import { deviceNow, newDeviceId } from './device-environment';
import { mergedProfile, type CaseMerge, type MergeChoiceField } from '../shared/domain/case-merge';
import type { Case } from '../shared/domain/case';
import type { AnyRecord } from '../shared/domain/table-rules';
import { sameValue } from '../shared/sync/merge';
import { t } from '../shared/i18n/t';

export interface MergeRequest {
  keptId: string;
  mergedId: string;
  /** The profile fields whose value comes from the merged case. */
  taken: readonly MergeChoiceField[];
}

/** Merges `mergedId` into `keptId`; offline, answered when stored on the device ([L5]). */
export async function mergeCases(
  db: FeldakteDb,
  request: MergeRequest,
  now = deviceNow(db),
): Promise<WriteResult> {
  const id = newDeviceId(db, now.getTime());
  return db.transaction('rw', db.tables, async () => {
    const kept = await db.cases.get(request.keptId);
    const merged = await db.cases.get(request.mergedId);
    if (!kept || !merged) return notFound();
    const written = await putRecord(
      db,
      'merges',
      id,
      {
        caseId: request.keptId,
        mergedCaseId: request.mergedId,
        taken: [...request.taken],
        mergedAt: now.toISOString(),
      },
      now,
    );
    if (!written.ok) return written;
    const record = (await db.merges.get(id))!;
    const done = await applyMergeLocally(db, record);
    // What the server will write into the record (who merged it: the server names the pushing
    // user, [G2]): the device's copy has it too, for the case page and an undo.
    await db.merges.put({ ...record, ...done, mergedBy: userIdOf(db) });
    return written;
  });
}

/** Undoes a merge ([G6]): the merged case comes back with the records the merge moved. */
export async function undoMerge(
  db: FeldakteDb,
  mergeId: string,
  now = deviceNow(db),
): Promise<WriteResult> {
  return db.transaction('rw', db.tables, async () => {
    const record = await db.merges.get(mergeId);
    if (!record) return notFound();
    const written = await putRecord(db, 'merges', mergeId, { undoneAt: now.toISOString() }, now);
    if (!written.ok) return written;
    await db.merges.update(mergeId, { undoneBy: userIdOf(db) });
    await revertMergeLocally(db, record);
    return written;
  });
}

/**
 * The merge's effect on the device's copies. Inside a rw transaction on all tables. Returns what
 * the merge record keeps (the merged case, the replaced values, the moved records).
 */
export async function applyMergeLocally(
  db: FeldakteDb,
  merge: CaseMerge,
): Promise<Pick<CaseMerge, 'mergedCase' | 'keptBefore' | 'moved'>> {
  const kept = await db.cases.get(merge.caseId);
  const merged = await db.cases.get(merge.mergedCaseId);
  const moved: string[] = [];
  for (const table of db.tables) {
    if (!table.schema.idxByName.caseId || table.name === 'merges') continue;
    const rows = (await table.where('caseId').equals(merge.mergedCaseId).toArray()) as AnyRecord[];
    for (const row of rows) {
      await table.put({ ...row, caseId: merge.caseId });
      moved.push(`${table.name}/${row.id}`);
    }
  }
  const keptBefore: Record<string, unknown> = {};
  if (kept && merged) {
    const profile = mergedProfile(kept, merged, merge.taken ?? []);
    for (const field of Object.keys({ ...kept, ...profile })) {
      const before = (kept as AnyRecord)[field];
      if (!sameValue(before, (profile as AnyRecord)[field])) keptBefore[field] = before ?? null;
    }
    await db.cases.put(profile);
  }
  await db.cases.delete(merge.mergedCaseId);
  const { id: _id, ...snapshot } = merged ? withoutLocalColumns(merged as Case) : { id: '' };
  return {
    mergedCase: merge.mergedCase ?? (merged ? snapshot : null),
    keptBefore: merge.keptBefore ?? keptBefore,
    moved: merge.moved ?? moved,
  };
}

/** The undo's effect on the device's copies ([G6]). Inside a rw transaction on all tables. */
export async function revertMergeLocally(db: FeldakteDb, merge: CaseMerge): Promise<void> {
  if (merge.mergedCase && !(await db.cases.get(merge.mergedCaseId))) {
    await db.cases.put({ ...merge.mergedCase, id: merge.mergedCaseId } as Case);
  }
  for (const entry of merge.moved ?? []) {
    const [tableName, id] = entry.split('/');
    if (!tableName || !id) continue;
    const table = db.table(tableName);
    const row = (await table.get(id)) as AnyRecord | undefined;
    if (row && row.caseId === merge.caseId) await table.put({ ...row, caseId: merge.mergedCaseId });
  }
  const kept = await db.cases.get(merge.caseId);
  if (kept && merge.keptBefore) {
    const restored: AnyRecord = { ...kept };
    for (const [field, value] of Object.entries(merge.keptBefore)) {
      if (value === null || value === undefined) delete restored[field];
      else restored[field] = value;
    }
    await db.cases.put(restored as Case);
  }
}

/** The merges a case took in and that still stand, newest first (for the case page). */
export async function mergesInto(db: FeldakteDb, caseId: string): Promise<CaseMerge[]> {
  const merges = await db.merges.where('caseId').equals(caseId).toArray();
  return merges
    .filter((merge) => !merge.undoneAt)
    .sort((a, b) => (a.mergedAt < b.mergedAt ? 1 : -1));
}

/** The merge that took `caseId` away, if it was merged into another case and not undone. */
export async function mergedAway(db: FeldakteDb, caseId: string): Promise<CaseMerge | undefined> {
  const merges = await db.merges.where('mergedCaseId').equals(caseId).toArray();
  return merges.find((merge) => !merge.undoneAt);
}

function notFound(): WriteResult {
  return { ok: false, message: t('common.errors.notFound'), errors: {} };
}
