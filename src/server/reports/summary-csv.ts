// The report as CSV for Excel: UTF-8 with BOM (Excel guesses the encoding from it), semicolons
// (Excel's separator in a German locale), CRLF, German headings. One row per figure:
// Kennzahl;Kategorie;Anzahl, then the recorded gaps as a second block.
import { indicatorKeys, tableKeys, type ReportSummary } from '../../shared/reports/report';
import { axisLabel, categoryLabel, reportTexts, tableAxes } from '../../shared/reports/labels';
import {
  HIDDEN_COUNT,
  SMALL_COUNT,
  WITHHELD_COUNT,
  type PublishedCount,
} from '../../shared/reports/suppress';

const BOM = '\uFEFF';

/** Quotes a field when needed; text that Excel would run as a formula is defused with a '. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function row(...fields: string[]): string {
  return fields.map(csvField).join(';');
}

const count = (value: PublishedCount) => String(value);

export function summaryCsv(summary: ReportSummary): string {
  const x = reportTexts();
  const lines: string[] = [row(x.indicator, x.category, x.count)];
  for (const key of indicatorKeys) {
    for (const [category, value] of Object.entries(summary.indicators[key])) {
      lines.push(row(x.indicators[key], categoryLabel(key, category), count(value)));
    }
  }
  for (const key of tableKeys) {
    const table = summary.tables[key];
    const axes = tableAxes[key];
    // As on screen: every cell, each row's and each column's total, and the table's total.
    for (const r of table.rows) {
      for (const c of table.columns) {
        lines.push(
          row(
            x.tables[key],
            `${axisLabel(axes.rows, r)} / ${axisLabel(axes.columns, c)}`,
            count(table.cells[r]![c]!),
          ),
        );
      }
      lines.push(
        row(x.tables[key], `${axisLabel(axes.rows, r)} / ${x.total}`, count(table.rowTotals[r]!)),
      );
    }
    for (const c of table.columns) {
      lines.push(
        row(
          x.tables[key],
          `${x.total} / ${axisLabel(axes.columns, c)}`,
          count(table.columnTotals[c]!),
        ),
      );
    }
    lines.push(row(x.tables[key], x.total, count(table.total)));
  }
  if (summary.caseload) {
    const { thms, active, new: fresh, contacts } = summary.caseload;
    const names = [...thms.map((thm) => [thm.id, thm.name] as const), ['', x.unassigned] as const];
    for (const [label, column] of [
      [x.caseloadActive, active],
      [x.caseloadNew, fresh],
      [x.caseloadContacts, contacts],
    ] as const) {
      for (const [id, name] of names) {
        lines.push(row(`${x.caseload}: ${label}`, name, count(column[id] ?? 0)));
      }
    }
  }
  lines.push('');
  lines.push(row(x.gapsHeading, x.gapArea, x.gapText));
  for (const gap of summary.gaps) {
    lines.push(row(x.gapsHeading, categoryLabel('gapsByCategory', gap.category), gap.description));
  }
  lines.push('');
  lines.push(row(x.period, summary.from, summary.to));
  lines.push(row(x.team, summary.team.name, ''));
  lines.push(row(SMALL_COUNT, x.legendSmall, ''));
  lines.push(row(HIDDEN_COUNT, x.legendHidden, ''));
  lines.push(row(WITHHELD_COUNT, x.legendWithheld, ''));
  lines.push(row(x.legendNoise.replace('{ptable}', summary.method.ptable), '', ''));
  if (summary.consentRequired) lines.push(row(x.consentNote, '', ''));
  return BOM + lines.join('\r\n') + '\r\n';
}
