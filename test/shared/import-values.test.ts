// Issue 26: cell values of team spreadsheets as record values, and headings as fields.
import { describe, expect, it } from 'vitest';
import { excelSerialDay, parseDay, parseEnum, parseYesNo } from '../../src/shared/import/values';
import { findColumns, suggestMapping, targetOfHeading } from '../../src/shared/import/columns';

const TODAY = '2025-03-01';

describe('German dates, text and Excel serials', () => {
  it.each([
    ['12.04.2003', '2003-04-12'],
    ['12.4.03', '2003-04-12'],
    ['1.1.98', '1998-01-01'],
    ['07/08/2001', '2001-08-07'],
    ['2003-04-12', '2003-04-12'],
    ['37723', '2003-04-12'],
    [37723, '2003-04-12'],
    [46022, '2025-12-31'],
    [61, '1900-03-01'],
    ['31.02.2003', null],
    ['12.13.2003', null],
    ['im Frühjahr', null],
    ['', null],
  ] as const)('%s → %s', (cell, day) => {
    expect(parseDay(cell, TODAY)).toBe(day);
  });

  it('a date cell is its day', () => {
    expect(parseDay(new Date(Date.UTC(2003, 3, 12)), TODAY)).toBe('2003-04-12');
    expect(excelSerialDay(0)).toBeNull();
  });
});

describe("values onto the app's enums", () => {
  it.each([
    ['residenceKind', 'Duldung', 'duldung'],
    ['residenceKind', 'Duldung §60a', 'duldung'],
    ['residenceKind', 'Duldung § 60a', 'duldung'],
    ['residenceKind', 'geduldet', 'duldung'],
    ['residenceKind', 'Duldung § 60c', 'duldung_ausbildung'],
    ['residenceKind', 'Ausbildungsduldung', 'duldung_ausbildung'],
    ['residenceKind', 'Gestattung', 'gestattung'],
    ['residenceKind', 'Aufenthaltsgestattung', 'gestattung'],
    ['residenceKind', 'AE', 'aufenthaltserlaubnis'],
    ['residenceKind', 'Aufenthaltserlaubnis § 25 Abs. 5', 'aufenthaltserlaubnis'],
    ['residenceKind', 'Fiktionsbescheinigung', 'fiktion'],
    ['residenceKind', 'Dudlung', null],
    ['gender', 'w', 'female'],
    ['gender', 'männlich', 'male'],
    ['gender', 'female', 'female'],
    ['status', 'aktiv', 'active'],
    ['status', 'Abgeschlossen', 'closed'],
    ['needCategory', 'Sprache', 'language'],
    ['needCategory', 'Arbeit', 'work'],
    ['needCategory', 'Fliegen', null],
    ['germanLevel', 'a2', 'A2'],
  ] as const)('%s: „%s“ → %s', (name, cell, key) => {
    expect(parseEnum(name, cell)).toBe(key);
  });

  it('yes and no', () => {
    expect([
      parseYesNo('ja'),
      parseYesNo('Nein'),
      parseYesNo('x'),
      parseYesNo('vielleicht'),
    ]).toEqual([true, false, true, null]);
  });
});

describe('headings', () => {
  it.each([
    ['Vorname', 'cases.givenName'],
    ['Nachname', 'cases.familyName'],
    ['Geburtsdatum', 'cases.birthDate'],
    ['Telefon', 'cases.phone'],
    ['Geb.-Datum', 'cases.birthDate'],
    ['Ansprechpartner*in', 'cases.assignedTo'],
    ['gültig bis', 'statuses.validUntil'],
    ['Bedarf', 'needs.category'],
    ['Name', 'cases.fullName'],
    ['Date of birth', 'cases.birthDate'],
    ['Herkunftsland', 'cases.countryOfOrigin'],
    ['Lieblingsfarbe', null],
  ] as const)('„%s“ → %s', (heading, target) => {
    expect(targetOfHeading(heading)).toBe(target);
  });

  it('"Status" is decided by what the column holds', () => {
    expect(targetOfHeading('Status', ['Duldung', 'Gestattung', null])).toBe('statuses.kind');
    expect(targetOfHeading('Status', ['aktiv', 'Anfrage'])).toBe('cases.status');
  });

  it('finds the heading row under a title and a merged group heading', () => {
    const rows = [
      ['Fallliste, Stand 01.03.2025'],
      [],
      ['Person', 'Person', 'Aufenthalt', 'Aufenthalt', null],
      ['Name', 'Geb.-Datum', 'Status', 'gültig bis', 'Telefon'],
      ['Rahimi, Zuleikha', '12.04.2003', 'Duldung', '30.06.2026', '0176 1'],
    ];
    const columns = findColumns(rows)!;
    expect(columns.headerRow).toBe(3);
    expect(columns.headings).toEqual([
      'Name',
      'Geb.-Datum',
      'Aufenthalt Status',
      'Aufenthalt gültig bis',
      'Telefon',
    ]);
    expect(suggestMapping(columns, rows)).toEqual([
      'cases.fullName',
      'cases.birthDate',
      'statuses.kind',
      'statuses.validUntil',
      'cases.phone',
    ]);
  });

  it("a team's saved mapping wins over the heading", () => {
    const rows = [
      ['Name', 'Notiz'],
      ['A B', 'x'],
    ];
    const columns = findColumns(rows)!;
    expect(suggestMapping(columns, rows, { notiz: 'cases.skills' })).toEqual([
      'cases.fullName',
      'cases.skills',
    ]);
  });
});
