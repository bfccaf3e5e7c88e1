// `npm run bench -- --report`: writes each bench's verdict line into the table of
// docs/performance.md, between the markers below. A bench not run this time keeps its row.

export const BEGIN = '<!-- bench-report:begin -->';
export const END = '<!-- bench-report:end -->';
const HEADER = ['| benchmark | measured (budget) | verdict | run |', '| --- | --- | --- | --- |'];

/** `name: figures (budget ...): within budget` -> the figures and the verdict. */
export function parseVerdict(line) {
  const match = /^[^:]+: (.*): (within budget|over budget)$/.exec(line.trim());
  if (match) return { measured: match[1], verdict: match[2] };
  return { measured: line.replace(/^[^:]+: /, '').trim(), verdict: 'did not finish' };
}

/**
 * The file's text with its table updated: `runs` are `{ name, line }` of this run (in the order of
 * `order`, the benches' list), `run` names the run (e.g. "2026-12-08 abc1234").
 */
export function updatePerformanceTable(text, runs, order, run) {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`docs/performance.md has no ${BEGIN} ... ${END}`);
  const rows = new Map();
  for (const line of text.slice(begin, end).split('\n')) {
    const name = /^\| `([\w-]+)` *\|/.exec(line)?.[1];
    if (name) rows.set(name, line);
  }
  for (const { name, line } of runs) {
    const { measured, verdict } = parseVerdict(line);
    const cell = (value) => value.replaceAll('|', '\\|');
    rows.set(name, `| \`${name}\` | ${cell(measured)} | ${verdict} | ${run} |`);
  }
  const names = [
    ...order.filter((name) => rows.has(name)),
    ...[...rows.keys()].filter((name) => !order.includes(name)),
  ];
  const table = [...HEADER, ...names.map((name) => rows.get(name))].join('\n');
  return `${text.slice(0, begin)}${BEGIN}\n\n${table}\n\n${text.slice(end)}`;
}
