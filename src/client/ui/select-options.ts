// Turns an enum (`as const` array) into select/chip options with labels from the catalogue.
import type { SelectOption } from './field';

export function optionsOf<T extends string>(
  values: readonly T[],
  label: (value: T) => string,
): SelectOption[] {
  return values.map((value) => ({ value, label: label(value) }));
}
