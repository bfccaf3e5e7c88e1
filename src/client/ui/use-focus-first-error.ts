// After a refused save, focus moves to the first invalid field (or the form's alert), so keyboard
// and screen-reader users land on what needs fixing.
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

export function useFocusFirstError(form: RefObject<HTMLElement>, errors: object | null): void {
  useEffect(() => {
    if (!errors || Object.keys(errors).length === 0 || !form.current) return;
    const target =
      form.current.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current.querySelector<HTMLElement>('[role="alert"]');
    if (target?.tagName === 'FIELDSET') target.querySelector<HTMLElement>('input')?.focus();
    else target?.focus();
  }, [errors]);
}
