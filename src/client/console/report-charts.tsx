// Hand-written SVG charts (two kinds are needed; a chart library would outweigh them). Each chart
// is an image with a title and a description for screen readers; the figures themselves are in
// the data table that always stands beside it. A value not published as a number ("<5", "x", ".")
// is drawn hatched at a nominal size with its sign, never as 0 or left out; axes run in whole
// numbers.
import {
  HIDDEN_COUNT,
  SMALL_COUNT,
  WITHHELD_COUNT,
  type PublishedCount,
} from '../../shared/reports/suppress';
import { countText } from '../../shared/reports/labels';
import { ct } from './console-texts';
import { SideScroll } from './side-scroll';
import { Nothing } from './report-tables';

/** Okabe-Ito: told apart with the common colour-vision deficiencies; outlined for light ones. */
export const seriesColours = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

const numeric = (value: PublishedCount | undefined) => (typeof value === 'number' ? value : 0);

/**
 * The height a value not published as a number is drawn with (hatched, with its sign): "<5" as the
 * middle of 1-4, "x" as its least (5), "." as "<5" would be. Only for drawing: the sign says what
 * is known, the table beside the chart says it too.
 */
export function drawnSize(value: PublishedCount | undefined): number {
  if (typeof value === 'number') return value;
  if (value === HIDDEN_COUNT) return 5;
  if (value === SMALL_COUNT || value === WITHHELD_COUNT) return 2.5;
  return 0;
}

const isHidden = (value: PublishedCount | undefined) =>
  value === SMALL_COUNT || value === HIDDEN_COUNT || value === WITHHELD_COUNT;

/** A round upper bound for the axis: 1, 2, 5, 10, 20, 50, ... */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Whole-number ticks from 0 that cover `value` in at most 5 steps of 1, 2, 5, 10, 20, ... */
export function countTicks(value: number): number[] {
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const found = [1, 2, 5].map((f) => f * power).find((s) => Math.ceil(value / s) <= 5);
    if (found) {
      step = found;
      break;
    }
  }
  const steps = Math.max(1, Math.ceil(value / step));
  return Array.from({ length: steps + 1 }, (_, i) => i * step);
}

/** Diagonal hatching for values not published as numbers. */
function Hatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern
        id={id}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#1a1a1a" stroke-width="2" />
      </pattern>
    </defs>
  );
}

export interface Series {
  key: string;
  label: string;
}

export function StackedColumnChart({
  id,
  title,
  description,
  columns,
  series,
  value,
  columnLabel,
  columnTotal,
  empty,
}: {
  id: string;
  title: string;
  description: string;
  columns: Series[];
  series: Series[];
  value: (series: string, column: string) => PublishedCount;
  /** The published total of a column, written above it (a column of hidden parts says its size). */
  columnTotal: (column: string) => PublishedCount;
  /** Short label under a column. */
  columnLabel: (column: string) => string;
  /** Said under the title instead of a chart whose every value is 0. */
  empty: string;
}) {
  // An empty plot reads as broken. ("<5" is no zero: the chart note and the table explain it.)
  if (columns.every((c) => series.every((s) => value(s.key, c.key) === 0))) {
    return <Nothing title={title} text={empty} />;
  }
  const left = 40;
  const top = 20;
  const plotHeight = 160;
  const step = Math.max(24, Math.min(56, 560 / Math.max(1, columns.length)));
  const width = left + columns.length * step + 8;
  const height = top + plotHeight + 36;
  const sums = columns.map((c) =>
    series.reduce((sum, s) => sum + drawnSize(value(s.key, c.key)), 0),
  );
  const ticks = countTicks(
    Math.max(0, ...sums, ...columns.map((c) => numeric(columnTotal(c.key)))),
  );
  const max = ticks.at(-1)!;
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const hatch = `${id}-hatch`;
  const barWidth = step * 0.64;

  return (
    <figure class="chart">
      {/* Never shrunk (its month labels would be unreadably small): a phone scrolls it instead. */}
      <SideScroll
        label={`${title} – ${ct('report.chartScroll')}`}
        hintRight={ct('report.moreMonthsRight')}
        hintLeft={ct('report.moreMonthsLeft')}
        class="side-scroll--chart"
      >
        <svg
          class="chart__svg"
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          style={{ maxWidth: `${Math.max(width, 300)}px`, minWidth: `${width}px` }}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          <Hatch id={hatch} />
          {ticks.map((tick) => (
            <g key={tick} aria-hidden="true">
              <line x1={left} x2={width - 4} y1={y(tick)} y2={y(tick)} class="chart__grid" />
              <text x={left - 6} y={y(tick) + 4} text-anchor="end" class="chart__tick">
                {countText(tick)}
              </text>
            </g>
          ))}
          {columns.map((c, ci) => {
            let base = 0;
            const x = left + ci * step + (step - barWidth) / 2;
            return (
              <g key={c.key} aria-hidden="true">
                {series.map((s, si) => {
                  const published = value(s.key, c.key);
                  const v = drawnSize(published);
                  if (v === 0) return null;
                  const y0 = y(base + v);
                  const h = y(base) - y0;
                  base += v;
                  return (
                    <rect
                      key={s.key}
                      x={x}
                      y={y0}
                      width={barWidth}
                      height={h}
                      fill={
                        isHidden(published)
                          ? `url(#${hatch})`
                          : seriesColours[si % seriesColours.length]
                      }
                      class={isHidden(published) ? 'chart__bar chart__bar--hidden' : 'chart__bar'}
                    />
                  );
                })}
                {base > 0 && (
                  <text
                    x={x + barWidth / 2}
                    y={y(base) - 4}
                    text-anchor="middle"
                    class="chart__tick"
                  >
                    {countText(columnTotal(c.key))}
                  </text>
                )}
                <text
                  x={x + barWidth / 2}
                  y={top + plotHeight + 16}
                  text-anchor="middle"
                  class="chart__tick"
                >
                  {columnLabel(c.key)}
                </text>
              </g>
            );
          })}
        </svg>
      </SideScroll>
      <figcaption>
        <ul class="chart__legend">
          {series.map((s, si) => (
            <li key={s.key}>
              <span
                class="chart__swatch"
                style={{ background: seriesColours[si % seriesColours.length] }}
                aria-hidden="true"
              />
              {s.label}
            </li>
          ))}
          <li>
            <span class="chart__swatch chart__swatch--hidden" aria-hidden="true" />
            {ct('report.chartHidden')}
          </li>
        </ul>
        <p class="chart__note">{ct('report.chartGapNote')}</p>
      </figcaption>
    </figure>
  );
}

export function BarChart({
  id,
  title,
  description,
  bars,
  empty,
}: {
  id: string;
  title: string;
  description: string;
  bars: { key: string; label: string; value: PublishedCount }[];
  /** Said under the title instead of a chart whose every bar is 0. */
  empty: string;
}) {
  if (bars.every((bar) => bar.value === 0)) return <Nothing title={title} text={empty} />;
  const width = 320;
  const rowHeight = 40;
  const max = countTicks(Math.max(0, ...bars.map((b) => drawnSize(b.value)))).at(-1)!;
  const barSpace = width - 60;
  const hatch = `${id}-hatch`;
  return (
    <figure class="chart">
      <svg
        class="chart__svg"
        viewBox={`0 0 ${width} ${bars.length * rowHeight + 4}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        style={{ maxWidth: '560px' }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <Hatch id={hatch} />
        {bars.map((bar, i) => {
          const v = drawnSize(bar.value);
          const w = (v / max) * barSpace;
          const top = i * rowHeight;
          return (
            <g key={bar.key} aria-hidden="true">
              <text x={0} y={top + 13} class="chart__label">
                {bar.label}
              </text>
              <rect
                x={0}
                y={top + 18}
                width={w}
                height={14}
                fill={isHidden(bar.value) ? `url(#${hatch})` : seriesColours[0]}
                class={isHidden(bar.value) ? 'chart__bar chart__bar--hidden' : 'chart__bar'}
              />
              <text x={w + 6} y={top + 30} class="chart__tick">
                {countText(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <p class="chart__note">{ct('report.chartGapNote')}</p>
      </figcaption>
    </figure>
  );
}
