// The last line of every benchmark: its figure, its budget and the verdict, e.g.
//   first-sync: 9.4 s (budget <= 10 s), 83 % of raw IndexedDB (budget >= 80 %): within budget
// scripts/bench.mjs reads the verdict; `npm run bench -- --check` fails on "over budget".
// The budgets themselves live in each benchmark file, next to what they measure.

export interface BudgetCheck {
  /** The measured figure as people read it, e.g. "9.4 s". */
  figure: string;
  /** The budget as people read it, e.g. "<= 10 s". */
  budget: string;
  within: boolean;
}

export function verdictLine(bench: string, ...checks: BudgetCheck[]): string {
  const parts = checks.map((check) => `${check.figure} (budget ${check.budget})`);
  const within = checks.every((check) => check.within);
  return `${bench}: ${parts.join(', ')}: ${within ? 'within budget' : 'over budget'}`;
}

/** Prints the JSON figures, then the verdict as the very last line. */
export function finish(bench: string, figures: object, ...checks: BudgetCheck[]): void {
  console.log(JSON.stringify({ bench, ...figures, withinBudget: checks.every((c) => c.within) }));
  console.log(verdictLine(bench, ...checks));
}
