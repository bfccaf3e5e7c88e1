// Issue 27 item 4: the access export (Art. 15) is read by the person it is about. Every field of
// every synced table (the field-label registry, walked with the tables' schemas) is rendered as
// the export page renders it, with every value its schema allows for a choice: no label is a
// stored field key, no value a stored enum value, a field name or a clock (ISO day, time or the
// sync's hybrid logical clock); in German and in English.
import { afterAll, describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import type * as v from 'valibot';
import { ExportFacts } from '../../../src/client/features/privacy/access-export-page';
import { tables, tableNames, type TableName } from '../../../src/shared/domain/tables';
import { fieldLabels } from '../../../src/shared/i18n/field-labels';
import { loadLanguage, setLanguage } from '../../../src/shared/i18n/t';

type Schema = v.GenericSchema & {
  type: string;
  wrapped?: Schema;
  options?: readonly string[];
  item?: Schema;
  entries?: Record<string, Schema>;
  pipe?: readonly { type: string; requirement?: unknown }[];
};

function unwrap(schema: Schema): Schema {
  return schema.wrapped ? unwrap(schema.wrapped) : schema;
}

const CLOCK = /\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}|T\d{2}:\d{2}/;
const RAW_KEY = /^[a-z]+([A-Z][a-zA-Z]*)+$|^[a-z0-9]+(_[a-z0-9]+)+$/;
const someone = '0a8f3c2e-3b1d-4c5e-9f6a-7b8c9d0e1f2a';
const people = new Map([[someone, 'Lena Berger']]);

/** Sample records of `table` that together give each choice field every value it allows. */
function samples(table: TableName): { records: Record<string, unknown>[]; raw: Set<string> } {
  const entries = (tables[table].schema as unknown as Schema).entries!;
  const raw = new Set<string>();
  const values: Record<string, unknown[]> = {};
  for (const [field, declared] of Object.entries(entries)) {
    const schema = unwrap(declared);
    const regex = schema.pipe?.find((step) => step.type === 'regex')?.requirement as
      RegExp | undefined;
    if (schema.type === 'picklist') {
      values[field] = [...schema.options!];
      for (const option of schema.options!) raw.add(option);
    } else if (schema.type === 'array' && unwrap(schema.item!).type === 'picklist') {
      const options = unwrap(schema.item!).options!;
      values[field] = [[...options]];
      for (const option of options) raw.add(option);
    } else if (schema.type === 'boolean') values[field] = [true, false];
    else if (schema.type === 'number') values[field] = [30];
    else if (regex?.test('2026-03-14')) values[field] = ['2026-03-14'];
    else if (regex?.test('2026-03-14T09:30:00.000Z')) values[field] = ['2026-03-14T09:30:00.000Z'];
    else if (regex?.test(someone)) values[field] = [someone];
    else values[field] = ['Freier Text'];
  }
  if (table === 'merges') {
    // The server's record of a merge: the profile as it was and the records moved.
    values.mergedCase = values.keptBefore = [
      { givenName: 'Amina', gender: 'female', birthDate: '2003-04-01', reachedVia: 'outreach' },
    ];
    values.moved = [[`contacts/${someone}`, `tasks/${someone}`, `contacts/${someone}`]];
    for (const value of ['female', 'outreach', 'contacts', 'tasks', 'givenName', 'gender'])
      raw.add(value);
  }
  if (table === 'conflicts') {
    // A conflict names another table's field and holds that field's values and clocks.
    values.table = ['contacts', 'cases'];
    values.field = ['channel', 'phone'];
    values.losingValue = ['in_person', '0171 5550123'];
    values.keptValue = ['phone', '0171 5550999'];
    values.losingHlc = ['2026-12-07T20:15:58.580Z-0000-01a25221-4c2e-4f7a-9d3b-8e1f2a3b4c5d'];
    values.keptHlc = ['2026-12-07T20:16:02.117Z-0003-7f1e2d3c-4b5a-4968-8776-655443322110'];
    for (const value of ['channel', 'phone', 'in_person', 'contacts', 'cases']) raw.add(value);
  }
  const count = Math.max(...Object.values(values).map((list) => list.length));
  const records = Array.from({ length: count }, (_, i) =>
    Object.fromEntries(
      Object.entries(values).map(([field, list]) => [field, list[i % list.length]]),
    ),
  );
  return { records, raw };
}

/** Language levels (CEFR) are their own names in every language. */
const CEFR = /^[ABC][12]$/;

/**
 * A stored value shown as it is stored. English labels may be the stored word itself ("female"),
 * so in English only key-like values (`in_person`, `hygiene_items`) count as raw.
 */
function isRaw(part: string, raw: ReadonlySet<string>, language: 'de' | 'en'): boolean {
  if (CEFR.test(part)) return false;
  return RAW_KEY.test(part) || (language === 'de' && raw.has(part));
}

function problemsOf(table: TableName, language: 'de' | 'en'): string[] {
  const { records, raw } = samples(table);
  const problems: string[] = [];
  const labels = Object.keys(fieldLabels[table]);
  for (const record of records) {
    const { container, unmount } = render(
      <ExportFacts table={table} record={record} people={people} />,
    );
    const terms = [...container.querySelectorAll('dt')].map((el) => el.textContent!.trim());
    const details = [...container.querySelectorAll('dd')].map((el) => el.textContent!.trim());
    unmount();
    terms.forEach((term, i) => {
      const where = `${table}: ${term}`;
      const detail = details[i]!;
      if (labels.includes(term) || RAW_KEY.test(term)) problems.push(`${where}: raw field key`);
      for (const part of detail.split(/,\s*/))
        if (isRaw(part, raw, language)) problems.push(`${where} = ${detail}: raw value`);
      if (CLOCK.test(detail)) problems.push(`${where} = ${detail}: raw clock`);
      if (detail.includes(someone)) problems.push(`${where} = ${detail}: raw id`);
    });
    // Every field with a value (other than a record reference) is shown.
    const shown = Object.keys(record).filter(
      (key) =>
        key !== 'id' &&
        (!key.endsWith('Id') || key.endsWith('UserId')) &&
        !(table === 'tasks' && ['titleKey', 'titleParams'].includes(key)) &&
        // A document's key, sealed thumbnail and size are the app's, not the person's (issue 25).
        !(table === 'documents' && ['fileKey', 'thumb', 'size'].includes(key)),
    );
    if (terms.length < shown.length)
      problems.push(`${table}: ${shown.length - terms.length} fields not shown`);
  }
  return problems;
}

afterAll(() => setLanguage('de'));

describe.each(['de', 'en'] as const)('the access export in %s', (language) => {
  it.each(tableNames)('shows every field of %s in words', async (table) => {
    await loadLanguage(language);
    expect(problemsOf(table, language)).toEqual([]);
  });
});
