// The one form helper: an editable draft, fields bound to it by key (value, error, onValue; the
// field components turn the error into aria-invalid/aria-describedby), a submit that saves through
// the local write functions, shows a refusal or a storage failure in German at the form, focuses
// the first field to fix (or the form's alert), and confirms a save with a toast.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldErrors } from '../../local/record-errors';
import { writeFailureMessage } from '../../local/write-failure';
import { t } from '../../shared/i18n/t';
import { showToast } from '../state/toast';

/** What a save may answer besides success: WriteResult and BatchResult failures fit. */
export interface SaveRefused {
  ok: false;
  /** Shown above the form; null when the field errors say it all. */
  message: string | null;
  errors?: FieldErrors;
}

/** A refusal found by the form itself before anything is written. */
export function refused(message: string | null, errors: FieldErrors = {}): SaveRefused {
  return { ok: false, message, errors };
}

type Saved = { ok: true };

type KeysOf<D, V> = { [K in keyof D]-?: D[K] extends V ? K : never }[keyof D] & string;

export interface DraftFormOptions<D, S extends Saved | SaveRefused> {
  /** The starting draft; undefined while it loads. Until the first edit the form follows it. */
  initial: D | undefined;
  save(draft: D): Promise<S>;
  onSaved(result: Extract<S, Saved>, draft: D): void;
  /** The toast after a save; null for none. Default "Gespeichert". */
  savedMessage?: string | null;
  /** Where a refusal's error shows: record fields (or `_record`) to the form's field keys. */
  errorField?(key: string, draft: D): string;
}

export interface DraftForm<D> {
  /** undefined while the initial draft loads. */
  draft: D | undefined;
  set<K extends keyof D>(key: K, value: D[K]): void;
  /** Props for TextField, TextAreaField, SelectField, DateField and ChipChoice. */
  field<K extends KeysOf<D, string>>(
    key: K,
  ): { name: K; value: string; error: string | undefined; onValue(value: string): void };
  /** Props for CheckboxField. */
  check<K extends KeysOf<D, boolean>>(
    key: K,
  ): { name: K; checked: boolean; error: string | undefined; onValue(value: boolean): void };
  errors: FieldErrors;
  message: string | null;
  saving: boolean;
  /** Shows a refusal found before saving (a rule checked in the form). */
  refuse(message: string | null, errors?: FieldErrors): void;
  /** Back to the initial draft without messages (a sheet opened again, a log entry saved). */
  reset(): void;
  formProps: {
    ref: { current: HTMLFormElement | null };
    onSubmit(event: Event): void;
    noValidate: true;
    /** [K7]: Chromium keeps no control's value of this form for session restore. */
    autoComplete: 'off';
  };
}

export function useDraftForm<D extends object, S extends Saved | SaveRefused>(
  options: DraftFormOptions<D, S> & { initial: D },
): DraftForm<D> & { draft: D };
export function useDraftForm<D extends object, S extends Saved | SaveRefused>(
  options: DraftFormOptions<D, S>,
): DraftForm<D>;
export function useDraftForm<D extends object, S extends Saved | SaveRefused>(
  options: DraftFormOptions<D, S>,
): DraftForm<D> {
  const [edited, setEdited] = useState<D | undefined>(undefined);
  const [feedback, setFeedback] = useState<{ errors: FieldErrors; message: string | null }>({
    errors: {},
    message: null,
  });
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const draft = edited ?? options.initial;

  // After every refusal focus lands on the first field to fix, or on the alert above the form.
  useEffect(() => {
    if (!feedback.message && Object.keys(feedback.errors).length === 0) return;
    const target =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLElement>('[role="alert"]');
    if (target?.tagName === 'FIELDSET') target.querySelector<HTMLElement>('input')?.focus();
    else target?.focus();
  }, [feedback]);

  const set = <K extends keyof D>(key: K, value: D[K]) =>
    setEdited((current) => {
      const base = current ?? latest.current.initial;
      return base && { ...base, [key]: value };
    });

  const refuse = (message: string | null, errors: FieldErrors = {}) => {
    const errorField = latest.current.errorField;
    const shown: FieldErrors = {};
    for (const [key, text] of Object.entries(errors)) {
      shown[errorField && draft ? errorField(key, draft) : key] ??= text;
    }
    setFeedback({ errors: shown, message });
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!draft || saving) return;
    setSaving(true);
    try {
      const result: Saved | SaveRefused = await latest.current.save(draft);
      if (!result.ok) return refuse(result.message, result.errors);
      setFeedback({ errors: {}, message: null });
      const toast = latest.current.savedMessage;
      if (toast !== null) showToast(toast ?? t('common.form.saved'));
      latest.current.onSaved(result as Extract<S, Saved>, draft);
    } catch (error) {
      // Any storage error (quota, closed or blocked database): the input stays, the THM retries.
      refuse(writeFailureMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return {
    draft,
    set,
    field: (key) => ({
      name: key,
      value: draft ? (draft[key] as string) : '',
      error: feedback.errors[key],
      onValue: (value) => set(key, value as D[typeof key]),
    }),
    check: (key) => ({
      name: key,
      checked: draft ? (draft[key] as boolean) : false,
      error: feedback.errors[key],
      onValue: (value) => set(key, value as D[typeof key]),
    }),
    errors: feedback.errors,
    message: feedback.message,
    saving,
    refuse,
    reset: () => {
      setEdited(undefined);
      setFeedback({ errors: {}, message: null });
    },
    formProps: {
      ref: form,
      onSubmit: (event) => void onSubmit(event),
      noValidate: true,
      autoComplete: 'off',
    },
  };
}
