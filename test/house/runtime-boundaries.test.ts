// ARCHITECTURE.md §1: each runtime compiles with its own lib, so a wrong-runtime global does not
// compile. For each runtime this compiles its whole program (with the sources it imports) plus two
// probe files under that runtime's own tsconfig, and checks which probes fail and that nothing else
// does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const probeDir = mkdtempSync(join(tmpdir(), 'feldakte-probe-'));
afterAll(() => rmSync(probeDir, { recursive: true, force: true }));

const probes = {
  document: 'export const title = () => document.title;',
  process: 'export const env = () => process.env;',
  self: 'export const scope = () => self;',
};
type Probe = keyof typeof probes;

/** Compiles src/<runtime> plus every probe; returns the first error of each probe and the rest. */
function compileWithProbes(runtime: string) {
  const files = Object.fromEntries(
    Object.entries(probes).map(([name, source]) => {
      const file = join(probeDir, `${runtime}-${name}.ts`);
      writeFileSync(file, `${source}\n`);
      return [file, name as Probe];
    }),
  );
  const dir = join(root, 'src', runtime);
  const config = ts.readConfigFile(join(dir, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  const program = ts.createProgram({
    rootNames: [...parsed.fileNames, ...Object.keys(files)],
    // No project references: the sources of shared/ a runtime imports compile under its lib too.
    options: {
      ...parsed.options,
      composite: false,
      declaration: false,
      emitDeclarationOnly: false,
      noEmit: true,
    },
  });
  const failing: Partial<Record<Probe, string>> = {};
  const rest: string[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const probe = d.file ? files[d.file.fileName] : undefined;
    if (probe) failing[probe] ??= text;
    else rest.push(`${d.file?.fileName ?? ''}: ${text}`);
  }
  return { failing, rest };
}

describe('runtime boundaries compile', () => {
  it.each([
    // runtime, what it may use
    ['shared', []],
    ['local', ['self']],
    ['sw', ['self']],
    ['server', ['process']],
    ['client', ['document', 'self']],
  ] as const)(
    'src/%s rejects every global of another runtime (allowed: %j)',
    { timeout: 120_000 },
    (runtime, allowed) => {
      const { failing, rest } = compileWithProbes(runtime);
      expect(rest).toEqual([]);
      const expected = Object.fromEntries(
        (Object.keys(probes) as Probe[])
          .filter((probe) => !(allowed as readonly string[]).includes(probe))
          .map((probe) => [probe, expect.stringContaining(`Cannot find name '${probe}'`)]),
      );
      expect(failing).toEqual(expected);
    },
  );
});
