// Dates in date-fns patterns ("EEE, d. MMM"), in the current language. Separate from t.ts so the
// first screen does not load date-fns' formatter and locales; the agenda and detail screens do.
import { format } from 'date-fns';
import { de } from 'date-fns/locale/de';
import { enGB } from 'date-fns/locale/en-GB';
import type { Locale } from 'date-fns';
import type { Language } from './catalogue';
import { getLanguage } from './t';
import { toDate } from '../domain/common';

export function dateLocale(language: Language = getLanguage()): Locale {
  return language === 'en' ? enGB : de;
}

/** Formats with date-fns in the current language, e.g. `formatDate(d, 'EEEE, d. MMMM')`. */
export function formatDate(date: Date | number | string, pattern: string): string {
  return format(toDate(date), pattern, { locale: dateLocale() });
}
