// Propagation (issue 28, [N2]): how long after a colleague's save the other phones of the team have
// the change, with the poke channel. 50 phones (teams of 10) hold their channels to a real server
// process; 200 edits are pushed one after another by random phones, 100 ms apart; each phone pulls
// after its own push and on every poke, as the app does. Per edit: the time from the push's answer
// until the LAST other phone of the team has pulled all of it. Budget: p95 <= 2 s, 0 errors.
//   npm run bench -- propagation [-- --edits 200 --devices 50 --team-size 10 --gap-ms 100
//                                    --store pglite|postgres --instances 1]
// PGlite (what `npm start` runs, the notice stays in the process) by default; `--store postgres
// --instances 2` measures the way across instances through LISTEN/NOTIFY. Machinery: field-day.ts.
import { cliOptions, numberOption, runFieldDay } from './field-day';

const BUDGET_P95_MS = 2_000;

const options = cliOptions();
const store = options.get('store') ?? 'pglite';
if (store !== 'pglite' && store !== 'postgres') {
  console.error(`--store ${store}: pglite oder postgres`);
  process.exit(1);
}

runFieldDay({
  bench: 'propagation',
  store,
  devices: numberOption(options, 'devices', 50),
  instances: numberOption(options, 'instances', 1),
  teamSize: numberOption(options, 'team-size', 10),
  schedule: {
    kind: 'edits',
    edits: numberOption(options, 'edits', 200),
    gapMs: numberOption(options, 'gap-ms', 100),
  },
  deviceThreads: 1,
  databaseUrl:
    process.env.BENCH_DATABASE_URL ||
    process.env.TEST_DATABASE_URL ||
    'postgres://postgres@127.0.0.1:5432/test',
  budgets: { propagationP95Ms: BUDGET_P95_MS },
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
