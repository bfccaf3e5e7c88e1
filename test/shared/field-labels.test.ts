// Issue 13 item 3: every field of every synced table has a German and an English label, so no
// conflict or rejection card shows a raw key such as `validUntil`. Walks the table registry's
// schemas at run time (a field added to a schema but not to field-labels.ts fails here).
import { describe, expect, it } from 'vitest';
import type * as v from 'valibot';
import { tableNames, tables } from '../../src/shared/domain/tables';
import { fieldLabelOf, fieldLabels } from '../../src/shared/i18n/field-labels';

/** The object entries of a table schema (a plain object, or an object inside a pipe). */
function schemaFields(schema: unknown): string[] {
  const s = schema as { entries?: v.ObjectEntries; pipe?: unknown[] };
  if (s.entries) return Object.keys(s.entries);
  const inner = s.pipe?.find((item) => (item as { entries?: unknown }).entries);
  if (!inner) throw new Error('table schema without object entries');
  return schemaFields(inner);
}

describe('field labels', () => {
  it.each(tableNames)('every field of %s has a German and an English label', (table) => {
    const fields = schemaFields(tables[table].schema);
    expect(fields.length).toBeGreaterThan(1);
    const missing = fields.flatMap((field) =>
      (['de', 'en'] as const)
        .filter((language) => !fieldLabelOf(table, field, language)?.trim())
        .map((language) => `${field} (${language})`),
    );
    expect(missing).toEqual([]);
  });

  it('labels no field a table does not have', () => {
    for (const table of tableNames) {
      expect(Object.keys(fieldLabels[table]).sort()).toEqual(
        schemaFields(tables[table].schema).sort(),
      );
    }
  });

  it('the English label is English, not the German one copied', () => {
    const copied = tableNames.flatMap((table) =>
      Object.entries(fieldLabels[table] as Record<string, { de: string; en: string }>)
        .filter(([, label]) => label.de === label.en)
        .map(([field, label]) => `${table}.${field}: ${label.de}`),
    );
    // Words that are the same in both languages.
    expect(copied.every((entry) => /: (Status|Messenger|Partner|Name)$/.test(entry))).toBe(true);
  });

  it('an unknown table or field has no label (the caller shows the key)', () => {
    expect(fieldLabelOf('cases', 'nonsense', 'de')).toBeUndefined();
    expect(fieldLabelOf('nonsense', 'id', 'de')).toBeUndefined();
    expect(fieldLabelOf('cases', 'validUntil', 'de')).toBeUndefined();
    expect(fieldLabelOf('statuses', 'validUntil', 'en')).toBe('Valid until');
  });
});
