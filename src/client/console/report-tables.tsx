// The report's data tables: one-way (category -> count) and two-way (with row and column totals).
// Wide tables scroll inside their own box (keyboard-reachable), never the page; the row labels
// stay in view while the figures scroll.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { ReportGrid } from '../../shared/reports/report';
import type { PublishedCount } from '../../shared/reports/suppress';
import { countText } from '../../shared/reports/labels';
import { ct } from './console-texts';
import { SideScroll } from './side-scroll';

/**
 * The title stands outside the scrolling box (a caption inside it would be cut off on a phone)
 * and names the table through aria-labelledby.
 */
function ScrollBox({
  label,
  titleId,
  children,
}: {
  label: string;
  titleId: string;
  children: ComponentChildren;
}) {
  return (
    <>
      <p class="table-title" id={titleId}>
        {label}
      </p>
      <SideScroll
        label={`${label} – ${ct('report.tableScroll')}`}
        hintRight={ct('report.moreColumnsRight')}
        hintLeft={ct('report.moreColumnsLeft')}
        class="side-scroll--table"
      >
        {children}
      </SideScroll>
    </>
  );
}

/** A table's or chart's title with a line saying there is nothing to show, instead of it. */
export function Nothing({ title, text }: { title: string; text: string }) {
  return (
    <>
      <p class="table-title">{title}</p>
      <p class="table-empty">{text}</p>
    </>
  );
}

export function CountTable({
  caption,
  heading,
  rows,
  total,
  empty,
}: {
  caption: string;
  /** Heading of the label column. */
  heading: string;
  /** A published count, or a figure already written out (a range such as "≥ 12"). */
  rows: { key: string; label: string; value: PublishedCount | string }[];
  total?: PublishedCount;
  /** Said under the title instead of a table without rows (categories that come with the data). */
  empty?: string;
}) {
  const titleId = useId();
  // A table of headings alone reads as broken or still loading: say that there is nothing.
  if (rows.length === 0) return <Nothing title={caption} text={empty ?? ct('report.tableEmpty')} />;
  return (
    <ScrollBox label={caption} titleId={titleId}>
      {
        <table class="report-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{heading}</th>
              <th scope="col" class="num">
                {ct('report.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td class="num">
                  {typeof row.value === 'number' ? countText(row.value) : row.value}
                </td>
              </tr>
            ))}
          </tbody>
          {total !== undefined && (
            <tfoot>
              <tr>
                <th scope="row">{ct('report.total')}</th>
                <td class="num">{countText(total)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      }
    </ScrollBox>
  );
}

export function GridTable({
  caption,
  grid,
  rowLabel,
  columnLabel,
  corner,
}: {
  caption: string;
  grid: ReportGrid;
  rowLabel: (key: string) => string;
  columnLabel: (key: string) => string;
  corner: string;
}) {
  const titleId = useId();
  return (
    <ScrollBox label={caption} titleId={titleId}>
      {
        <table class="report-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{corner}</th>
              {grid.columns.map((c) => (
                <th key={c} scope="col" class="num">
                  {columnLabel(c)}
                </th>
              ))}
              <th scope="col" class="num">
                {ct('report.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((r) => (
              <tr key={r}>
                <th scope="row">{rowLabel(r)}</th>
                {grid.columns.map((c) => (
                  <td key={c} class="num">
                    {countText(grid.cells[r]![c]!)}
                  </td>
                ))}
                <td class="num">{countText(grid.rowTotals[r]!)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{ct('report.total')}</th>
              {grid.columns.map((c) => (
                <td key={c} class="num">
                  {countText(grid.columnTotals[c]!)}
                </td>
              ))}
              <td class="num">{countText(grid.total)}</td>
            </tr>
          </tfoot>
        </table>
      }
    </ScrollBox>
  );
}

/**
 * Rows of figures side by side: this period beside the period before, or a THM's cases beside
 * their contacts (each as published).
 */
export function ComparisonTable({
  caption,
  heading,
  columns,
  rows,
}: {
  caption: string;
  heading: string;
  /** Headings of the figure columns. */
  columns: string[];
  rows: { key: string; label: string; values: PublishedCount[] }[];
}) {
  const titleId = useId();
  return (
    <ScrollBox label={caption} titleId={titleId}>
      <table class="report-table" aria-labelledby={titleId}>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            {columns.map((column) => (
              <th key={column} scope="col" class="num">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, i) => (
                <td key={i} class="num">
                  {countText(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
