import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Test files are named by what they need: test/client/** runs in happy-dom, test/e2e/** drives the
// built app in real Chromium, everything else runs in plain Node.
//
// One pool of workers for all three projects, at least two even on a 2-core machine (vitest's
// default there is one, which left a core idle while files waited on PostgreSQL, PGlite or the
// browser). Every file is independent (own store or schema, own server on port 0, own Chromium),
// so e2e files may run next to each other too; the sequencer spreads them among the others and the
// e2e globalSetup builds the app once before any of them starts.
/**
 * The order in which files go to the workers (first come, first served). The long e2e files are
 * spread through the others instead of queued together, so while one worker drives a browser the
 * other mostly runs node and dom files, and two browsers run at once rarely rather than all the
 * time. Node files come before the short, even dom files, which fill the end of the run. Without
 * vitest's cache of durations (a fresh clone in CI) node files go largest first, counting the
 * suite a small file runs from its own folder (the store contract files are a few lines each but
 * among the longest); with it, vitest's own order stands (failed first, then longest first).
 */
class SpreadSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const of = (name: string) => sorted.filter((file) => file.project.name === name);
    const node = of('node');
    const root = this.ctx.config.root;
    const cached = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`node:${relative(root, file.moduleId)}`);
    if (!node.every(cached)) {
      const weights = new Map(node.map((file) => [file, sourceWeight(file.moduleId)]));
      node.sort((a, b) => weights.get(b)! - weights.get(a)!);
    }
    const e2e = of('e2e');
    const rest = [
      ...node,
      ...sorted.filter((file) => !['node', 'e2e'].includes(file.project.name)),
    ];
    if (e2e.length === 0 || rest.length === 0) return sorted;
    const between = Math.ceil(rest.length / e2e.length);
    return e2e.flatMap((file, i) => [file, ...rest.slice(i * between, (i + 1) * between)]);
  }
}

/** Bytes of a test file plus those of the modules it imports from its own folder. */
function sourceWeight(path: string): number {
  const source = readFileSync(path, 'utf8');
  let weight = source.length;
  for (const [, name] of source.matchAll(/from '\.\/([\w.-]+)'/g)) {
    const imported = join(dirname(path), `${name}.ts`);
    if (existsSync(imported)) weight += statSync(imported).size;
  }
  return weight;
}

export default defineConfig({
  plugins: [preact()],
  test: {
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SpreadSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/{house,shared,local,server,sync}/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/setup-indexeddb.ts', 'test/support/setup-password-cost.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['test/client/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/support/setup-indexeddb.ts', 'test/support/setup-dom.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/e2e-build.ts'],
          setupFiles: ['test/support/setup-password-cost.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
