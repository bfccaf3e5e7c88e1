// Choosing the report period: a calendar month, quarter, half-year or year (reports exist only for
// these, docs/decisions.md "Reports: disclosure control"). The server checks the period again.
import type { ReportPeriod } from '../../shared/reports/report';
import { ct } from './console-texts';
import { periodOf, type PeriodChoice, type PeriodKind } from './report-period';

const kinds: PeriodKind[] = ['month', 'quarter', 'half', 'year'];

export function PeriodPicker({
  choice,
  onChoice,
  onSubmit,
  busy,
}: {
  choice: PeriodChoice;
  onChoice(choice: PeriodChoice): void;
  onSubmit(period: ReportPeriod): void;
  busy: boolean;
}) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const set = (patch: Partial<PeriodChoice>) => onChoice({ ...choice, ...patch });
  return (
    <form
      autoComplete="off"
      class="period-picker no-print"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(periodOf(choice));
      }}
    >
      <fieldset>
        <legend>{ct('period.legend')}</legend>
        <div class="period-picker__kinds" role="radiogroup" aria-label={ct('period.kind')}>
          {kinds.map((kind) => (
            <label key={kind} class="period-picker__kind">
              <input
                autoComplete="off"
                type="radio"
                name="period-kind"
                value={kind}
                checked={choice.kind === kind}
                onChange={() => set({ kind })}
              />
              {ct(`period.${kind}`)}
            </label>
          ))}
        </div>
        <div class="period-picker__fields">
          {choice.kind === 'month' && (
            <label class="field">
              <span class="field__label">{ct('period.month')}</span>
              <input
                autoComplete="off"
                type="month"
                class="field__input"
                required
                value={choice.month}
                onInput={(e) => set({ month: (e.target as HTMLInputElement).value })}
              />
            </label>
          )}
          {choice.kind !== 'month' && (
            <label class="field">
              <span class="field__label">{ct('period.year')}</span>
              <select
                autoComplete="off"
                class="field__input"
                value={String(choice.year)}
                onChange={(e) => set({ year: Number((e.target as HTMLSelectElement).value) })}
              >
                {years.map((year) => (
                  <option key={year} value={String(year)}>
                    {year}
                  </option>
                ))}
              </select>
            </label>
          )}
          {choice.kind === 'quarter' && (
            <label class="field">
              <span class="field__label">{ct('period.whichQuarter')}</span>
              <select
                autoComplete="off"
                class="field__input"
                value={String(choice.quarter)}
                onChange={(e) =>
                  set({
                    quarter: Number(
                      (e.target as HTMLSelectElement).value,
                    ) as PeriodChoice['quarter'],
                  })
                }
              >
                {[1, 2, 3, 4].map((n) => (
                  <option key={n} value={String(n)}>
                    {ct('period.quarterN', { n })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {choice.kind === 'half' && (
            <label class="field">
              <span class="field__label">{ct('period.whichHalf')}</span>
              <select
                autoComplete="off"
                class="field__input"
                value={String(choice.half)}
                onChange={(e) =>
                  set({
                    half: Number((e.target as HTMLSelectElement).value) as PeriodChoice['half'],
                  })
                }
              >
                {[1, 2].map((n) => (
                  <option key={n} value={String(n)}>
                    {ct('period.halfN', { n })}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <button type="submit" class="button button--primary" disabled={busy}>
          {ct('period.show')}
        </button>
      </fieldset>
    </form>
  );
}
