// Chips: a one-tap choice among few options. Real radio inputs underneath, so arrow keys, screen
// readers and forms work as usual; the label is the chip.
import { useId } from 'preact/hooks';
import type { SelectOption } from './field';

export interface ChipChoiceProps {
  legend: string;
  name: string;
  value: string;
  options: readonly SelectOption[];
  onValue(value: string): void;
  error?: string | undefined;
}

export function ChipChoice({ legend, name, value, options, onValue, error }: ChipChoiceProps) {
  const id = useId();
  return (
    <fieldset
      class="chips"
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend class="chips__legend">{legend}</legend>
      <div class="chips__list">
        {options.map((option) => (
          <label key={option.value} class="chip">
            <input
              autoComplete="off"
              type="radio"
              class="chip__input"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onValue(option.value)}
            />
            <span class="chip__label">{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** An on/off filter chip (a toggle button). */
export function ToggleChip({
  label,
  pressed,
  onToggle,
}: {
  label: string;
  pressed: boolean;
  onToggle(): void;
}) {
  return (
    <button type="button" class="chip chip--toggle" aria-pressed={pressed} onClick={onToggle}>
      <span class="chip__label">{label}</span>
    </button>
  );
}
