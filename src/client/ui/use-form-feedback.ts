// What every form shows after a refused save: the field errors, the message above the form, and
// focus on the first field to fix (see use-focus-first-error.ts).
import { useRef, useState } from 'preact/hooks';
import type { FieldErrors } from '../../local/record-errors';
import { useFocusFirstError } from './use-focus-first-error';

export function useFormFeedback() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);
  return { errors, setErrors, message, setMessage, form };
}
