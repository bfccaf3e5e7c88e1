// What the server does when a push carries a merge of two cases (SPEC [G1]-[G8], issue 26), inside
// the push's transaction and under the team lock, so the whole merge lands or nothing of it:
// every live record of the merged case moves to the kept case, the chosen profile fields are
// copied, the merged case becomes a tombstone with `mergedInto`, and the merge record keeps what
// was done (`mergedCase`, `keptBefore`, `moved`) so an undo can put it back. Writes naming the
// merged case later are redirected to the kept one (`redirectTarget`, [G5]).
import * as v from 'valibot';
import { tableNames, tables, type TableName } from '../../shared/domain/tables';
import { caseSchema, checkCaseChange, type Case } from '../../shared/domain/case';
import { mergedProfile, type CaseMerge } from '../../shared/domain/case-merge';
import { sameValue, type FieldStamp, type Fields } from '../../shared/sync/merge';
import { isMessageKey, message, type Message } from '../../shared/i18n/message';
import type { PushScope, Write } from './apply-mutation';
import type { PushBuffer } from './push-buffer';
import { newestHlc, type RecordRow } from './record-rows';

/**
 * Tables whose records belong to a case through `caseId` (moved by a merge, [G3]): every table
 * whose schema has the field, so a new table of case records moves without anyone listing it.
 */
export const CASE_CHILD_TABLES: readonly TableName[] = tableNames.filter(
  (table) =>
    table !== 'cases' &&
    'caseId' in ((tables[table].schema as unknown as { entries?: object }).entries ?? {}),
);

export interface MergeEffect {
  /** Fields the server writes into the merge record (what it did). */
  fields: Fields;
  writes: Write[];
}

/**
 * [G5] Follows `mergedInto` from each merged case to the case that stays now (a case merged into
 * one that was merged again ends at the last). Loads every case on the way into the buffer.
 */
export async function resolveRedirects(
  records: PushBuffer,
  mergedInto: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const next = new Map(mergedInto);
  let open = [...new Set(next.values())];
  for (let depth = 0; open.length > 0 && depth < 32; depth++) {
    await records.include(open.map((id) => ({ table: 'cases', recordId: id })));
    const found: string[] = [];
    for (const id of open) {
      const row = records.get('cases', id);
      if (row?.deleted && typeof row.fields.mergedInto === 'string' && !next.has(id)) {
        next.set(id, row.fields.mergedInto);
        found.push(row.fields.mergedInto);
      }
    }
    open = found;
  }
  const final = new Map<string, string>();
  for (const id of next.keys()) {
    let target = id;
    for (let hops = 0; next.has(target) && hops < 64; hops++) target = next.get(target)!;
    if (target !== id) final.set(id, target);
  }
  return final;
}

/** The case a write naming `caseId` goes to ([G5]); `caseId` itself when it was not merged. */
export function redirectTarget(scope: Pick<PushScope, 'redirects'>, caseId: string): string {
  return scope.redirects.get(caseId) ?? caseId;
}

/** [G3] The merge itself: returns what to add to the merge record, or why it is refused. */
export async function applyCaseMerge(
  scope: PushScope,
  merge: CaseMerge,
  hlc: string,
): Promise<MergeEffect | Message> {
  const { records, version } = scope;
  const keptId = merge.caseId;
  const mergedId = merge.mergedCaseId;
  await records.include([
    { table: 'cases', recordId: keptId },
    { table: 'cases', recordId: mergedId },
  ]);
  const keptRow = records.get('cases', keptId);
  const mergedRow = records.get('cases', mergedId);
  if (!keptRow || keptRow.deleted) return message('rules.validation.invalidCase');
  if (!mergedRow || mergedRow.deleted) return message('rules.merges.invalidMerged');
  const kept = { ...keptRow.fields, id: keptId } as Case;
  const merged = { ...mergedRow.fields, id: mergedId } as Case;

  // The kept profile: the chosen fields, the other spellings joined. A field the kept case holds a
  // newer edit of than the merge keeps that edit ([M1]).
  const wanted = mergedProfile(kept, merged, merge.taken ?? []);
  const parsed = v.safeParse(caseSchema, wanted);
  if (!parsed.success) return profileRefused(parsed.issues[0]?.message);
  const refused = checkCaseChange(kept, parsed.output, scope.rules.today);
  if (refused) return profileRefused(refused.key);
  const profile: Fields = { ...keptRow.fields };
  const stamps: Record<string, FieldStamp> = { ...keptRow.stamps };
  const keptBefore: Fields = {};
  for (const field of Object.keys({ ...kept, ...parsed.output })) {
    if (field === 'id') continue;
    const value = (parsed.output as Fields)[field];
    if (sameValue(kept[field as keyof Case], value)) continue;
    if ((keptRow.stamps[field]?.hlc ?? '') >= hlc) continue;
    keptBefore[field] = kept[field as keyof Case] ?? null;
    if (value === undefined || value === null) delete profile[field];
    else profile[field] = value;
    stamps[field] = { hlc, version };
  }
  const writes: Write[] = [];
  const changed = Object.keys(keptBefore);
  // Stored (and so pulled) even when no field changed: the devices applied the merge to their
  // own copies and take the server's kept case as the truth.
  records.set('cases', keptId, row(profile, stamps, hlc, version));
  if (changed.length > 0)
    writes.push({ table: 'cases', recordId: keptId, op: 'put', fields: changed });

  // Every record of the merged case, wherever it was written, now belongs to the kept case.
  const moved: string[] = [];
  for (const child of await records.liveByCase(CASE_CHILD_TABLES, mergedId)) {
    moveTo(records, child.table, child.id, child.row, keptId, hlc, version);
    writes.push({ table: child.table, recordId: child.id, op: 'put', fields: ['caseId'] });
    moved.push(`${child.table}/${child.id}`);
  }

  // The uploaded files of its documents follow them ([D6]: an erasure of the kept case removes them).
  await scope.db.query('UPDATE files SET case_id = $3 WHERE team_id = $1 AND case_id = $2', [
    scope.teamId,
    mergedId,
    keptId,
  ]);

  // [G4] the merged case: a tombstone that names the case it went into.
  records.set('cases', mergedId, {
    fields: { mergedInto: keptId },
    stamps: {},
    hlc,
    deleted: true,
    version,
  });
  writes.push({ table: 'cases', recordId: mergedId, op: 'delete', fields: [] });
  for (const [from, to] of scope.redirects) if (to === mergedId) scope.redirects.set(from, keptId);
  scope.redirects.set(mergedId, keptId);

  const { id: _id, ...snapshot } = merged;
  return {
    fields: { mergedBy: scope.userId, mergedCase: snapshot, keptBefore, moved },
    writes,
  };
}

/**
 * [G6] The undo: the merged case comes back as it was, the records the merge moved and that are
 * still with the kept case go back, and each replaced profile field of the kept case gets its old
 * value unless it was edited after the merge. Records added to the kept case since stay there.
 */
export async function undoCaseMerge(
  scope: PushScope,
  merge: CaseMerge,
  mergeHlc: string,
  hlc: string,
): Promise<MergeEffect | Message> {
  const { records, version } = scope;
  const keptId = merge.caseId;
  const mergedId = merge.mergedCaseId;
  const moved = (merge.moved ?? [])
    .map((entry) => entry.split('/'))
    .filter((parts): parts is [string, string] => parts.length === 2);
  await records.include([
    { table: 'cases', recordId: keptId },
    { table: 'cases', recordId: mergedId },
    ...moved.map(([table, id]) => ({ table, recordId: id })),
  ]);
  const keptRow = records.get('cases', keptId);
  const mergedRow = records.get('cases', mergedId);
  if (!keptRow || keptRow.deleted) return message('rules.merges.keptGone');
  if (!mergedRow?.deleted || mergedRow.fields.mergedInto !== keptId || !merge.mergedCase)
    return message('rules.merges.mergedGone');

  const restored = v.safeParse(caseSchema, { ...merge.mergedCase, id: mergedId });
  if (!restored.success) return message('rules.merges.mergedGone');
  const { id: _id, ...fields } = restored.output;
  const writes: Write[] = [];
  records.set(
    'cases',
    mergedId,
    row(
      fields,
      Object.fromEntries(Object.keys(fields).map((field) => [field, { hlc, version }])),
      hlc,
      version,
    ),
  );
  writes.push({ table: 'cases', recordId: mergedId, op: 'put', fields: Object.keys(fields) });

  const profile: Fields = { ...keptRow.fields };
  const stamps: Record<string, FieldStamp> = { ...keptRow.stamps };
  const restoredFields: string[] = [];
  for (const [field, value] of Object.entries(merge.keptBefore ?? {})) {
    if (keptRow.stamps[field]?.hlc !== mergeHlc) continue;
    if (value === null || value === undefined) delete profile[field];
    else profile[field] = value;
    stamps[field] = { hlc, version };
    restoredFields.push(field);
  }
  // Stored (and so pulled) in any case: the devices reverted their own copies of the kept case.
  if (v.safeParse(caseSchema, { ...profile, id: keptId }).success) {
    records.set('cases', keptId, row(profile, stamps, hlc, version));
    if (restoredFields.length > 0)
      writes.push({ table: 'cases', recordId: keptId, op: 'put', fields: restoredFields });
  } else {
    records.set('cases', keptId, { ...keptRow, version });
  }

  const movedBack: string[] = [];
  for (const [table, id] of moved) {
    const child = records.get(table, id);
    if (!child || child.deleted || child.fields.caseId !== keptId) continue;
    moveTo(records, table, id, child, mergedId, hlc, version);
    writes.push({ table, recordId: id, op: 'put', fields: ['caseId'] });
    if (table === 'documents') movedBack.push(id);
  }
  if (movedBack.length > 0)
    await scope.db.query(
      'UPDATE files SET case_id = $2 WHERE team_id = $1 AND document_id = ANY($3::text[])',
      [scope.teamId, mergedId, movedBack],
    );
  scope.redirects.delete(mergedId);
  return { fields: { undoneBy: scope.userId }, writes };
}

function moveTo(
  records: PushBuffer,
  table: string,
  id: string,
  child: RecordRow,
  caseId: string,
  hlc: string,
  version: number,
): void {
  // The stamp never goes back, even when the merge's clock is older than the record's creation.
  const before = child.stamps.caseId?.hlc ?? '';
  const stamps = { ...child.stamps, caseId: { hlc: before > hlc ? before : hlc, version } };
  records.set(table, id, row({ ...child.fields, caseId }, stamps, hlc, version));
}

function row(
  fields: Fields,
  stamps: Record<string, FieldStamp>,
  hlc: string,
  version: number,
): RecordRow {
  return { fields, stamps, hlc: newestHlc(stamps, hlc), deleted: false, version };
}

function profileRefused(why: unknown): Message {
  const key = typeof why === 'string' && isMessageKey(why) ? why : 'rules.validation.invalid';
  return message('rules.merges.keptProfile', { why: key });
}
