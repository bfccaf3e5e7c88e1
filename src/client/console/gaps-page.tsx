// The team's recorded gaps by area, for the next alliance meeting. Gaps name no person; they come
// with the report of the chosen period (the console never receives case records).
import { useState } from 'preact/hooks';
import type { ReportPeriod } from '../../shared/reports/report';
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
      {state.kind === 'ok' &&
        (state.report.gaps.length === 0 ? (
          <p>{ct('gaps.none')}</p>
        ) : (
          Object.keys(state.report.indicators.gapsByCategory)
            .filter((category) => state.report.gaps.some((gap) => gap.category === category))
            .map((category) => {
              const gaps = state.report.gaps.filter((gap) => gap.category === category);
              return (
                <section key={category} class="gap-group" aria-labelledby={`gap-${category}`}>
                  <h3 id={`gap-${category}`}>
                    {categoryLabel('gapsByCategory', category)}{' '}
                    <span class="gap-group__count">
                      (
                      {ct('gaps.count', {
                        count: countText(state.report.indicators.gapsByCategory[category] ?? 0),
                      })}
                      )
                    </span>
                  </h3>
                  <ul class="gap-texts">
                    {gaps.map((gap, i) => (
                      <li key={i}>{gap.description}</li>
                    ))}
                  </ul>
                </section>
              );
            })
        ))}
    </div>
  );
}
