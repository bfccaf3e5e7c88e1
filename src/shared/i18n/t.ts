// The typed translate function. A key that is not in the German catalogue fails the type check.
import type { Language, MessageKeys, SameShape } from './catalogue';
import { de, type Catalogue } from './messages';
import { toDate } from '../domain/local-day';

export type MessageKey = MessageKeys<Catalogue>;
export type Params = Record<string, string | number>;

const loaded: Partial<Record<Language, SameShape<Catalogue>>> = { de };
let current: Language = 'de';

/** Loads a language's catalogue (English is a separate chunk) and switches to it. */
export async function loadLanguage(language: Language): Promise<void> {
  if (!loaded[language]) {
    loaded.en = (await import('./messages-en')).en;
  }
  current = language;
}

/** Switches to an already loaded language; an unloaded one stays German until loadLanguage(). */
export function setLanguage(language: Language): void {
  if (loaded[language]) current = language;
}

/** The catalogue of the chosen language (German until another one is loaded). */
export function getLanguageCatalogue(): unknown {
  return loaded[current];
}

export function getLanguage(): Language {
  return current;
}

export function t(key: MessageKey, params?: Params): string {
  return textIn(loaded[current], key, params, (value) => value);
}

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A catalogue text in `tree` (German when missing), its plurals chosen and its parameters filled
 * in. A count takes the plural form of the tree's language (see pluralText).
 */
export function textIn(
  tree: unknown,
  key: string,
  params: Params | undefined,
  convert: (value: string | number, name: string) => string | number,
): string {
  const found = lookup(tree, key);
  const language: Language = found !== undefined && tree !== de ? current : 'de';
  const raw = found ?? lookup(de, key) ?? key;
  if (!params) return raw;
  const text = pluralText(raw, params, language);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    if (typeof value === 'string' && value !== key && hasMessage(value)) {
      const { [name]: _nested, ...rest } = params;
      return textIn(tree, value, rest, convert);
    }
    return String(convert(value, name));
  });
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The plural category (`one`, `other`, …) of `count` in `language` (Intl, no data to download). */
export function pluralCategory(count: number, language: Language): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(intlLocale[language]);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

/** `{name, plural, ` opening a plural choice (the ICU MessageFormat subset the catalogues use). */
const PLURAL_START = /\{(\w+), plural,\s*/g;

/**
 * Chooses the plural forms in `text`: `{count, plural, one {# Fall} other {# Fälle}}` reads
 * "1 Fall" and "3 Fälle" (`=0 {…}` picks an exact number first; `#` is the number). A form may
 * hold other parameters (`{date}`); a count that is missing or no number leaves the text as it is.
 */
export function pluralText(text: string, params: Params, language: Language): string {
  let result = '';
  let at = 0;
  PLURAL_START.lastIndex = 0;
  for (let start = PLURAL_START.exec(text); start; start = PLURAL_START.exec(text)) {
    const forms = new Map<string, string>();
    let i = PLURAL_START.lastIndex;
    for (;;) {
      const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(text.slice(i));
      if (!selector) break;
      i += selector[0].length;
      let depth = 1;
      const from = i;
      while (i < text.length && depth > 0) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}') depth--;
        i++;
      }
      forms.set(selector[1]!, text.slice(from, i - 1));
    }
    const close = text.indexOf('}', i);
    const count = Number(params[start[1]!]);
    if (close < 0 || !forms.has('other') || params[start[1]!] === undefined || Number.isNaN(count))
      continue;
    const form = forms.get(`=${count}`) ?? forms.get(pluralCategory(count, language))!;
    result += text.slice(at, start.index) + form.replaceAll('#', String(count));
    at = close + 1;
    PLURAL_START.lastIndex = at;
  }
  return result + text.slice(at);
}

/** True when `key` exists (for keys built at run time, e.g. enum labels). */
export function hasMessage(key: string): key is MessageKey {
  return lookup(de, key) !== undefined;
}

// Dates use the browser's Intl (no code or locale data to download); date-fns does the arithmetic.
const intlLocale: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** The Intl locale of the chosen language, for dates and numbers formatted outside t(). */
export function intlLocaleTag(): string {
  return intlLocale[current];
}
const formats = new Map<string, Intl.DateTimeFormat>();

function intl(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${current}:${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[current], options);
    formats.set(key, format);
  }
  return format;
}

/** `14.03.2025` / `14/03/2025`. */
export function formatDay(date: Date | number | string): string {
  return intl({ day: '2-digit', month: '2-digit', year: 'numeric' }).format(toDate(date));
}

/** `Freitag, 14. März 2025` / `Friday 14 March 2025`. */
export function formatLongDay(date: Date | number | string): string {
  return intl({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    toDate(date),
  );
}

/** `Freitag, 14. März` / `Friday 14 March`. */
export function formatWeekdayDay(date: Date | number | string): string {
  return intl({ weekday: 'long', day: 'numeric', month: 'long' }).format(toDate(date));
}

/** `Fr., 14. März` / `Fri 14 Mar`. */
export function formatShortWeekdayDay(date: Date | number | string): string {
  return intl({ weekday: 'short', day: 'numeric', month: 'short' }).format(toDate(date));
}

/** `09:30`. */
export function formatTime(date: Date | number | string): string {
  return intl({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(toDate(date));
}

/** `14.03.2025, 09:30`. */
export function formatDateTime(date: Date | number | string): string {
  return `${formatDay(date)}, ${formatTime(date)}`;
}

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
