// A labelled clock-time input (`HH:mm`) with an inline error, in the markup of ui/field.tsx.
import { useId } from 'preact/hooks';

export interface TimeFieldProps {
  name: string;
  label: string;
  value: string;
  onValue(value: string): void;
  error?: string | undefined;
  required?: boolean;
}

export function TimeField({ name, label, value, onValue, error, required }: TimeFieldProps) {
  const id = useId();
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        class="field__input"
        type="time"
        step={300}
        value={value}
        aria-required={required || undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
