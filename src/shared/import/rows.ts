// One spreadsheet row as the records it stands for (issue 26): a case, its current residence
// status and its needs, checked by the same rules as a phone's write (tables.ts), so a refusal
// names the row, the column and the app's own message. A value the import cannot read (a date
// "31.02.2003", a status "Dudlung") is passed on as it is and refused by the field's rule.
import * as v from 'valibot';
import { tables } from '../domain/tables';
import type { AnyRecord, RuleContext, TableRules } from '../domain/table-rules';
import type { PersonFacts } from '../domain/person-match';
import { issueMessage, message, type Message } from '../i18n/message';
import { columnLetter, IGNORE, type ColumnChoice, type ImportTarget } from './columns';
import {
  cellText,
  isEmptyCell,
  parseDay,
  parseEnum,
  parseYesNo,
  simplify,
  splitList,
  type Cell,
  type EnumName,
} from './values';

/** A case worker the import can assign a case to. */
export interface ImportMember {
  id: string;
  name: string;
  email: string;
}

export interface RowProblem {
  /** The column as the sheet shows it: letter and heading ("C Geb.-Datum"); null for the row. */
  column: string | null;
  message: Message;
}

export interface ReadRow {
  /** The row's number in the sheet (1-based, as the spreadsheet program shows it). */
  row: number;
  person: PersonFacts;
  case: Record<string, unknown>;
  status: Record<string, unknown> | null;
  needs: Record<string, unknown>[];
  problems: RowProblem[];
  /** The row's content in one canonical text: the source of its stable import key. */
  content: string;
}

/** Valid ids for checking a row's records before the import gives them their own. */
const CHECK_IDS = {
  case: '01900000-0000-7000-8000-000000000001',
  status: '01900000-0000-7000-8000-000000000002',
  need: (i: number) => `01900000-0000-7000-8000-1${String(i).padStart(11, '0')}`,
};

const enumOf: Partial<Record<ImportTarget, EnumName>> = {
  'cases.gender': 'gender',
  'cases.germanLevel': 'germanLevel',
  'cases.messenger': 'messenger',
  'cases.schooling': 'schooling',
  'cases.status': 'status',
  'statuses.kind': 'residenceKind',
};
const dateTargets = new Set<ImportTarget>([
  'cases.birthDate',
  'cases.createdOn',
  'statuses.issuedOn',
  'statuses.validUntil',
]);

/**
 * Reads data row `cells` (row number `row`) with the columns' choices. Null for an empty row.
 * `today` dates two-digit years and the case's `createdOn`.
 */
export async function readRow(
  cells: readonly Cell[],
  row: number,
  choices: readonly ColumnChoice[],
  headings: readonly string[],
  members: readonly ImportMember[],
  today: string,
): Promise<ReadRow | null> {
  if (cells.every((cell) => isEmptyCell(cell))) return null;
  const columnOf = new Map<ImportTarget, number>();
  choices.forEach((choice, c) => {
    if (choice !== IGNORE) columnOf.set(choice, c);
  });
  const label = (c: number | undefined) =>
    c === undefined ? null : `${columnLetter(c)} ${headings[c] ?? ''}`.trim();
  const problems: RowProblem[] = [];
  const raw = (target: ImportTarget): Cell => {
    const c = columnOf.get(target);
    return c === undefined ? null : (cells[c] ?? null);
  };
  const value = (target: ImportTarget): unknown => {
    const cell = raw(target);
    if (isEmptyCell(cell)) return undefined;
    if (dateTargets.has(target)) return parseDay(cell, today) ?? cellText(cell);
    const enumName = enumOf[target];
    if (enumName) return parseEnum(enumName, cell) ?? cellText(cell);
    return cellText(cell);
  };

  const kase: Record<string, unknown> = {};
  const put = (record: Record<string, unknown>, field: string, target: ImportTarget) => {
    const found = value(target);
    if (found !== undefined) record[field] = found;
  };
  for (const target of columnOf.keys()) {
    const [table, field] = target.split('.') as [string, string];
    if (
      table !== 'cases' ||
      ['fullName', 'otherNames', 'assignedTo', 'interpreterNeeded'].includes(field)
    )
      continue;
    put(kase, field, target);
  }
  // "Name": "Nachname, Vorname" or "Vorname Nachname" (the first word is the given name).
  const fullName = cellText(raw('cases.fullName'));
  if (fullName && !(kase.givenName && kase.familyName)) {
    const comma = fullName.indexOf(',');
    const [given, family] =
      comma >= 0
        ? [fullName.slice(comma + 1).trim(), fullName.slice(0, comma).trim()]
        : [fullName.split(/\s+/)[0]!, fullName.split(/\s+/).slice(1).join(' ')];
    kase.givenName ??= given;
    kase.familyName ??= family;
  }
  if (!kase.givenName && !kase.familyName)
    problems.push({
      column: label(columnOf.get('cases.fullName') ?? columnOf.get('cases.givenName')),
      message: message('rules.import.nameMissing'),
    });
  const others = splitList(raw('cases.otherNames'));
  if (others.length) kase.otherNames = others;
  const interpreter = raw('cases.interpreterNeeded');
  if (!isEmptyCell(interpreter)) {
    const yes = parseYesNo(interpreter);
    if (yes === null)
      problems.push({
        column: label(columnOf.get('cases.interpreterNeeded')),
        message: message('rules.import.notYesNo', { value: cellText(interpreter) }),
      });
    else kase.interpreterNeeded = yes;
  }
  const assigned = cellText(raw('cases.assignedTo'));
  if (assigned) {
    const member =
      members.find((m) => m.email.toLowerCase() === assigned.toLowerCase()) ??
      members.find((m) => simplify(m.name) === simplify(assigned));
    if (member) kase.assignedTo = member.id;
    else
      problems.push({
        column: label(columnOf.get('cases.assignedTo')),
        message: message('rules.import.unknownMember', { value: assigned }),
      });
  }
  kase.status ??= 'active';
  kase.createdOn ??= today;

  let status: Record<string, unknown> | null = null;
  if (
    [
      'statuses.kind',
      'statuses.validUntil',
      'statuses.issuedOn',
      'statuses.basis',
      'statuses.authority',
    ].some((t) => !isEmptyCell(raw(t as ImportTarget)))
  ) {
    status = { caseId: CHECK_IDS.case };
    for (const field of ['kind', 'basis', 'issuedOn', 'validUntil', 'authority'])
      put(status, field, `statuses.${field}` as ImportTarget);
    // A valid-until date without a kind: the kind is not known yet.
    status.kind ??= 'unclear';
  }

  const needs: Record<string, unknown>[] = [];
  const categoryColumn = columnOf.get('needs.category');
  for (const word of splitList(raw('needs.category'))) {
    const category = parseEnum('needCategory', word);
    if (!category) {
      problems.push({
        column: label(categoryColumn),
        message: message('rules.import.unknownNeed', { value: word }),
      });
      continue;
    }
    if (needs.some((need) => need.category === category)) continue;
    needs.push({
      caseId: CHECK_IDS.case,
      category,
      priority: 'medium',
      source: 'thm',
      status: 'open',
    });
  }
  const description = cellText(raw('needs.description'));
  if (description) {
    // A description without a category is refused by the need's rule (a category is required).
    if (needs.length === 0)
      needs.push({ caseId: CHECK_IDS.case, priority: 'medium', source: 'thm', status: 'open' });
    needs[0]!.description = description;
  }

  // The app's rules, field by field, each refusal at its column.
  const check = (
    table: 'cases' | 'statuses' | 'needs',
    record: Record<string, unknown>,
    id: string,
    prefix: string,
  ) => {
    const rules = tables[table] as unknown as TableRules<AnyRecord>;
    const parsed = v.safeParse(rules.schema, { ...record, id });
    if (parsed.success) return parsed.output;
    const seen = new Set<string>();
    for (const issue of parsed.issues) {
      const field = String(issue.path?.[0]?.key ?? '');
      if (seen.has(field)) continue;
      seen.add(field);
      const target =
        (field === 'givenName' || field === 'familyName') && !columnOf.has(`cases.${field}`)
          ? 'cases.fullName'
          : (`${prefix}.${field}` as ImportTarget);
      problems.push({
        column: label(columnOf.get(target as ImportTarget)),
        message: issueMessage(issue),
      });
    }
    return null;
  };
  const checkedCase = check('cases', kase, CHECK_IDS.case, 'cases');
  const checkedStatus = status && check('statuses', status, CHECK_IDS.status, 'statuses');
  needs.forEach((need, i) => check('needs', need, CHECK_IDS.need(i), 'needs'));
  const context = rowContext(today, checkedCase, checkedStatus);
  for (const [table, record] of [
    ['cases', checkedCase],
    ['statuses', checkedStatus],
  ] as const) {
    if (!record) continue;
    const rules = tables[table] as unknown as TableRules<AnyRecord>;
    const reason = await rules.checkChange?.(undefined, record, context);
    if (reason) problems.push({ column: null, message: reason });
  }

  const person: PersonFacts = {
    givenName: typeof kase.givenName === 'string' ? kase.givenName : null,
    familyName: typeof kase.familyName === 'string' ? kase.familyName : null,
    otherNames: others,
    birthDate:
      typeof kase.birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(kase.birthDate)
        ? kase.birthDate
        : null,
    gender: typeof kase.gender === 'string' ? kase.gender : null,
  };
  const { createdOn: _createdOn, ...identity } = kase;
  const content = JSON.stringify([identity, status, needs]);
  return { row, person, case: kase, status, needs, problems, content };
}

/** The rules' view of a row: its own new records and nothing else (none exists for them yet). */
function rowContext(today: string, kase: AnyRecord | null, status: AnyRecord | null): RuleContext {
  const own = [
    kase && (['cases', kase] as const),
    status && (['statuses', status] as const),
  ].filter((entry): entry is readonly ['cases' | 'statuses', AnyRecord] => !!entry);
  return {
    today,
    get: async (table, id) => own.find(([t, r]) => t === table && r.id === id)?.[1],
    listByCase: async (table, caseId) =>
      own.filter(([t, r]) => t === table && r.caseId === caseId).map(([, r]) => r),
  };
}
