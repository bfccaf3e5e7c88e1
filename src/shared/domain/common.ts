// Building blocks for the entity schemas. Conventions (every entity file follows them):
// - a record is a flat object with `id` (UUIDv7 made on the device) and its fields; child data are
//   rows of their own with a `caseId`, never arrays inside the case;
// - an optional field that was cleared is `null` (so the clearing syncs), an absent one `undefined`;
// - dates are `YYYY-MM-DD`, times ISO-8601 UTC with ms; enum keys are English camelCase/snake_case;
// - messages are catalogue keys (src/shared/i18n/catalogues/rules.ts, `key()`), rendered with t()
//   by the phone and sent with their German text by the server (src/shared/i18n/message.ts).
import * as v from 'valibot';
import { key } from '../i18n/message';
import type { MessageKey } from '../i18n/t';

// No issue may carry valibot's English default: any check without its own message says
// `validation.invalid` (issueMessage() names the field), and a required field that is missing
// altogether (not just empty) says `validation.required`.
v.setGlobalMessage(key('rules.validation.invalid'));
v.setSpecificMessage(v.object, (issue) =>
  issue.kind === 'schema' && issue.expected?.startsWith('"')
    ? key('rules.validation.required')
    : key('rules.validation.invalid'),
);

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export const recordId = v.pipe(
  v.string(key('rules.validation.invalidId')),
  v.regex(UUID_PATTERN, key('rules.validation.invalidId')),
);

/** A reference to another record; required unless wrapped in `optional()`. */
export const reference = (message: MessageKey) =>
  v.pipe(v.string(message), v.regex(UUID_PATTERN, message));

export const isoDate = (message: MessageKey = 'rules.validation.date') =>
  v.pipe(
    v.string(message),
    v.regex(DATE_PATTERN, message),
    v.check((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), message),
  );

export const isoDateTime = (message: MessageKey = 'rules.validation.dateTime') =>
  v.pipe(
    v.string(message),
    v.regex(DATE_TIME_PATTERN, message),
    v.check((text) => !Number.isNaN(Date.parse(text)), message),
  );

/** A UTF-16 surrogate without its partner: no character at all, and PostgreSQL refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True when `text` can be stored everywhere: no lone surrogate (broken Unicode from a bad paste or
 * a faulty keyboard) and no NUL (jsonb cannot hold U+0000). The phone refuses such text before it
 * saves, so it never reaches an outbox the server would have to refuse ([P8]).
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\0') && !LONE_SURROGATE.test(text);
}

/** Free text, trimmed, with an upper bound so a record stays small enough to sync. */
export const text = (max: number) =>
  v.pipe(
    v.string(key('rules.validation.text')),
    v.trim(),
    v.maxLength(max, key('rules.validation.maxLength')),
    v.check(isStorableText, key('rules.validation.invalidCharacter')),
  );

export const requiredText = (max: number, message: MessageKey) =>
  v.pipe(text(max), v.minLength(1, message));

export const choice = <const T extends readonly [string, ...string[]]>(
  values: T,
  message: MessageKey,
) => v.picklist(values, message);

/** Optional field: absent, or `null` once cleared. */
export const optional = <S extends v.GenericSchema>(schema: S) => v.nullish(schema);

export const flag = (message: MessageKey = 'rules.validation.flag') => v.boolean(message);

export const count = (message: MessageKey = 'rules.validation.count') =>
  v.pipe(v.number(message), v.integer(message), v.minValue(0, message));

/** Short labels such as names or titles. */
export const SHORT = 200;
/** Notes and descriptions. */
export const LONG = 5_000;

/** `YYYY-MM-DD` of a Date in local time (what a person means by "today"). */
export function toLocalDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export { parseLocalDay, toDate } from './local-day';

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The latest day a rule takes as "not in the future" when it runs on `today`: one day of slack,
 * because the phone and the server may be on different sides of midnight, and an honest entry
 * must never be refused for that.
 */
export function latestAcceptedDay(today: string): string {
  return addDays(today, 1);
}

/** 29 Feb + n years falls on 28 Feb in common years. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
