// Browser entry of the at-rest benchmark: bundled by at-rest.ts and run in Chromium.
import { runAtRestBench } from './at-rest-run';

const lines: string[] = [];
(globalThis as { runAtRestBench?: unknown }).runAtRestBench = async (
  cases: number,
  rounds: number,
) => {
  const figures = await runAtRestBench(cases, rounds, (line) => lines.push(line));
  return { figures, lines };
};
