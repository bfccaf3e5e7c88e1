// `npm run bench`: runs every benchmark in test/bench/ one after another and prints a summary.
// Each benchmark prints readable lines, one JSON line with its figures, and as its LAST line its
// figure, its budget and "within budget" or "over budget" (test/bench/budget.ts); the budgets
// live in the benchmark files. `npm run bench -- first-sync peer` runs only the named ones.
// `--check` makes the exit code non-zero when any budget or floor is missed (without it, only a
// benchmark that fails to run does). `--report` writes the verdicts into docs/performance.md's
// table (scripts/bench-report.mjs). Arguments after a second `--` go to the benchmarks named, e.g.
// `npm run bench -- server-load -- --devices 500 --instances 2`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { updatePerformanceTable } from './bench-report.mjs';

const all = [
  'bundle-size',
  'case-search',
  'first-screen',
  'unlock-to-today',
  'first-sync',
  'at-rest',
  'slow-network',
  'peer',
  'server-load',
  'propagation',
  'report',
  'import',
  'documents',
];
const dash = process.argv.indexOf('--', 2);
const args = dash < 0 ? process.argv.slice(2) : process.argv.slice(2, dash);
const benchArgs = dash < 0 ? [] : process.argv.slice(dash + 1);
const check = args.includes('--check');
const report = args.includes('--report');
const wanted = args.filter((name) => !name.startsWith('-'));
const names = wanted.length ? wanted : all;
const results = {};
const verdicts = [];
const runs = [];
let failed = false;
let overBudget = false;

for (const name of names) {
  const file = `test/bench/${name}.ts`;
  if (!existsSync(file)) {
    console.error(`Benchmark ${file} fehlt.`);
    failed = true;
    continue;
  }
  console.log(`\n== ${name} ==`);
  const run = spawnSync('npx', ['tsx', file, ...benchArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout);
  const lines = run.stdout.trim().split('\n');
  const json = lines.findLast((line) => line.startsWith('{'));
  try {
    results[name] = JSON.parse(json ?? '');
  } catch {
    results[name] = { error: `exit ${run.status}` };
  }
  // The verdict is the last line that names one (the peer bench ends with its ratio line).
  const verdict = lines.findLast((line) => /\b(within|over) budget\b/.test(line));
  if (run.status !== 0 || !verdict) {
    failed = true;
    verdicts.push(`${name}: did not finish (exit ${run.status})`);
    runs.push({ name, line: `${name}: exit ${run.status}` });
  } else {
    verdicts.push(verdict);
    runs.push({ name, line: verdict });
    if (/\bover budget\b/.test(verdict)) overBudget = true;
  }
}

console.log('\n== Summary ==');
console.log(JSON.stringify(results, null, 2));
console.log('');
for (const verdict of verdicts) console.log(verdict);
if (check && overBudget) console.log('\nAt least one budget was missed (--check).');
if (report && runs.length) {
  const file = 'docs/performance.md';
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const run = `${new Date().toISOString().slice(0, 10)} ${commit}`;
  writeFileSync(file, updatePerformanceTable(readFileSync(file, 'utf8'), runs, all, run));
  execFileSync('npx', ['prettier', '--write', file]); // the table's columns, as prettier pads them
  console.log(`\n${file}: ${runs.length} row(s) written (--report).`);
}
process.exit(failed || (check && overBudget) ? 1 : 0);
