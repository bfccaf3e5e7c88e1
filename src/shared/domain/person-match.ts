// The person matcher: is this the same young person as that one? One module for case search
// ("Zulaika" finds "Zuleikha"), the duplicate hints of the new-case form, the import's dry run and
// the merge. Arabic, Persian, Dari, Pashto, Tigrinya and Kurdish names reach German offices in many
// Latin spellings (Mohammed / Muhammad, Zuleikha / Zulaika, Chalid / Khalid, Xelîl / Khalil,
// Dschamal / Jamal), written by different people into different files, with given and family name
// sometimes swapped and the birth date often unknown or a placeholder (1 January).
//
// The method (decisions.md "Person matcher"): each name word is first brought to one spelling by a
// transliteration normaliser (the sound spellings of German, English, French and Kurdish/Turkish
// transliteration: dsch/dj/j, sch/sh/ş, ch/kh/x, q/k/c, v/w, y/j/i, ou/u, doubled letters), then
// coded with the Kölner Phonetik (Postel 1969; the `cologne-phonetic` package), a proven phonetic code
// for names in German records. Two words are the same name when their codes agree and their
// normalised spellings are close (Jaro-Winkler; the code alone unites Sara and Zahra), or when
// their spellings are very close. Two persons are probably the same when every word of one
// person's name is found among the other's names (in any field: swapped given/family names, other
// spellings, compound names written apart or together) and the birth dates do not contradict it.
import { colognePhonetic as cologne } from 'cologne-phonetic';
import { jaroWinkler } from '@skyra/jaro-winkler';

/** One name word: its normalised spelling and its Kölner code. */
export interface NameToken {
  spelling: string;
  key: string;
  /**
   * Consonants and vowels of the spelling (`CVCVC`; j counts as a vowel, it is y in half the
   * spellings): Mahmud and Muhamed share a key, not this.
   */
  shape: string;
}

/** What the matcher knows of a person, computed once per record (the search index keeps it). */
export interface PersonProfile {
  /** The words of given and family name. */
  core: NameToken[];
  /** Every word it may be found by: core, other spellings, compounds written together. */
  readonly all: NameToken[];
  /** The words of all its names as written (no compounds): what a search by sound looks at. */
  words: NameToken[];
  birthDate: string | null;
  gender: string | null;
}

export interface PersonFacts {
  givenName?: string | null;
  familyName?: string | null;
  otherNames?: readonly string[] | null;
  birthDate?: string | null;
  gender?: string | null;
}

/** How the birth dates of two persons relate. */
export type BirthDateAgreement = 'same' | 'missing' | 'close' | 'different';

export interface PersonMatch {
  /** 0 (nothing alike) to 1 (same names, same birth date). */
  score: number;
  /** score >= PROBABLE_MATCH: shown as "probably the same person". */
  probable: boolean;
  /** The names matched with given and family name crossed over. */
  swapped: boolean;
  birthDate: BirthDateAgreement;
}

/** From this score on, two persons are shown as probably the same. */
export const PROBABLE_MATCH = 0.75;

/** Articles and filiation words that come and go between spellings (Al-Hassan / Hassan). */
const PARTICLES = new Set(['al', 'el', 'ul', 'ad', 'ed', 'as', 'ar', 'an', 'bin', 'ben', 'ibn']);

/** Letters of other Latin alphabets that NFD would only strip of their accent. */
const LETTERS: Readonly<Record<string, string>> = {
  ş: 'sch',
  š: 'sch',
  ç: 'tsch',
  č: 'tsch',
  ž: 'j',
  ı: 'i',
  ə: 'e',
  ḫ: 'ch',
  ẖ: 'ch',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
};
const SPECIAL_LETTERS = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** The spelling rules, in order: consonant sounds first, then vowels, then doubled letters. */
const RULES: readonly (readonly [RegExp, string])[] = [
  // Kurdish (Kurmanji) x is the sound of German ch / English kh: Xalid, Xelîl.
  [/^x/, 'ch'],
  [/dsch|dzh|dsh|dj|zh/g, 'j'],
  [/tsch|tch/g, 'tsch'],
  [/sch|sh/g, 'sch'],
  [/kh/g, 'ch'],
  [/gh/g, 'g'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  // German ch for Arabic ḥ before a consonant (Achmed, Machmud) is English h (Ahmed, Mahmud).
  [/([aeiouy])ch(?=[^aeiouy])/g, '$1h'],
  [/q/g, 'k'],
  [/ck/g, 'k'],
  [/c(?!h)/g, 'k'],
  [/v/g, 'w'],
  [/x/g, 'ks'],
  [/^y(?=[aeiou])/, 'j'],
  [/y/g, 'i'],
  [/ae/g, 'a'],
  [/oe|ue/g, 'u'],
  [/ou|oo|o/g, 'u'],
  [/ee|ie|ii/g, 'i'],
  [/ei|ai/g, 'ai'],
  // A final h only lengthens the vowel before it (Fatimah, Fatemeh).
  [/([aeiu])h$/, '$1'],
  [/(.)\1+/g, '$1'],
];

/** The words of a text, lower case, split at anything that is no letter or digit. */
function words(text: string | null | undefined): string[] {
  if (!text) return [];
  const lower = text.toLowerCase();
  // Most names are plain ASCII letters: they skip the Unicode work (the index does this per case).
  const plain = PLAIN.test(lower);
  return (
    plain
      ? lower
      : lower
          .replace(SPECIAL_LETTERS, (letter) => LETTERS[letter] ?? letter)
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/['’ʿʾ`´]/g, '')
  )
    .split(plain ? /[^a-z]+/ : /[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
const PLAIN = /^[a-z -]*$/;

/** One spelling for the many transliterations of a name word (input: one word of `words`). */
export function normaliseSpelling(word: string): string {
  let spelling = word;
  for (const [pattern, replacement] of RULES) spelling = spelling.replace(pattern, replacement);
  return spelling;
}

/** The Kölner Phonetik code of a name word after the transliteration normaliser. */
export function soundKey(word: string): string {
  return nameToken(word).key;
}

/** The token of one typed word (a search query's). */
export function nameToken(word: string): NameToken {
  return token(words(word).join(''));
}

/**
 * Does a typed word (maybe the start of a name) sound like this name word? Its whole code is the
 * name's and the two are one name (Zulaika / Zuleikha, not Zahra / Sara), or its code is the start
 * of the name's and says more than a first letter (a leading 0 is any vowel, j or y).
 */
export function soundsLike(typed: NameToken, name: NameToken): boolean {
  if (typed.key === name.key) return nameSimilarity(typed, name) >= SAME_NAME;
  const significant = typed.key.length - (typed.key[0] === '0' ? 1 : 0);
  return significant >= 2 && name.key.startsWith(typed.key);
}

/** Forgets the remembered name words (the phone calls it on lock: names leave memory, [K1]). */
export function forgetNames(): void {
  tokenCache.clear();
}

/** Tokens by word: names repeat across a caseload, and the index makes one per word of each. */
const tokenCache = new Map<string, NameToken>();
const TOKEN_CACHE_SIZE = 20_000;

function token(word: string): NameToken {
  let found = tokenCache.get(word);
  if (!found) {
    found = makeToken(word);
    if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
    tokenCache.set(word, found);
  }
  return found;
}

function makeToken(word: string): NameToken {
  const spelling = normaliseSpelling(word);
  // Words in other scripts or digits keep their spelling as their key.
  const key = /^[a-z]+$/.test(spelling) ? cologne(spelling) : spelling;
  const shape = spelling
    .replace(/t?sch|ch/g, 'k')
    .replace(/[aeiouj]/g, 'V')
    .replace(/[^V]/g, 'C');
  return { spelling, key, shape };
}

/** Adds a token to `into` unless its spelling is there already. */
function add(into: NameToken[], seen: Set<string>, word: string): void {
  const t = token(word);
  if (t.spelling === '' || seen.has(t.spelling)) return;
  seen.add(t.spelling);
  into.push(t);
}

/**
 * The words of one name (given and family name as one sequence, or one other spelling) and their
 * variants: each pair of neighbours written together (Abdul Rahman / Abdulrahman), and a particle
 * written onto the name also stands for the name without it (Alhassan / Hassan).
 */
function addVariants(into: NameToken[], seen: Set<string>, sequence: readonly string[]): void {
  for (let i = 0; i < sequence.length; i++) {
    const word = sequence[i]!;
    if (i + 1 < sequence.length) add(into, seen, word + sequence[i + 1]!);
    const bare = /^(al|el)(.{4,})$/.exec(word);
    if (bare) add(into, seen, bare[2]!);
  }
}

/** The matcher's view of a person (compute it once and keep it for many comparisons). */
export function personProfile(person: PersonFacts): PersonProfile {
  const given = words(person.givenName);
  const family = words(person.familyName);
  const others = (person.otherNames ?? []).map(words);
  const seen = new Set<string>();
  const core: NameToken[] = [];
  for (const word of [...given, ...family]) if (!PARTICLES.has(word)) add(core, seen, word);
  const spelled = [...core];
  for (const other of others)
    for (const word of other) if (!PARTICLES.has(word)) add(spelled, seen, word);
  let all: NameToken[] | undefined;
  return {
    core,
    // Compounds only matter when persons are compared: made on first use, not for every case of
    // the search index at unlock.
    get all() {
      if (!all) {
        all = [...spelled];
        addVariants(all, seen, [...given, ...family]);
        for (const other of others) addVariants(all, seen, other);
      }
      return all;
    },
    words: spelled,
    birthDate: person.birthDate || null,
    gender: person.gender && person.gender !== 'not_stated' ? person.gender : null,
  };
}

/**
 * 0 (another name) to 1 (same spelling). One name: the same code and either the same shape of
 * consonants and vowels (Azizi / Asisi, Fatemeh / Fatima) or a close spelling; or, with another
 * code, a very close spelling. Sara / Zahra and Mahmud / Muhamed share a code, not a shape.
 */
export function nameSimilarity(a: NameToken, b: NameToken): number {
  if (a.spelling === b.spelling) return 1;
  const similarity = jaroWinkler(a.spelling, b.spelling);
  if (a.key === b.key && (a.shape === b.shape || similarity >= SAME_KEY_SPELLING))
    return Math.max(similarity, SAME_NAME);
  return similarity >= SAME_NAME_SPELLING ? similarity : 0;
}

/** Two words count as one name from this similarity on. */
const SAME_NAME = 0.9;
/** With equal codes and another shape, the spellings must be this close. */
const SAME_KEY_SPELLING = 0.92;
/** Without equal codes, the spellings must be this close. */
const SAME_NAME_SPELLING = 0.93;

/** The share of `from`'s name words found among `among`'s, weighted by how alike they are. */
function coverage(from: PersonProfile, among: PersonProfile): { share: number; swapped: boolean } {
  if (from.core.length === 0) return { share: 0, swapped: false };
  let sum = 0;
  for (const word of from.core) {
    let best = 0;
    for (const other of among.all) best = Math.max(best, nameSimilarity(word, other));
    sum += best;
  }
  // Swapped: the first (given) name was found as the other's last core word, or the reverse.
  const first = from.core[0]!;
  const last = among.core[among.core.length - 1];
  const swapped =
    from.core.length > 1 &&
    !!last &&
    among.core.length > 1 &&
    nameSimilarity(first, last) >= SAME_NAME &&
    nameSimilarity(first, among.core[0]!) < SAME_NAME;
  return { share: sum / from.core.length, swapped };
}

/** How two birth dates relate: a placeholder (1 January), swapped day and month, one typo. */
export function birthDateAgreement(
  a: string | null | undefined,
  b: string | null | undefined,
): BirthDateAgreement {
  if (!a || !b) return 'missing';
  if (a === b) return 'same';
  // ISO days: year 0-3, month 5-6, day 8-9 (compared in place: this runs for every pair).
  const am = a.slice(5, 7);
  const ad = a.slice(8, 10);
  const bm = b.slice(5, 7);
  const bd = b.slice(8, 10);
  if (a.slice(0, 4) === b.slice(0, 4)) {
    // Unknown dates are often written as 1 January (or 31 December) of the year.
    const placeholder = (m: string, d: string) =>
      (m === '01' && d === '01') || (m === '12' && d === '31');
    if (placeholder(am, ad) || placeholder(bm, bd)) return 'close';
    if (am === bd && ad === bm) return 'close';
    if (am === bm || ad === bd) return 'close';
    return 'different';
  }
  if (am === bm && ad === bd && Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4))) === 1)
    return 'close';
  return 'different';
}

const DATE_FACTOR: Record<BirthDateAgreement, number> = {
  same: 1,
  missing: 0.9,
  close: 0.85,
  different: 0.4,
};

/** The numbers written in a person's given and family name, in order of size ('' for none). */
function numbersOf(person: PersonProfile): string {
  const numbers: string[] = [];
  for (const word of person.core)
    for (const run of word.spelling.match(/\d+/g) ?? []) numbers.push(String(Number(run)));
  return numbers.sort().join(' ');
}

/** Compares two persons (profiles from personProfile). Symmetric. */
export function comparePersons(a: PersonProfile, b: PersonProfile): PersonMatch {
  const ab = coverage(a, b);
  const ba = coverage(b, a);
  const names = Math.max(ab.share, ba.share);
  const birthDate = birthDateAgreement(a.birthDate, b.birthDate);
  let score = names * DATE_FACTOR[birthDate];
  // Two stated genders that differ: Amina and Amin are not one person.
  if (a.gender && b.gender && a.gender !== b.gender) score *= 0.5;
  // Numbers in a name are marks, not sounds (Kunde1 / Kunde2, "Ahmadi 2" for a second person
  // of that name in a list): two names whose numbers differ are not one person.
  if (numbersOf(a) !== numbersOf(b)) score *= 0.5;
  score = Math.round(score * 1000) / 1000;
  return { score, probable: score >= PROBABLE_MATCH, swapped: ab.swapped || ba.swapped, birthDate };
}

/** Convenience for one comparison of two records. */
export function matchPersons(a: PersonFacts, b: PersonFacts): PersonMatch {
  return comparePersons(personProfile(a), personProfile(b));
}

/** A profile's words by code and by first two letters, for the cheap bound of probableMatches. */
interface Lookup {
  keys: Set<string>;
  heads: Set<string>;
}
const lookups = new WeakMap<PersonProfile, Lookup>();

function lookupOf(profile: PersonProfile): Lookup {
  let found = lookups.get(profile);
  if (!found) {
    found = {
      keys: new Set(profile.all.map((t) => t.key)),
      heads: new Set(profile.all.map((t) => t.spelling.slice(0, 2))),
    };
    lookups.set(profile, found);
  }
  return found;
}

/** How many of `words` could be one of the other's names (same code or same first letters). */
function couldMatch(words: readonly NameToken[], other: Lookup): number {
  let count = 0;
  for (const word of words)
    if (other.keys.has(word.key) || other.heads.has(word.spelling.slice(0, 2))) count++;
  return count;
}

export interface Candidate<T> {
  item: T;
  profile: PersonProfile;
}

/**
 * The candidates that are probably `person`, best first (at most `limit`). Cheap enough for every
 * key stroke over 10,000 cases and for a 5,000-row import: a candidate is compared in full only
 * when its birth date does not rule it out and enough of its words share a Kölner code (or the
 * first letters of a very close spelling) with the person's.
 */
export function probableMatches<T>(
  person: PersonProfile,
  candidates: Iterable<Candidate<T>>,
  limit = 5,
  threshold = PROBABLE_MATCH,
): (PersonMatch & { item: T })[] {
  if (person.core.length === 0) return [];
  const mine = lookupOf(person);
  const found: (PersonMatch & { item: T })[] = [];
  for (const candidate of candidates) {
    const other = candidate.profile;
    // Cheap bounds first: birth dates that differ, or too few words that could be one name,
    // keep the score below the threshold whatever the names' similarity.
    let factor = DATE_FACTOR[birthDateAgreement(person.birthDate, other.birthDate)];
    if (person.gender && other.gender && person.gender !== other.gender) factor *= 0.5;
    if (factor < threshold) continue;
    const theirs = lookupOf(other);
    const bound = Math.max(
      couldMatch(person.core, theirs) / person.core.length,
      other.core.length ? couldMatch(other.core, mine) / other.core.length : 0,
    );
    if (bound * factor < threshold) continue;
    const match = comparePersons(person, other);
    if (match.score >= threshold) found.push({ ...match, item: candidate.item });
  }
  return found.sort((x, y) => y.score - x.score).slice(0, limit);
}

/**
 * Many persons to compare with, indexed by their words' codes and first letters, so a 5,000-row
 * import compares each row in full only with the few rows and cases that share enough words
 * (the import's dry run; the phone's form scans its index with probableMatches).
 */
/**
 * The birth-date parts a person is filed under: every person under `any`; one without a date
 * under `none`; one with a date under its year and under its month and day. Two dates can only
 * agree (`same`, `close`: birthDateAgreement) within one year or on one month and day, so a
 * person with a date is compared only with those of no date, of its year, or of its month and
 * day: a caseload of many Mohammeds is not compared Mohammed by Mohammed.
 */
function filedUnder(date: string | null): string[] {
  return date ? ['any', `y${date.slice(0, 4)}`, `d${date.slice(5, 10)}`] : ['any', 'none'];
}

function searchedUnder(date: string | null): string[] {
  return date ? ['none', `y${date.slice(0, 4)}`, `d${date.slice(5, 10)}`] : ['any'];
}

export class PersonIndex<T> {
  private readonly byAll = new Map<string, Candidate<T>[]>();
  private readonly byCore = new Map<string, Candidate<T>[]>();

  add(candidate: Candidate<T>): void {
    const file = (map: Map<string, Candidate<T>[]>, tokens: readonly NameToken[]) => {
      const seen = new Set<string>();
      for (const part of filedUnder(candidate.profile.birthDate))
        for (const t of tokens)
          for (const bucket of [`k${t.key}`, `h${t.spelling.slice(0, 2)}`]) {
            const at = `${part}|${bucket}`;
            if (seen.has(at)) continue;
            seen.add(at);
            const list = map.get(at);
            if (list) list.push(candidate);
            else map.set(at, [candidate]);
          }
    };
    file(this.byAll, candidate.profile.all);
    file(this.byCore, candidate.profile.core);
  }

  /** The indexed persons that are probably `person`, best first. */
  probable(
    person: PersonProfile,
    limit = 5,
    threshold = PROBABLE_MATCH,
  ): (PersonMatch & { item: T })[] {
    if (person.core.length === 0) return [];
    const parts = searchedUnder(person.birthDate);
    // How many of my name words could be one of theirs, and how many of theirs one of mine.
    const mineInTheirs = new Map<Candidate<T>, number>();
    for (const t of person.core) {
      const hit = new Set<Candidate<T>>();
      for (const part of parts)
        for (const bucket of [`k${t.key}`, `h${t.spelling.slice(0, 2)}`])
          for (const c of this.byAll.get(`${part}|${bucket}`) ?? []) hit.add(c);
      for (const c of hit) mineInTheirs.set(c, (mineInTheirs.get(c) ?? 0) + 1);
    }
    const theirsInMine = new Map<Candidate<T>, Set<string>>();
    for (const part of parts)
      for (const t of person.all)
        for (const bucket of [`k${t.key}`, `h${t.spelling.slice(0, 2)}`])
          for (const c of this.byCore.get(`${part}|${bucket}`) ?? []) {
            const words = theirsInMine.get(c) ?? new Set<string>();
            for (const w of c.profile.core)
              if (`k${w.key}` === bucket || `h${w.spelling.slice(0, 2)}` === bucket)
                words.add(w.spelling);
            theirsInMine.set(c, words);
          }
    const worth: Candidate<T>[] = [];
    for (const c of new Set([...mineInTheirs.keys(), ...theirsInMine.keys()])) {
      const bound = Math.max(
        (mineInTheirs.get(c) ?? 0) / person.core.length,
        c.profile.core.length ? (theirsInMine.get(c)?.size ?? 0) / c.profile.core.length : 0,
      );
      if (bound >= threshold) worth.push(c);
    }
    return probableMatches(person, worth, limit, threshold);
  }
}
