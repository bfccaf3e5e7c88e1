// Every rule of src/shared/sync/SPEC.md is named by at least one test (`it('[P3] ...')`), so a rule
// nobody checks shows up here instead of in production. There are no exemptions.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const spec = readFileSync(join(root, 'src/shared/sync/SPEC.md'), 'utf8');
const ruleIds = [...spec.matchAll(/^- \*\*\[([A-Z]\d+)\]\*\*/gm)].map((match) => match[1]!);

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testSources(path);
    return /\.tsx?$/.test(entry.name) && path !== import.meta.filename
      ? [readFileSync(path, 'utf8')]
      : [];
  });
}

/** The titles of every `describe`, `it` and `test` (a rule named in a comment does not count). */
export function testTitles(source: string): string[] {
  const calls = /\b(?:describe|it|test)(?:\.each\([^)]*\))?\s*\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs;
  return [...source.matchAll(calls)].map((match) => match[2]!);
}

const titles = testSources(join(root, 'test')).flatMap(testTitles).join('\n');

describe('SPEC.md rules are named by tests', () => {
  it('finds the rules', () => {
    expect(ruleIds.length).toBeGreaterThan(40);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
  });

  it('reads test titles, not comments', () => {
    const source =
      "// [A1] in a comment\nit('[A2] a rule', () => {});\ndescribe(`[A3] ${x}`, () => {});";
    expect(testTitles(source)).toEqual(['[A2] a rule', '[A3] ${x}']);
  });

  it('names every rule in the title of at least one test', () => {
    const unnamed = ruleIds.filter((id) => !titles.includes(`[${id}]`));
    expect(unnamed).toEqual([]);
  });
});
