// Issue 13 item 7: the shared rules speak in message keys, never in German sentences. Walks the
// schema of every table in the registry with invalid input and checks that every message it
// produces is a catalogue key with a German and an English text (with the same placeholders), and
// that the English text is filled in: no raw German string and no `{max}` left for the person.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { tableNames, tables } from '../../src/shared/domain/tables';
import { teamSettingsChangeSchema } from '../../src/shared/domain/team-settings';
import { pushRequestSchema, pullRequestSchema } from '../../src/shared/sync/protocol';
import {
  consentProblemMessage,
  consentPurposes,
  type ConsentProblem,
} from '../../src/shared/domain/consent';
import { issueMessage, isMessageKey, type Message } from '../../src/shared/i18n/message';
import { loadLanguage, pluralText, setLanguage } from '../../src/shared/i18n/t';
import { germanText, renderMessage } from '../../src/shared/i18n/message';
import { de } from '../../src/shared/i18n/messages';
// The server's refusals only the console receives join `de` here, as they do on the server.
import '../../src/shared/i18n/messages-console';
import { en } from '../../src/shared/i18n/messages-en';

const LONG_TEXT = 'x'.repeat(10_001);
/** Values that are wrong for some field of every table: types, empties, sizes, broken text. */
const invalidValues: unknown[] = [
  123,
  1.5,
  -1,
  10_000_000,
  true,
  '',
  '   ',
  'kein Datum',
  '2025-02-30T25:00',
  LONG_TEXT,
  'a\uD800b',
  'nul\u0000',
  {},
  [],
  [1, 2],
  ['a', 'a'],
  Array.from({ length: 40 }, (_, i) => `item ${i}`),
  Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, true])),
];

function schemaFields(schema: unknown): string[] {
  const s = schema as { entries?: v.ObjectEntries; pipe?: unknown[] };
  if (s.entries) return Object.keys(s.entries);
  const inner = s.pipe?.find((item) => (item as { entries?: unknown }).entries);
  return inner ? schemaFields(inner) : [];
}

/** Every issue the schema reports for each field set to each invalid value, plus `{}`. */
function issuesOf(schema: v.GenericSchema): v.BaseIssue<unknown>[] {
  const issues: v.BaseIssue<unknown>[] = [];
  const collect = (input: unknown) => {
    const result = v.safeParse(schema, input);
    if (!result.success) issues.push(...result.issues);
  };
  collect({});
  collect(null);
  collect({ retentionYears: 0 });
  collect({ retentionYears: 99 });
  for (const field of schemaFields(schema)) {
    for (const value of invalidValues) collect({ [field]: value });
  }
  return issues;
}

function leaf(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

/** The parameters a text takes: `{name}` and the count of a plural choice `{count, plural, …}`. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)(\}|, plural,)/g)].map((m) => m[1]))].sort();

/** What is wrong with a message key: missing German or English text, or unequal placeholders. */
function problemsOf(key: string): string[] {
  const german = leaf(de, key);
  const english = leaf(en, key);
  if (!german?.trim()) return [`${key}: no German text`];
  if (!english?.trim()) return [`${key}: no English text`];
  if (placeholders(german).join() !== placeholders(english).join())
    return [`${key}: placeholders differ`];
  return [];
}

beforeAll(async () => {
  await loadLanguage('en');
});
afterAll(() => setLanguage('de'));

describe('rule messages are catalogue keys', () => {
  it.each(tableNames)(
    'every message of the %s schema is a key with German and English',
    (table) => {
      const issues = issuesOf(tables[table].schema as v.GenericSchema);
      expect(issues.length).toBeGreaterThan(10);
      const notKeys = [...new Set(issues.map((issue) => issue.message))].filter(
        (text) => !isMessageKey(text),
      );
      expect(notKeys).toEqual([]);
      const problems = [...new Set(issues.map((issue) => issue.message))].flatMap(problemsOf);
      expect(problems).toEqual([]);
      // Rendered in English: English text, every placeholder filled from the rule.
      setLanguage('en');
      for (const issue of issues) {
        const message = issueMessage(issue);
        const text = renderMessage(message);
        expect(text, message.key).not.toMatch(/\{\w+\}/);
        expect(text).toBe(
          pluralText(leaf(en, message.key)!, message.params ?? {}, 'en').replace(
            /\{(\w+)\}/g,
            (_, p: string) => String(message.params?.[p]),
          ),
        );
      }
      setLanguage('de');
    },
  );

  it('the team settings and the sync envelope speak in keys too', () => {
    const issues = [
      ...issuesOf(teamSettingsChangeSchema as unknown as v.GenericSchema),
      ...issuesOf(pushRequestSchema as unknown as v.GenericSchema),
      ...issuesOf(pullRequestSchema as unknown as v.GenericSchema),
    ];
    const raw = [...new Set(issues.map((issue) => issue.message))];
    expect(raw.filter((text) => !isMessageKey(text))).toEqual([]);
    expect(raw.flatMap(problemsOf)).toEqual([]);
  });

  it('bounds come from the rule: one number in the schema and the text', () => {
    const result = v.safeParse(tables.cases.schema, { givenName: 'x'.repeat(201) });
    const issue = result.issues?.find((i) => i.path?.[0]?.key === 'givenName');
    const message = issueMessage(issue);
    expect(message).toEqual({ key: 'rules.validation.maxLength', params: { max: 200 } });
    expect(germanText(message)).toBe('Bitte höchstens 200 Zeichen eingeben');
    setLanguage('en');
    expect(renderMessage(message)).toBe('Please enter at most 200 characters');
    setLanguage('de');
  });

  it('the consent gate names every purpose and problem in both languages, with the date', () => {
    const problems: ConsentProblem[] = [
      'withdrawn',
      'expired',
      'not_yet',
      'other_partner',
      'missing',
    ];
    for (const purpose of consentPurposes) {
      for (const problem of problems) {
        const message = consentProblemMessage({ problem, date: '2025-06-10' }, purpose);
        expect(problemsOf(message.key)).toEqual([]);
        setLanguage('en');
        const english = renderMessage(message);
        setLanguage('de');
        expect(english).not.toMatch(/Einwilligung|\{/);
        if (placeholders(leaf(de, message.key)!).includes('date')) {
          expect(germanText(message)).toContain('10.06.2025');
          expect(english).toContain('10/06/2025');
        }
      }
    }
  });

  it('only day parameters read as dates; a typed value that looks like a day stays as typed', () => {
    const typed = { key: 'server.reports.fromInvalid', params: { value: '2026-13-45' } } as Message;
    expect(germanText(typed)).toBe(
      'Das Anfangsdatum „2026-13-45“ ist kein gültiges Datum (JJJJ-MM-TT).',
    );
    const team = { key: 'server.account.teamExists', params: { team: '2026-11-30' } } as Message;
    expect(germanText(team)).toContain('„2026-11-30“');
    setLanguage('en');
    expect(renderMessage(team)).toContain('2026-11-30');
    setLanguage('de');
    // A day parameter that is no calendar day is not turned into one either.
    const noDay = consentProblemMessage({ problem: 'expired', date: '2025-02-30' }, 'reporting');
    expect(germanText(noDay)).toContain('2025-02-30');
  });

  it('every key named in the source of shared rules and the server has German and English', () => {
    const keys = keysInSource(['src/shared', 'src/server', 'src/local']);
    expect(keys.size).toBeGreaterThan(150);
    expect([...keys].flatMap(problemsOf)).toEqual([]);
  });

  it('the English catalogue of rules and server answers is English, not German copied', () => {
    const copied = [...leaves(de.rules, 'rules'), ...leaves(de.server, 'server')].filter(
      ([key, german]) => leaf(en, key) === german,
    );
    expect(copied).toEqual([]);
  });
});

/** `'rules.…'` / `'server.…'` literals in .ts files under the given folders. */
export function keysInSource(folders: string[]): Set<string> {
  const keys = new Set<string>();
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if (/\.tsx?$/.test(path) && !path.includes('/i18n/catalogues/')) {
      for (const match of readFileSync(path, 'utf8').matchAll(/'((?:rules|server)\.[\w.]+)'/g)) {
        keys.add(match[1]!);
      }
    }
  };
  folders.forEach(walk);
  return keys;
}

function leaves(tree: unknown, prefix: string): [string, string][] {
  return Object.entries(tree as Record<string, unknown>).flatMap(([name, value]) =>
    typeof value === 'string'
      ? [[`${prefix}.${name}`, value] as [string, string]]
      : leaves(value, `${prefix}.${name}`),
  );
}

export type { Message };
