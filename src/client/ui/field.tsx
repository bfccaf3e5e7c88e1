// Form fields: every input has a visible label, an optional hint and an inline German error that
// is linked with aria-describedby and flagged with aria-invalid (so the first error can get focus).
// Every control carries autocomplete="off" ([K7]): Chromium then neither keeps its value in the
// profile's session-restore files nor offers it as a suggestion; test/house/form-state.test.ts
// fails on a control or form anywhere in client/ that does not say so.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../../shared/i18n/t';

interface FieldBase {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  name: string;
}

interface FieldFrameProps extends FieldBase {
  id: string;
  children: ComponentChildren;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * What every control of a field carries: its id and name, autocomplete (off but for the THM's own
 * credentials), and the aria wiring of hint and error.
 */
function controlProps(
  id: string,
  props: FieldBase,
  autoComplete: 'off' | CredentialAutoComplete = 'off',
) {
  return {
    id,
    name: props.name,
    autoComplete,
    'aria-required': props.required || undefined,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, props.hint, props.error),
  };
}

function FieldFrame({ id, label, hint, error, required, children }: FieldFrameProps) {
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>
        {label}
        {required && <span class="field__required"> ({t('common.form.required')})</span>}
      </label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export type CredentialAutoComplete = 'username' | 'current-password' | 'new-password';

export interface TextFieldProps extends FieldBase {
  value: string;
  onValue(value: string): void;
  type?: 'text' | 'tel' | 'email' | 'search' | 'number' | 'password';
  /**
   * Only the THM's own sign-in may name a credential, so a password manager can fill it (the house
   * test allows it in the sign-in and new-password steps alone); every other field stays 'off'.
   */
  autoComplete?: 'off' | CredentialAutoComplete;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric' | 'search';
  placeholder?: string;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const { value, onValue, type = 'text', autoComplete = 'off', inputMode, placeholder } = props;
  return (
    <FieldFrame {...props} id={id}>
      <input
        {...controlProps(id, props, autoComplete)}
        class="field__input"
        type={type}
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export interface TextAreaFieldProps extends FieldBase {
  value: string;
  onValue(value: string): void;
  rows?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <textarea
        {...controlProps(id, props)}
        class="field__input field__input--area"
        rows={props.rows ?? 3}
        value={props.value}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldBase {
  value: string;
  onValue(value: string): void;
  options: readonly SelectOption[];
  /** Offer an empty first choice ("Bitte wählen"); off for required enums with a default. */
  allowEmpty?: boolean;
}

export function SelectField(props: SelectFieldProps) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <select
        {...controlProps(id, props)}
        class="field__input field__input--select"
        value={props.value}
        onChange={(event) => props.onValue(event.currentTarget.value)}
      >
        {props.allowEmpty !== false && <option value="">{t('common.form.choose')}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface DateFieldProps extends FieldBase {
  /** `YYYY-MM-DD` or '' */
  value: string;
  onValue(value: string): void;
  min?: string;
  max?: string;
}

export function DateField(props: DateFieldProps) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <input
        {...controlProps(id, props)}
        class="field__input"
        type="date"
        value={props.value}
        min={props.min}
        max={props.max}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export interface TimeFieldProps extends FieldBase {
  /** `HH:mm` or '' */
  value: string;
  onValue(value: string): void;
}

/** A clock time in steps of five minutes. */
export function TimeField(props: TimeFieldProps) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <input
        {...controlProps(id, props)}
        class="field__input"
        type="time"
        step={300}
        value={props.value}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export interface CheckboxFieldProps {
  name: string;
  label: string;
  checked: boolean;
  onValue(checked: boolean): void;
  error?: string | undefined;
}

export function CheckboxField({ name, label, checked, onValue, error }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div class={error ? 'field field--check field--invalid' : 'field field--check'}>
      <input
        id={id}
        name={name}
        type="checkbox"
        autoComplete="off"
        class="field__checkbox"
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onValue(event.currentTarget.checked)}
      />
      <label for={id} class="field__check-label">
        {label}
      </label>
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
