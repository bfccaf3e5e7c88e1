// The need form's editable copy and its mapping to record fields.
import type { Need } from '../../../shared/domain/need';
import { textOrAbsent } from '../../ui/form-values';

const keys = [
  'category',
  'description',
  'priority',
  'goal',
  'nextStep',
  'nextStepBy',
  'source',
  'reviewOn',
  'status',
] as const;

export type NeedDraft = Record<(typeof keys)[number], string>;

export function needToDraft(need?: Need): NeedDraft {
  const draft = Object.fromEntries(keys.map((key) => [key, need?.[key] ?? ''])) as NeedDraft;
  if (!need) return { ...draft, priority: 'medium', source: 'self', status: 'open' };
  return draft;
}

/** Empty inputs are absent on create and cleared (null) on edit; status is handled separately. */
export function needDraftToFields(
  draft: NeedDraft,
  editing: boolean,
): Record<string, string | null | undefined> {
  const fields: Record<string, string | null | undefined> = {};
  for (const key of keys) {
    if (key !== 'status') fields[key] = textOrAbsent(draft[key], editing);
  }
  return fields;
}
