// The typed translate function. A key that is not in the German catalogue fails the type check.
import { de as dateDe, enGB as dateEn } from 'date-fns/locale';
import type { Locale } from 'date-fns';
import { format as formatDateFns } from 'date-fns';
import type { Language, MessageKeys } from './catalogue';
import { messages } from './messages';

export type MessageKey = MessageKeys<(typeof messages)['de']>;
export type Params = Record<string, string | number>;

let current: Language = 'de';

export function setLanguage(language: Language): void {
  current = language;
}

export function getLanguage(): Language {
  return current;
}

export function t(key: MessageKey, params?: Params): string {
  const text = lookup(messages[current], key) ?? lookup(messages.de, key) ?? key;
  return params
    ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
    : text;
}

/** True when `key` exists (for keys built at run time, e.g. enum labels). */
export function hasMessage(key: string): key is MessageKey {
  return lookup(messages.de, key) !== undefined;
}

export function dateLocale(language: Language = current): Locale {
  return language === 'de' ? dateDe : dateEn;
}

/** Formats with date-fns in the current language, e.g. `formatDate(d, 'EEEE, d. MMMM')`. */
export function formatDate(date: Date | number | string, pattern: string): string {
  const value = typeof date === 'string' ? parseLocal(date) : date;
  return formatDateFns(value, pattern, { locale: dateLocale() });
}

/** `14.03.2025` / `14/03/2025`. */
export function formatDay(date: Date | number | string): string {
  return formatDate(date, current === 'de' ? 'dd.MM.yyyy' : 'dd/MM/yyyy');
}

/** `14.03.2025, 09:30`. */
export function formatDateTime(date: Date | number | string): string {
  return formatDate(date, current === 'de' ? "dd.MM.yyyy', 'HH:mm" : "dd/MM/yyyy', 'HH:mm");
}

export function formatTime(date: Date | number | string): string {
  return formatDate(date, 'HH:mm');
}

/** A `YYYY-MM-DD` date is a day in local time, not midnight UTC. */
function parseLocal(text: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d);
  }
  return new Date(text);
}

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
