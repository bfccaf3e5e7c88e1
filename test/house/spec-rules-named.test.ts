// Every rule of src/shared/sync/SPEC.md is named by at least one test (`it('[P3] ...')`), so a rule
// nobody checks shows up here instead of in production.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const spec = readFileSync(join(root, 'src/shared/sync/SPEC.md'), 'utf8');
const ruleIds = [...spec.matchAll(/^- \*\*\[([A-Z]\d+)\]\*\*/gm)].map((match) => match[1]!);

/** Rules whose tests are being written in another branch right now; remove an id once it is named. */
const pending: Record<string, string> = {
  K1: 'encryption at rest (issue 11)',
  K2: 'encryption at rest (issue 11)',
  K5: 'sealed outbox while locked (issue 11)',
  K6: 'wipe on revocation (issue 11)',
};

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testSources(path);
    return /\.tsx?$/.test(entry.name) && path !== import.meta.filename
      ? [readFileSync(path, 'utf8')]
      : [];
  });
}

const tests = testSources(join(root, 'test')).join('\n');

describe('SPEC.md rules are named by tests', () => {
  it('finds the rules', () => {
    expect(ruleIds.length).toBeGreaterThan(40);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
  });

  it('names every rule in at least one test', () => {
    const unnamed = ruleIds.filter((id) => !(id in pending) && !tests.includes(`[${id}]`));
    expect(unnamed).toEqual([]);
  });

  it('lists as pending only rules that exist', () => {
    expect(Object.keys(pending).filter((id) => !ruleIds.includes(id))).toEqual([]);
  });
});
