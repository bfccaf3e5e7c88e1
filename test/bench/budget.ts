// The last line of every benchmark: its figure, its budget and the verdict, e.g.
//   report: one-year report p95 251.0 ms (budget <= 500 ms): within budget
//   first-sync: 9.5 s for 50000 records (floor <= 12 s; goal <= 8 s not met), ...: within budget
// A floor is a budget set below a goal this machine cannot reach, to catch regressions; the goal
// is printed beside it and does not decide the verdict. scripts/bench.mjs reads the verdict;
// `npm run bench -- --check` fails on "over budget", `--report` copies the line into
// docs/performance.md. The budgets themselves live in each benchmark file, next to what they measure.

export interface BudgetCheck {
  /** The measured figure as people read it, e.g. "9.4 s". */
  figure: string;
  /** The budget as people read it, e.g. "<= 10 s". */
  budget: string;
  within: boolean;
  /** Set for a floor: the goal beyond it, e.g. "<= 8 s", and whether this run reached it. */
  goal?: { budget: string; met: boolean };
}

export function verdictLine(bench: string, ...checks: BudgetCheck[]): string {
  const parts = checks.map((check) =>
    check.goal
      ? `${check.figure} (floor ${check.budget}; goal ${check.goal.budget}${check.goal.met ? ' met' : ' not met'})`
      : `${check.figure} (budget ${check.budget})`,
  );
  const within = checks.every((check) => check.within);
  return `${bench}: ${parts.join(', ')}: ${within ? 'within budget' : 'over budget'}`;
}

/** Prints the JSON figures, then the verdict as the very last line. */
export function finish(bench: string, figures: object, ...checks: BudgetCheck[]): void {
  console.log(JSON.stringify({ bench, ...figures, withinBudget: checks.every((c) => c.within) }));
  console.log(verdictLine(bench, ...checks));
}
