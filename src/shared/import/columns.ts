// Which column of a spreadsheet is which field (issue 26). A column headed with a field's label as
// the app shows it ("Vorname", "Geburtsdatum", "Telefon", in German or English) is that field; so
// are the headings offices use ("Geb.-Datum", "gültig bis", "Ansprechpartner*in", "Bedarf"). The
// heading row is found among the first rows, also under a row of merged group headings
// ("Aufenthalt" over "Status" and "gültig bis"). A team's saved mapping (heading → field) wins.
import { fields as fieldsDe } from '../i18n/catalogues/fields';
import { fieldsEn } from '../i18n/catalogues/en/fields';
import { cellText, parseEnum, simplify, type Cell } from './values';

/** The fields an import can fill: case profile, its residence status, its needs. */
export const importTargets = [
  'cases.fullName',
  'cases.givenName',
  'cases.familyName',
  'cases.otherNames',
  'cases.birthDate',
  'cases.gender',
  'cases.countryOfOrigin',
  'cases.languages',
  'cases.germanLevel',
  'cases.interpreterNeeded',
  'cases.interpreterLanguage',
  'cases.phone',
  'cases.messenger',
  'cases.email',
  'cases.shelter',
  'cases.address',
  'cases.schooling',
  'cases.workHistory',
  'cases.skills',
  'cases.resources',
  'cases.lifeWorldNotes',
  'cases.status',
  'cases.assignedTo',
  'cases.createdOn',
  'statuses.kind',
  'statuses.basis',
  'statuses.issuedOn',
  'statuses.validUntil',
  'statuses.authority',
  'needs.category',
  'needs.description',
] as const;
export type ImportTarget = (typeof importTargets)[number];

/** A column the import leaves out. */
export const IGNORE = 'ignore';
export type ColumnChoice = ImportTarget | typeof IGNORE;

/** Headings offices use, besides the app's own labels (compared simplified). */
const headings: Partial<Record<ImportTarget, readonly string[]>> = {
  'cases.fullName': [
    'name',
    'name vorname',
    'nachname vorname',
    'vor und nachname',
    'vorname nachname',
    'klient in',
    'klientin',
    'klient',
    'teilnehmer in',
    'teilnehmende',
    'person',
    'full name',
  ],
  'cases.givenName': ['vorname', 'rufname', 'first name'],
  'cases.familyName': ['nachname', 'familienname', 'surname', 'last name'],
  'cases.otherNames': ['andere schreibweise', 'alias', 'schreibweisen'],
  'cases.birthDate': [
    'geb datum',
    'geburtsdatum',
    'geb',
    'geboren',
    'geboren am',
    'dob',
    'birth date',
  ],
  'cases.gender': ['geschlecht', 'm w d', 'sex'],
  'cases.countryOfOrigin': ['herkunft', 'nationalitat', 'staatsangehorigkeit', 'land'],
  'cases.languages': ['sprache', 'muttersprache', 'sprachen'],
  'cases.germanLevel': ['deutsch', 'deutschniveau', 'sprachniveau', 'niveau'],
  'cases.phone': ['tel', 'telefonnummer', 'handy', 'handynummer', 'mobil', 'mobilnummer'],
  'cases.email': ['email', 'mail'],
  'cases.shelter': ['wohnheim', 'zue', 'einrichtung', 'unterbringung'],
  'cases.address': ['anschrift', 'wohnort'],
  'cases.schooling': ['schulabschluss', 'schule'],
  'cases.lifeWorldNotes': [
    'bemerkung',
    'bemerkungen',
    'notiz',
    'notizen',
    'anmerkung',
    'anmerkungen',
  ],
  'cases.status': ['fallstatus', 'stand', 'status fall'],
  'cases.assignedTo': [
    'ansprechpartner in',
    'ansprechpartnerin',
    'ansprechpartner',
    'zustandig',
    'zustandigkeit',
    'thm',
    'betreuer in',
    'betreuerin',
    'betreuer',
    'bearbeiter in',
    'fallverantwortlich',
  ],
  'cases.createdOn': ['aufgenommen am', 'aufnahmedatum', 'erstkontakt', 'seit'],
  'statuses.kind': [
    'aufenthaltsstatus',
    'aufenthalt',
    'aufenthalt status',
    'status aufenthalt',
    'aufenthaltstitel',
    'titel',
    'residence status',
  ],
  'statuses.validUntil': [
    'gultig bis',
    'gultigkeit',
    'ablauf',
    'befristet bis',
    'aufenthalt gultig bis',
    'status gultig bis',
    'aufenthalt bis',
  ],
  'statuses.issuedOn': ['ausgestellt', 'ausgestellt am', 'aufenthalt ausgestellt am'],
  'statuses.basis': ['rechtsgrundlage', 'paragraph', 'aufenthalt rechtsgrundlage'],
  'statuses.authority': ['abh', 'auslanderbehorde'],
  'needs.category': ['bedarf', 'bedarfe', 'bedarfsbereich', 'handlungsbedarf', 'themen', 'needs'],
  'needs.description': ['bedarf beschreibung', 'bedarf details', 'bedarf notiz'],
};

/** Simplified heading → target: every field's German and English label, then the headings. */
const byHeading = new Map<string, ImportTarget>();
for (const target of importTargets) {
  const [table, field] = target.split('.') as [string, string];
  // A label the case list uses for the case status ("Status") is decided by the column's values.
  if (target === 'cases.status' || target === 'needs.description') continue;
  for (const catalogue of [fieldsEn, fieldsDe] as unknown as Record<
    string,
    Record<string, string>
  >[]) {
    const label = catalogue[table]?.[field];
    if (label) byHeading.set(simplify(label), target);
  }
}
for (const [target, words] of Object.entries(headings) as [ImportTarget, readonly string[]][])
  for (const word of words) byHeading.set(simplify(word), target);

/** The target a heading names, or null. "Status" alone is decided by `values` (see below). */
export function targetOfHeading(
  heading: string,
  values: readonly Cell[] = [],
): ImportTarget | null {
  const simple = simplify(heading);
  if (!simple) return null;
  if (simple === 'status') return statusColumn(values);
  return byHeading.get(simple) ?? null;
}

/** "Status": a residence status when most filled cells name one, else the case's status. */
function statusColumn(values: readonly Cell[]): ImportTarget {
  let residence = 0;
  let caseStatus = 0;
  for (const value of values.slice(0, 200)) {
    if (parseEnum('residenceKind', value)) residence++;
    else if (parseEnum('status', value)) caseStatus++;
  }
  return residence >= caseStatus && residence > 0 ? 'statuses.kind' : 'cases.status';
}

export interface SheetColumns {
  /** 0-based index of the heading row (the last one, under merged group headings). */
  headerRow: number;
  /** The heading of each column as shown (group heading and own heading joined). */
  headings: string[];
}

/**
 * Finds the heading row among the first 15 rows: the one whose cells name the most fields. A row
 * above it with fewer, merged cells ("Aufenthalt" spanning two columns) is a group heading; its
 * text is carried over the columns it spans and joined with theirs.
 */
export function findColumns(rows: readonly (readonly Cell[])[]): SheetColumns | null {
  let best = -1;
  let bestCount = 0;
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const row = rows[r] ?? [];
    let count = 0;
    for (let c = 0; c < row.length; c++) {
      const heading = cellText(row[c] ?? null);
      if (heading && targetOfHeading(heading)) count++;
    }
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  if (best < 0) return null;
  const row = rows[best]!;
  const above = best > 0 ? rows[best - 1]! : [];
  const width = Math.max(row.length, above.length);
  const aboveFilled = above.filter((cell) => cellText(cell) !== '').length;
  const grouped = aboveFilled > 0 && aboveFilled < row.filter((c) => cellText(c) !== '').length;
  const headings: string[] = [];
  let group = '';
  for (let c = 0; c < width; c++) {
    const own = cellText(row[c] ?? null);
    if (!grouped) {
      headings.push(own);
      continue;
    }
    // A merged cell's text stands over the empty cells to its right.
    const groupCell = cellText(above[c] ?? null);
    if (groupCell) group = groupCell;
    const joined = group && own ? `${group} ${own}` : '';
    headings.push(joined && targetOfHeading(joined) ? joined : own || groupCell);
  }
  return { headerRow: best, headings };
}

/**
 * The field of each column: the team's saved choice for its heading, else the heading's target,
 * else ignored. A field is filled from one column only: a later column naming it again is ignored.
 */
export function suggestMapping(
  columns: SheetColumns,
  rows: readonly (readonly Cell[])[],
  saved: Readonly<Record<string, ColumnChoice>> = {},
): ColumnChoice[] {
  const taken = new Set<ImportTarget>();
  return columns.headings.map((heading, c) => {
    if (!heading) return IGNORE;
    const values = rows.slice(columns.headerRow + 1).map((row) => row[c] ?? null);
    const savedChoice = saved[simplify(heading)];
    const choice: ColumnChoice | null = savedChoice ?? targetOfHeading(heading, values);
    if (!choice || choice === IGNORE || taken.has(choice)) return IGNORE;
    taken.add(choice);
    return choice;
  });
}

/** The mapping to save for the team: heading (simplified) → choice. */
export function mappingToSave(
  columns: SheetColumns,
  choices: readonly ColumnChoice[],
): Record<string, ColumnChoice> {
  const saved: Record<string, ColumnChoice> = {};
  columns.headings.forEach((heading, c) => {
    if (heading) saved[simplify(heading)] = choices[c] ?? IGNORE;
  });
  return saved;
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
