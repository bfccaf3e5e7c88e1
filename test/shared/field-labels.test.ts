// Issue 13 item 3: every field of every synced table has a German and an English label, so no
// conflict or rejection card shows a raw key such as `validUntil`. Walks the table registry's
// schemas at run time (a field added to a schema but not to the fields catalogue fails here).
import { afterEach, describe, expect, it } from 'vitest';
import type * as v from 'valibot';
import { tableNames, tables } from '../../src/shared/domain/tables';
import { fieldLabelOf, fieldLabels } from '../../src/shared/i18n/field-labels';
import { fieldsEn } from '../../src/shared/i18n/catalogues/en/fields';
import { loadLanguage } from '../../src/shared/i18n/t';

/** The object entries of a table schema (a plain object, or an object inside a pipe). */
function schemaFields(schema: unknown): string[] {
  const s = schema as { entries?: v.ObjectEntries; pipe?: unknown[] };
  if (s.entries) return Object.keys(s.entries);
  const inner = s.pipe?.find((item) => (item as { entries?: unknown }).entries);
  if (!inner) throw new Error('table schema without object entries');
  return schemaFields(inner);
}

const labelsIn = {
  de: fieldLabels as Record<string, Record<string, string>>,
  en: fieldsEn as Record<string, Record<string, string>>,
};

afterEach(() => loadLanguage('de'));

describe('field labels', () => {
  it.each(tableNames)('every field of %s has a German and an English label', (table) => {
    const fields = schemaFields(tables[table].schema);
    expect(fields.length).toBeGreaterThan(1);
    const missing = fields.flatMap((field) =>
      (['de', 'en'] as const)
        .filter((language) => !labelsIn[language][table]?.[field]?.trim())
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
      Object.entries(labelsIn.de[table]!)
        .filter(([field, label]) => labelsIn.en[table]![field] === label)
        .map(([field, label]) => `${table}.${field}: ${label}`),
    );
    // Words that are the same in both languages.
    expect(copied.every((entry) => /: (Status|Messenger|Partner|Name)$/.test(entry))).toBe(true);
  });

  it('gives the label in the chosen language', async () => {
    expect(fieldLabelOf('statuses', 'validUntil')).toBe('Gültig bis');
    await loadLanguage('en');
    expect(fieldLabelOf('statuses', 'validUntil')).toBe('Valid until');
  });

  it('an unknown table or field has no label (the caller shows the key)', () => {
    expect(fieldLabelOf('cases', 'nonsense')).toBeUndefined();
    expect(fieldLabelOf('nonsense', 'id')).toBeUndefined();
    expect(fieldLabelOf('cases', 'validUntil')).toBeUndefined();
    expect(fieldLabelOf('cases', 'toString')).toBeUndefined();
  });
});
