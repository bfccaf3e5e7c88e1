// docs/decisions.md names where each decision lives. A renamed or deleted file must not leave an
// entry pointing nowhere: every code-formatted name that looks like a file or folder must exist,
// as a path from the repository's root or (a bare file name) somewhere under it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FILE_LIKE = /^[\w.@-]+(\/[\w.@-]+)*\/?$/;
const EXTENSION = /\.(ts|tsx|mjs|js|json|sql|css|md|html|webmanifest)$/;
const TOP_FOLDERS = ['src/', 'test/', 'docs/', 'build/', 'scripts/', 'public/'];

function allFileNames(dir: string, names = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'dist')
      continue;
    if (entry.isDirectory()) allFileNames(join(dir, entry.name), names);
    else names.add(entry.name);
  }
  return names;
}

/** The code-formatted names in `text` that look like a file or a folder of this repository. */
export function namedFiles(text: string): string[] {
  const names = [...text.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);
  return names.filter(
    (name) =>
      FILE_LIKE.test(name) &&
      (EXTENSION.test(name) || TOP_FOLDERS.some((folder) => name.startsWith(folder))),
  );
}

describe('docs/decisions.md', () => {
  const text = readFileSync(join(ROOT, 'docs/decisions.md'), 'utf8');

  it('names files (finds the code-formatted paths)', () => {
    expect(
      namedFiles('see `src/a.ts`, `sw.ts`, `test/sync/`, `{a}` and `version > cursor`'),
    ).toEqual(['src/a.ts', 'sw.ts', 'test/sync/']);
    expect(namedFiles(text).length).toBeGreaterThan(40);
  });

  it('names only files that exist', () => {
    const bareNames = allFileNames(ROOT);
    const missing = namedFiles(text).filter((name) =>
      name.includes('/') ? !existsSync(join(ROOT, name)) : !bareNames.has(name),
    );
    expect(missing).toEqual([]);
  });
});
