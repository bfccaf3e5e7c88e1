// Types of scripts/bench-report.mjs for the test that checks it.
export declare const BEGIN: string;
export declare const END: string;
export declare function parseVerdict(line: string): { measured: string; verdict: string };
export declare function updatePerformanceTable(
  text: string,
  runs: { name: string; line: string }[],
  order: string[],
  run: string,
): string;
