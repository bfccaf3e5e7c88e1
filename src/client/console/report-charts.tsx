// Hand-written SVG charts (two kinds are needed; a chart library would outweigh them). Each chart
// is an image with a title and a description for screen readers; the figures themselves are in
// the data table that always stands beside it. Suppressed values ("<5", "x") are not drawn.
import type { PublishedCount } from '../../shared/reports/suppress';
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

/** A round upper bound for the axis: 1, 2, 5, 10, 20, 50, ... */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
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
  empty,
}: {
  id: string;
  title: string;
  description: string;
  columns: Series[];
  series: Series[];
  value: (series: string, column: string) => PublishedCount;
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
  const top = 12;
  const plotHeight = 160;
  const step = Math.max(24, Math.min(56, 560 / Math.max(1, columns.length)));
  const width = left + columns.length * step + 8;
  const height = top + plotHeight + 36;
  const sums = columns.map((c) => series.reduce((sum, s) => sum + numeric(value(s.key, c.key)), 0));
  const max = niceMax(Math.max(0, ...sums));
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
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
          {[0, max / 2, max].map((tick) => (
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
                  const v = numeric(value(s.key, c.key));
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
                      fill={seriesColours[si % seriesColours.length]}
                      class="chart__bar"
                    />
                  );
                })}
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
  const max = niceMax(Math.max(0, ...bars.map((b) => numeric(b.value))));
  const barSpace = width - 60;
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
        {bars.map((bar, i) => {
          const v = numeric(bar.value);
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
                fill={seriesColours[0]}
                class="chart__bar"
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
