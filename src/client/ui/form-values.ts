// Form inputs are strings; records hold null for a cleared optional field (common.ts). Every form
// turns one into the other here, so text is trimmed the same way everywhere.

/** Trimmed text, or null when empty (so clearing a field syncs). */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Trimmed text; an empty input is cleared (null) when editing and left out (undefined) when
 * creating, so a new record carries only what was filled in ([L3]).
 */
export function textOrAbsent(value: string, editing: boolean): string | null | undefined {
  return textOrNull(value) ?? (editing ? null : undefined);
}

/** A whole number from an input, null when empty; a non-number stays a string for the schema to refuse. */
export function countOrNull(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function fromNullable(value: string | number | null | undefined): string {
  return value == null ? '' : String(value);
}
