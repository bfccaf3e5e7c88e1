// Browser entry of the case-search benchmark: bundled by case-search.ts and run in Chromium, so the
// search meets a real IndexedDB.
import { runCaseSearchBench } from './case-search-run';

const lines: string[] = [];
(globalThis as { runCaseSearchBench?: unknown }).runCaseSearchBench = async (
  count: number,
  rounds: number,
) => {
  const figures = await runCaseSearchBench(count, rounds, (line) => lines.push(line));
  return { figures, lines };
};
