// `npm run test:sync -- --seeds 500 [--steps 200] [--seed 1234] [--first-seed 1000]`: the sync
// convergence fuzz (test/sync) with more seeds or one chosen seed. Flags become the SYNC_* variables
// the test reads; without flags it runs the CI default.
import { spawnSync } from 'node:child_process';

const flags = {
  '--seeds': 'SYNC_SEEDS',
  '--steps': 'SYNC_STEPS',
  '--seed': 'SYNC_SEED',
  '--first-seed': 'SYNC_FIRST_SEED',
};
const env = { ...process.env };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const [flag, inline] = arg.split('=');
  const name = flags[flag];
  const value = inline ?? args[++i];
  if (!name || !/^\d+$/.test(value ?? '')) {
    console.error(
      `Unbekannte Option ${arg}. Erlaubt: ${Object.keys(flags).join(', ')} mit einer Zahl.`,
    );
    process.exit(2);
  }
  env[name] = value;
}
// Many seeds take minutes; vitest's per-test timeout is per seed, so only the total grows.
const run = spawnSync('npx', ['vitest', 'run', 'test/sync'], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
