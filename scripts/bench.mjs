// `npm run bench`: runs every benchmark in test/bench/ one after another and prints a summary
// of the budgets from ARCHITECTURE.md section 6. Each benchmark prints readable lines and, last,
// one JSON line with its figures. `npm run bench -- server-load` runs only the named ones.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const all = ['bundle-size', 'case-search', 'first-screen', 'first-sync', 'server-load', 'report'];
const wanted = process.argv.slice(2).filter((name) => !name.startsWith('-'));
const names = wanted.length ? wanted : all;
const results = {};
let failed = false;

for (const name of names) {
  const file = `test/bench/${name}.ts`;
  if (!existsSync(file)) {
    console.error(`Benchmark ${file} fehlt.`);
    failed = true;
    continue;
  }
  console.log(`\n== ${name} ==`);
  const run = spawnSync('npx', ['tsx', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  process.stdout.write(run.stdout);
  // The figures are the last JSON line (a benchmark may end with a readable verdict line).
  const json = run.stdout
    .trim()
    .split('\n')
    .reverse()
    .find((line) => line.startsWith('{'));
  try {
    results[name] = JSON.parse(json ?? '');
  } catch {
    results[name] = { error: `exit ${run.status}` };
  }
  if (run.status !== 0) failed = true;
}

console.log('\n== Summary ==');
console.log(JSON.stringify(results, null, 2));
process.exit(failed ? 1 : 0);
