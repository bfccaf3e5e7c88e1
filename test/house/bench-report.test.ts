// `npm run bench -- --report` keeps docs/performance.md's table: one row per bench, written from its
// verdict line; a bench not run this time keeps its row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, parseVerdict, updatePerformanceTable } from '../../scripts/bench-report.mjs';

const ROOT = join(import.meta.dirname, '../..');

describe('bench --report', () => {
  it('reads a verdict line, floors and goals included', () => {
    expect(
      parseVerdict(
        'first-sync: 9.5 s for 50000 records (floor <= 12.0 s; goal <= 8.0 s not met): over budget',
      ),
    ).toEqual({
      measured: '9.5 s for 50000 records (floor <= 12.0 s; goal <= 8.0 s not met)',
      verdict: 'over budget',
    });
    expect(parseVerdict('peer: exit 1')).toEqual({ measured: 'exit 1', verdict: 'did not finish' });
  });

  it('replaces the rows of the benches run, keeps the others, in the benches order', () => {
    const text = `# Performance\n\n${BEGIN}\n\n| benchmark | measured (budget) | verdict | run |\n| --- | --- | --- | --- |\n| \`report\` | old | within budget | then |\n| \`peer\`   | 3.9 times | within budget | then |\n\n${END}\n\nNotes stay.\n`;
    const updated = updatePerformanceTable(
      text,
      [{ name: 'report', line: 'report: p95 120 ms (budget <= 500 ms): within budget' }],
      ['peer', 'report'],
      'now',
    );
    expect(updated).toContain('| `peer`   | 3.9 times | within budget | then |\n| `report` |');
    expect(updated).toContain('| `report` | p95 120 ms (budget <= 500 ms) | within budget | now |');
    expect(updated).not.toContain('old');
    expect(updated.endsWith(`${END}\n\nNotes stay.\n`)).toBe(true);
  });

  it('finds its markers in docs/performance.md', () => {
    const text = readFileSync(join(ROOT, 'docs/performance.md'), 'utf8');
    expect(() => updatePerformanceTable(text, [], [], 'now')).not.toThrow();
  });
});
