// The team's recorded gaps by area, for the next alliance meeting. Gaps name no person; they come
// with the report of the chosen period (the console never receives case records).
import { useState } from 'preact/hooks';
import type { ReportPeriod, ReportSummary } from '../../shared/reports/report';
import { categoryLabel, countText } from '../../shared/reports/labels';
import { ct } from './console-texts';
import { PeriodPicker } from './period-picker';
import { defaultChoice, periodOf, today, type PeriodChoice } from './report-period';
import { useReport } from './use-report';
import { ReportState } from './report-page';

export function GapsPage() {
  const [choice, setChoice] = useState<PeriodChoice>(() => defaultChoice(today()));
  const [period, setPeriod] = useState<ReportPeriod>(() => periodOf(choice));
  const state = useReport(period);

  return (
    <div class="report">
      <h2>{ct('gaps.heading')}</h2>
      <p>{ct('gaps.intro')}</p>
      <PeriodPicker
        choice={choice}
        onChoice={setChoice}
        onSubmit={setPeriod}
        busy={state.kind === 'loading'}
      />
      <ReportState state={state} onRetry={() => setPeriod({ ...period })} />
      {state.kind === 'ok' && <GapGroups report={state.report} />}
    </div>
  );
}

/**
 * Every area with gaps, its count as published, and its texts only where the report lists them
 * (src/server/reports/summary.ts: never under a "<5", never where a month of the period has 1-4).
 */
function GapGroups({ report }: { report: ReportSummary }) {
  const counts = report.indicators.gapsByCategory;
  const categories = Object.keys(counts).filter((category) => counts[category] !== 0);
  if (categories.length === 0) return <p>{ct('gaps.none')}</p>;
  return (
    <>
      {categories.map((category) => {
        const gaps = report.gaps.filter((gap) => gap.category === category);
        return (
          <section key={category} class="gap-group" aria-labelledby={`gap-${category}`}>
            <h3 id={`gap-${category}`}>
              {categoryLabel('gapsByCategory', category)}{' '}
              <span class="gap-group__count">
                ({ct('gaps.count', { count: countText(counts[category] ?? 0) })})
              </span>
            </h3>
            {gaps.length > 0 ? (
              <ul class="gap-texts">
                {gaps.map((gap, i) => (
                  <li key={i}>{gap.description}</li>
                ))}
              </ul>
            ) : (
              <p class="gap-group__withheld">{ct('gaps.textsWithheld')}</p>
            )}
          </section>
        );
      })}
    </>
  );
}
