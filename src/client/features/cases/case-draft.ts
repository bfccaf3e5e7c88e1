// The case form's editable copy: every field as the input shows it (strings, one boolean). Turning
// it into record fields maps an empty input to "cleared" (null) on edit and to "absent" on create.
import type { Case } from '../../../shared/domain/case';
import { textOrAbsent } from '../../ui/form-values';

const textKeys = [
  'givenName',
  'familyName',
  'birthDate',
  'gender',
  'countryOfOrigin',
  'languages',
  'literacy',
  'germanLevel',
  'germanLevelSource',
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
  'resources',
  'lifeWorldNotes',
  'status',
] as const;

type TextKey = (typeof textKeys)[number];

export type CaseDraft = Record<TextKey, string> & {
  /** Other spellings, comma-separated in one input. */
  otherNames: string;
  interpreterNeeded: boolean;
};

export type CaseFields = { [K in keyof Case]?: Case[K] | null };

export function emptyCaseDraft(): CaseDraft {
  const draft = Object.fromEntries(textKeys.map((key) => [key, ''])) as Record<TextKey, string>;
  return { ...draft, status: 'intake', otherNames: '', interpreterNeeded: false };
}

export function caseToDraft(record: Case): CaseDraft {
  const draft = emptyCaseDraft();
  for (const key of textKeys) {
    const value = record[key];
    draft[key] = typeof value === 'string' ? value : '';
  }
  draft.otherNames = (record.otherNames ?? []).join(', ');
  draft.interpreterNeeded = record.interpreterNeeded ?? false;
  return draft;
}

/** Record fields from the draft; `status` only on create (later changes go through the rules). */
export function draftToFields(draft: CaseDraft, mode: 'create' | 'edit'): CaseFields {
  const editing = mode === 'edit';
  const fields: Record<string, unknown> = {};
  for (const key of textKeys) {
    if (key === 'status' && editing) continue;
    // The names stay '' when empty, so the rules refuse them with their own message.
    const required = key === 'givenName' || key === 'familyName';
    fields[key] = required ? draft[key].trim() : textOrAbsent(draft[key], editing);
  }
  const otherNames = draft.otherNames
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  fields.otherNames = otherNames.length ? otherNames : editing ? null : undefined;
  fields.interpreterNeeded = draft.interpreterNeeded;
  return fields as CaseFields;
}
