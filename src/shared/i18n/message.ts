// What the shared rules and the server say to a person: a catalogue key and its parameters, never a
// finished sentence. The phone renders it with t() in the chosen language (renderMessage in t.ts);
// the server sends the key as `code` with `params` and, for other clients, the German text.
//
// In valibot schemas the message string *is* the key (`key('rules.cases.givenName')`, checked by the
// compiler). A bound such as maxLength's 200 is not repeated in the message: issueMessage() reads it
// from the issue (valibot's `expected`, "<=200"; a forwarded issue keeps it when passed on),
// so the catalogue text "Bitte höchstens {max} Zeichen eingeben" and the rule share one number.
import type * as v from 'valibot';
import './messages-behind-lock';
import { de } from './messages';
import {
  formatDay,
  getLanguageCatalogue,
  hasMessage,
  ISO_DAY,
  textIn,
  type MessageKey,
  type Params,
} from './t';

export interface Message {
  readonly key: MessageKey;
  readonly params?: Params;
}

/** A catalogue key where valibot expects a message; an unknown key fails the type check. */
export function key<const K extends MessageKey>(messageKey: K): K {
  return messageKey;
}

export function message(messageKey: MessageKey, params?: Params): Message {
  return params ? { key: messageKey, params } : { key: messageKey };
}

/** True when `text` names a message of the German catalogue (every language has the same keys). */
export function isMessageKey(text: unknown): text is MessageKey {
  if (typeof text !== 'string') return false;
  let node: unknown = de;
  for (const part of text.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

const UNKNOWN: Message = { key: 'rules.validation.invalid' };

/**
 * The message of a schema issue. A check without its own message (`validation.invalid`, see
 * common.ts) names its field: `validation.requiredField` when it is missing, else `invalidField`.
 */
export function issueMessage(issue: v.BaseIssue<unknown> | undefined): Message {
  if (!issue) return UNKNOWN;
  const field = issue.path?.map((item) => String(item.key)).join('.');
  const generic = !isMessageKey(issue.message) || issue.message === UNKNOWN.key;
  if (generic && field) {
    return issue.received === 'undefined'
      ? message('rules.validation.requiredField', { field })
      : message('rules.validation.invalidField', { field });
  }
  if (generic || !isMessageKey(issue.message)) return UNKNOWN;
  const params = boundOf(issue);
  return params ? message(issue.message, params) : { key: issue.message };
}

function boundOf(issue: v.BaseIssue<unknown>): Params | undefined {
  // valibot writes a numeric bound as `expected`: "<=200" (max_length, max_value), ">=1" (min_…).
  const bound = /^(<=|>=)(\d+)$/.exec(issue.expected ?? '');
  if (!bound) return undefined;
  return bound[1] === '>=' ? { min: Number(bound[2]) } : { max: Number(bound[2]) };
}

/** The parameters that name a day; only these are read as dates, never what a person typed. */
const DAY_PARAMS = new Set(['date', 'day', 'from', 'to', 'until']);

/** An ISO day (`2026-11-30`) in a day parameter, as a real calendar day. */
function isDayParam(name: string, value: string | number): value is string {
  if (!DAY_PARAMS.has(name) || typeof value !== 'string' || !ISO_DAY.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A message of the shared rules or the server in the chosen language. ISO days (`2026-11-30`) in
 * the day parameters ({date}, {day}, {from}, {to}, {until}) read as dates of that language; a
 * parameter that is itself a key (`{why}`) reads as that message. Anything else (a typed value that
 * merely looks like a day, "2026-13-45") stays as it is.
 */
export function renderMessage(message: Message): string {
  return textIn(getLanguageCatalogue(), message.key, message.params, (value, name) =>
    isDayParam(name, value) ? formatDay(value) : value,
  );
}

/** The German text of a message, whatever language is chosen (the server's `message`/`reason`). */
export function germanText(message: Message): string {
  return textIn(de, message.key, message.params, (value, name) =>
    isDayParam(name, value) ? value.split('-').reverse().join('.') : value,
  );
}

/**
 * A message that came from the server or was stored by an older app: rendered from its key when
 * this app knows the key, else the German text that came with it.
 */
export function renderKnown(code: unknown, params: unknown, fallback: string): string {
  if (typeof code !== 'string' || !hasMessage(code)) return fallback;
  const given = typeof params === 'object' && params !== null ? (params as Params) : undefined;
  return renderMessage(given ? { key: code, params: given } : { key: code });
}

/** The text of an API error body `{code, params, message}` (protocol.ts ApiError), if it has one. */
export function apiErrorText(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { code, params, message } = payload as {
    code?: unknown;
    params?: unknown;
    message?: unknown;
  };
  const german = typeof message === 'string' ? message : undefined;
  return german === undefined && typeof code !== 'string'
    ? undefined
    : renderKnown(code, params, german ?? '');
}
