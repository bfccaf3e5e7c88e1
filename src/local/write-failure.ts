// What a form says when the device could not store a write (a full disk, a closed or blocked
// database, a browser that refuses IndexedDB): German, actionable, and the input stays in the form.
// The error itself is not logged beyond its name: it may carry record values.
import { t } from '../shared/i18n/t';
import Dexie from 'dexie';
import { errorName } from '../shared/error-name';

export function writeFailureMessage(error: unknown): string {
  if (isQuotaError(error)) return t('common.errors.quota');
  console.warn('Write failed on the device', errorName(error));
  return t('common.errors.storage');
}

/**
 * What a one-tap action says when the device could not store its write (a status button, a done
 * tick, an undo): nothing was changed, try again. A quota error says the device is full.
 */
export function actionFailureMessage(error: unknown): string {
  if (isQuotaError(error)) return t('common.errors.quota');
  console.warn('Write failed on the device', errorName(error));
  return t('common.errors.action');
}

/** The device is full (IndexedDB's quota), however the browser or Dexie wraps it. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  return (
    name === 'QuotaExceededError' ||
    inner === 'QuotaExceededError' ||
    error instanceof Dexie.QuotaExceededError
  );
}
