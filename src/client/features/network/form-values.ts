// Form inputs are strings; records hold null for a cleared optional field (common.ts). These turn
// one into the other at the edge of a form.

/** Trimmed text, or null when empty (so clearing a field syncs). */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
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
