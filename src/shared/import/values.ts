// Cell values of a spreadsheet as record values (issue 26): German dates in their many forms and
// Excel serial numbers as ISO days, yes/no, lists, and the app's enums from their German and
// English labels and the words offices use ("geduldet", "Duldung §60a", "Gestattung").
import { cases as casesDe } from '../i18n/catalogues/cases';
import { casesEn } from '../i18n/catalogues/en/cases';

/** A cell as the file readers hand it over: text, a number, a date, or empty. */
export type Cell = string | number | boolean | Date | null;

/** Lower case, no accents, ß as ss, punctuation and doubled spaces gone: how headings and values compare. */
export function simplify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}§]+/gu, ' ')
    .replace(/§\s*/g, '§ ')
    .trim();
}

/** The text of a cell ('' when empty); a date cell as its ISO day. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDay(cell) ?? '';
  return String(cell).trim();
}

export function isEmptyCell(cell: Cell): boolean {
  return cellText(cell) === '';
}

function isoDay(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  // Spreadsheet dates carry no zone: exceljs gives them as UTC midnight.
  return date.toISOString().slice(0, 10);
}

function validDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Excel's day 1 is 1900-01-01, and it counts a 29 February 1900 that never was. */
export function excelSerialDay(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial) - (serial >= 61 ? 2 : 1);
  return new Date(Date.UTC(1900, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A day from a cell: a date cell, an Excel serial number (also as text, "37724"), `12.04.2003`,
 * `12.4.03`, `12/04/2003`, `2003-04-12`. A two-digit year is read as the nearest past or near
 * future year (`03` → 2003, `98` → 1998). Null when it is no day.
 */
export function parseDay(cell: Cell, today: string): string | null {
  if (cell instanceof Date) return isoDay(cell);
  if (typeof cell === 'number') return excelSerialDay(cell);
  const text = cellText(cell);
  if (!text) return null;
  if (/^\d{4,5}(\.0+)?$/.test(text)) return excelSerialDay(Number(text));
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (match) return validDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})(?:\s.*)?$/.exec(text);
  if (!match) return null;
  let year = Number(match[3]);
  if (match[3]!.length === 2) {
    const century = Number(today.slice(0, 2)) * 100;
    const thisYear = Number(today.slice(0, 4));
    year += century;
    if (year > thisYear + 10) year -= 100;
  }
  return validDay(year, Number(match[2]), Number(match[1]));
}

/** ja/nein and their relatives; null when it says neither. */
export function parseYesNo(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  const text = simplify(cellText(cell));
  if (['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'wahr'].includes(text)) return true;
  if (['nein', 'n', 'no', '0', 'false', 'falsch', ''].includes(text)) return false;
  return null;
}

/** Several values in one cell: `Sprache, Arbeit; Wohnen` or one per line. */
export function splitList(cell: Cell): string[] {
  return cellText(cell)
    .split(/[,;\n/|]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** The enums an import column can hold, with the words that mean each key besides its labels. */
export const enumWords = {
  gender: {
    female: ['w', 'f', 'weibl', 'frau', 'female'],
    male: ['m', 'mannl', 'mann', 'male'],
    diverse: ['d', 'div'],
    not_stated: ['k a', 'keine', 'unbekannt'],
  },
  status: {
    inquiry: ['anfrage', 'neu', 'erstkontakt'],
    intake: ['aufnahme', 'clearing'],
    active: ['aktiv', 'laufend', 'in betreuung', 'betreut', 'offen'],
    paused: ['pausiert', 'ruht', 'pause'],
    unreachable: ['nicht erreichbar', 'unerreichbar'],
    closed: ['abgeschlossen', 'beendet', 'geschlossen', 'erledigt'],
  },
  residenceKind: {
    gestattung: ['gestattung', 'aufenthaltsgestattung', 'asylbewerber', 'im asylverfahren', 'bum'],
    duldung: ['duldung', 'geduldet', 'duldung 60a', 'duldung § 60a', 'duldung 60a abs 2 s 1'],
    duldung_ermessen: ['ermessensduldung', 'duldung 60a abs 2 s 3', 'duldung § 60a abs 2 s 3'],
    duldung_ausbildung: ['ausbildungsduldung', 'duldung 60c', 'duldung § 60c', '60c'],
    duldung_beschaeftigung: ['beschaftigungsduldung', 'duldung 60d', 'duldung § 60d', '60d'],
    duldung_60b: ['duldung 60b', 'duldung § 60b', 'duldung light', '60b'],
    aufenthaltserlaubnis: ['aufenthaltserlaubnis', 'ae', 'aufenthaltstitel', 'aufenthalt'],
    fiktion: ['fiktionsbescheinigung', 'fiktion'],
    niederlassung: ['niederlassungserlaubnis', 'nle', 'daueraufenthalt'],
    unclear: ['unklar', 'unbekannt', 'ungeklart', '?'],
  },
  germanLevel: {
    none: ['keine', 'keine kenntnisse', 'ohne'],
    literacy: ['alpha', 'alphabetisierung', 'alphakurs'],
    A1: ['a1'],
    A2: ['a2'],
    B1: ['b1'],
    B2: ['b2'],
    C1: ['c1'],
    C2: ['c2'],
  },
  needCategory: {
    language: ['sprache', 'sprachkurs', 'deutsch', 'deutschkurs', 'integrationskurs'],
    school: ['schule', 'schulabschluss', 'abschluss'],
    recognition: ['anerkennung'],
    training: ['ausbildung', 'ausbildungsplatz', 'eq'],
    work: ['arbeit', 'job', 'beschaftigung', 'arbeitssuche'],
    residence: ['aufenthalt', 'aufenthaltsrecht'],
    housing: ['wohnen', 'wohnung', 'wohnungssuche'],
    health: ['gesundheit', 'psyche', 'psychosozial'],
    money: ['geld', 'leistungen', 'finanzen'],
    family: ['familie', 'kinderbetreuung'],
    mobility: ['mobilitat', 'fahrkarte', 'fuhrerschein'],
    digital: ['digitales', 'digital', 'computer'],
    documents: ['dokumente', 'papiere', 'identitat', 'pass'],
    leisure: ['freizeit', 'teilhabe', 'sport'],
  },
  messenger: {
    whatsapp: ['whatsapp', 'wa'],
    signal: ['signal'],
    telegram: ['telegram'],
    threema: ['threema'],
    other: ['anderer', 'sonstige'],
  },
  schooling: {
    none: ['keine', 'kein schulbesuch'],
    primary_abroad: ['grundschule'],
    secondary_abroad: ['weiterfuhrende schule'],
    esa: ['esa', 'hauptschulabschluss', 'hsa'],
    eesa: ['eesa', 'erweiterter hauptschulabschluss'],
    msa: ['msa', 'realschulabschluss', 'fos', 'fachoberschulreife'],
    fhr: ['fhr', 'fachabitur'],
    abitur: ['abitur', 'abi'],
    university: ['studium', 'universitat', 'hochschule'],
  },
  reachedVia: {} as Record<string, string[]>,
} as const;

export type EnumName = keyof typeof enumWords;

/** The catalogue section of each enum's labels (German and English). */
const labelSections: Record<EnumName, string> = {
  gender: 'gender',
  status: 'status',
  residenceKind: 'residenceKind',
  germanLevel: 'germanLevel',
  needCategory: 'needCategory',
  messenger: 'messenger',
  schooling: 'schooling',
  reachedVia: 'reachedVia',
};

const lookups = new Map<EnumName, Map<string, string>>();

function lookup(name: EnumName): Map<string, string> {
  let found = lookups.get(name);
  if (found) return found;
  found = new Map();
  const section = labelSections[name];
  for (const catalogue of [casesEn, casesDe] as Record<string, unknown>[]) {
    const labels = catalogue[section] as Record<string, string>;
    for (const [key, label] of Object.entries(labels)) {
      found.set(simplify(label), key);
      found.set(simplify(key), key);
    }
  }
  for (const [key, words] of Object.entries(enumWords[name] as Record<string, readonly string[]>))
    for (const word of words) found.set(simplify(word), key);
  lookups.set(name, found);
  return found;
}

/**
 * The enum key a cell names, or null. Exact words first; then the longest known word the cell
 * starts with ("Duldung bis 03/2026" → duldung, "Aufenthaltserlaubnis § 25 Abs. 5" →
 * aufenthaltserlaubnis).
 */
export function parseEnum(name: EnumName, cell: Cell): string | null {
  const text = simplify(cellText(cell));
  if (!text) return null;
  const words = lookup(name);
  const exact = words.get(text);
  if (exact) return exact;
  let best: string | null = null;
  let bestLength = 0;
  for (const [word, key] of words) {
    if (
      word.length > bestLength &&
      word.length >= 2 &&
      (text.startsWith(`${word} `) || text === word)
    ) {
      best = key;
      bestLength = word.length;
    }
  }
  return best;
}
