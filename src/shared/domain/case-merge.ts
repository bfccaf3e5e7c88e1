// Two cases of one person become one (issue 26, SPEC [G1]-[G8]). A merge is a synced record of its
// own: the phone (or any device) writes it with the case that stays (`caseId`), the case that goes
// (`mergedCaseId`) and the profile fields taken from the case that goes. The server does the rest
// in the push's transaction: it moves every record of the merged case to the kept one, copies the
// chosen fields, makes the merged case a tombstone with `mergedInto`, and writes down what it did
// (`mergedCase`, `keptBefore`, `moved`) so the merge can be undone by setting `undoneAt`.
import * as v from 'valibot';
import { defineTable, type AnyRecord } from './table-rules';
import { isoDateTime, optional, recordId, reference } from './common';
import { message, type Message } from '../i18n/message';
import type { Case } from './case';

/**
 * The profile fields a THM chooses field by field when the two cases disagree. Status, closing and
 * retention stay with the kept case (its lifecycle goes on); the other spellings are joined.
 */
export const mergeChoiceFields = [
  'givenName',
  'familyName',
  'birthDate',
  'gender',
  'countryOfOrigin',
  'languages',
  'literacy',
  'germanLevel',
  'germanLevelSource',
  'interpreterNeeded',
  'interpreterLanguage',
  'phone',
  'messenger',
  'email',
  'shelter',
  'address',
  'schooling',
  'schoolingRecognition',
  'workHistory',
  'skills',
  'reachedVia',
  'referredByPartnerId',
  'resources',
  'lifeWorldNotes',
  'assignedTo',
] as const satisfies readonly (keyof Case)[];
export type MergeChoiceField = (typeof mergeChoiceFields)[number];

const choiceFieldSet = new Set<string>(mergeChoiceFields);

/** Fields of a merge only the server writes (what it did, for the history and the undo). */
export const mergeServerFields = ['mergedCase', 'keptBefore', 'moved'] as const;

const snapshot = v.record(v.string(), v.unknown());

export const caseMergeSchema = v.object({
  id: recordId,
  /** The case that stays. The merge belongs to it: erased with it ([X1]), shown in its history. */
  caseId: reference('rules.validation.invalidCase'),
  /** The case that goes: a tombstone with `mergedInto` after the merge. */
  mergedCaseId: reference('rules.merges.invalidMerged'),
  /** Profile fields whose value is taken from the merged case (the rest keep the kept value). */
  taken: optional(
    v.pipe(
      v.array(v.picklist(mergeChoiceFields, 'rules.merges.fieldNotChoosable')),
      v.maxLength(mergeChoiceFields.length),
    ),
  ),
  mergedBy: optional(v.pipe(v.string(), v.maxLength(64))),
  mergedAt: isoDateTime(),
  undoneBy: optional(v.pipe(v.string(), v.maxLength(64))),
  undoneAt: optional(isoDateTime()),
  /** The merged case as it was (server): restored by an undo, readable in the history. */
  mergedCase: optional(snapshot),
  /** The kept case's values the merge replaced (server; null = it had none). */
  keptBefore: optional(snapshot),
  /** `table/id` of every record the merge moved to the kept case (server). */
  moved: optional(v.array(v.pipe(v.string(), v.maxLength(120)))),
});
export type CaseMerge = v.InferOutput<typeof caseMergeSchema>;

/** [G2]/[G6] what a device may write: a new merge of two different cases, or its undo, once. */
export function checkMergeChange(prev: CaseMerge | undefined, next: CaseMerge): Message | null {
  if (next.caseId === next.mergedCaseId) return message('rules.merges.sameCase');
  if (!prev) return next.undoneAt ? message('rules.merges.undoWithoutMerge') : null;
  if (prev.undoneAt) {
    return changedFields(prev, next).length > 0 ? message('rules.merges.alreadyUndone') : null;
  }
  const allowed = new Set(['undoneAt', 'undoneBy']);
  const touched = changedFields(prev, next).filter((field) => !allowed.has(field));
  return touched.length > 0 ? message('rules.merges.onlyUndo') : null;
}

function changedFields(prev: AnyRecord, next: AnyRecord): string[] {
  return Object.keys({ ...prev, ...next }).filter(
    (key) => JSON.stringify(prev[key] ?? null) !== JSON.stringify(next[key] ?? null),
  );
}

export const caseMergeTable = defineTable<CaseMerge>({
  schema: caseMergeSchema,
  checkChange: async (prev, next, ctx) => {
    const refused = checkMergeChange(prev, next);
    if (refused || prev) return refused;
    // [G2] both cases must be alive where the merge is written (the server checks again, [P10]).
    if (!(await ctx.get('cases', next.mergedCaseId))) return message('rules.merges.invalidMerged');
    return null;
  },
});

type Names = Pick<Case, 'givenName' | 'familyName' | 'otherNames'>;

/**
 * The other spellings the kept case carries after a merge: its own, its former name when the
 * merge chose another, then the merged case's names; never the name it carries now.
 */
export function joinedOtherNames(next: Names, kept: Names, merged: Names, max = 10): string[] {
  const names: string[] = [];
  const seen = new Set([`${next.givenName} ${next.familyName}`.toLowerCase()]);
  for (const name of [
    ...(kept.otherNames ?? []),
    `${kept.givenName} ${kept.familyName}`,
    `${merged.givenName} ${merged.familyName}`,
    ...(merged.otherNames ?? []),
  ]) {
    const key = name.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    names.push(name.trim());
  }
  return names.slice(0, max);
}

/**
 * The kept case after the merge ([G3]): the chosen fields from the merged case, the other
 * spellings joined. Pure, so phone and server compute the same.
 */
export function mergedProfile(kept: Case, merged: Case, taken: readonly string[]): Case {
  const next: Record<string, unknown> = { ...kept };
  for (const field of taken) {
    if (!choiceFieldSet.has(field)) continue;
    const value = (merged as Record<string, unknown>)[field];
    if (value === undefined || value === null) delete next[field];
    else next[field] = value;
  }
  const names = joinedOtherNames(next as Case, kept, merged);
  if (names.length > 0) next.otherNames = names;
  return next as Case;
}

/** The profile fields on which two cases disagree (what the THM chooses on the merge screen). */
export function differingFields(a: Case, b: Case): MergeChoiceField[] {
  return mergeChoiceFields.filter((field) => {
    const left = a[field];
    const right = b[field];
    if (right === undefined || right === null || right === '') return false;
    return JSON.stringify(left ?? null) !== JSON.stringify(right);
  });
}
