// A spelling-independent key for a name word, so the case search finds a name however it was
// transliterated: Yusuf / Jusuf / Youssef, Mohammed / Muhammad / Mohamad, Ahmad / Ahmed / Achmed,
// Hussein / Husain, Chalid / Khalid, Schirin / Shirin, Müller / Mueller, Strauß / Strauss.
//
// Arabic, Persian, Pashto and Tigrinya names reach German offices in many Latin spellings, and
// they differ mostly in the vowels (Arabic writes short vowels rarely) and in how a few sounds are
// spelled (j/y/dsch, kh/ch, sh/sch, q/k/c, w/v, doubled letters). The key therefore is the
// word's consonant skeleton: spelling variants of one sound are unified, vowels dropped except at
// the start (kept as one vowel class, so Omar/Umar stay apart from Mar...), doubled letters once.
// It works left to right on the word alone, so a typed prefix gives a prefix of the key ("Jus"
// → "ys", a prefix of Youssef's "ysf"). Input: one word as normalizeForSearch() returns it
// (lower case, accents removed, ß as ss).

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Multi-letter spellings first (longest first), each mapped to one sound letter. */
const SPELLINGS: readonly (readonly [string, string])[] = [
  ['dsch', 'y'],
  ['tsch', 'c'],
  ['sch', 's'],
  ['dj', 'y'],
  ['dzh', 'y'],
  ['zh', 'y'],
  ['sh', 's'],
  ['ch', 'h'],
  ['kh', 'h'],
  ['gh', 'g'],
  ['ph', 'f'],
  ['th', 't'],
  ['dh', 'd'],
  ['ck', 'k'],
  ['ks', 'x'],
];

/** The spellings by their first letter, so most letters check none. */
const SPELLINGS_BY_FIRST = new Map<string, (readonly [string, string])[]>();
for (const entry of SPELLINGS) {
  const list = SPELLINGS_BY_FIRST.get(entry[0][0]!) ?? [];
  list.push(entry);
  SPELLINGS_BY_FIRST.set(entry[0][0]!, list);
}

/** Single letters that stand for the same sound in different spellings. */
const LETTERS: Readonly<Record<string, string>> = {
  q: 'k',
  c: 'k',
  w: 'v',
  z: 's',
  j: 'y',
};

/** The key of one normalized name word; '' for a word without letters. */
export function nameKey(word: string): string {
  let key = '';
  let last = '';
  let i = 0;
  while (i < word.length) {
    let sound: string | undefined;
    let length = 1;
    const char = word[i]!;
    for (const [spelling, mapped] of SPELLINGS_BY_FIRST.get(char) ?? []) {
      if (word.startsWith(spelling, i)) {
        sound = mapped;
        length = spelling.length;
        break;
      }
    }
    if (sound === undefined) {
      // 'y' before a vowel at the start is a consonant (Yusuf); elsewhere a vowel (Aylin).
      const consonantY = char === 'y' && i === 0 && VOWELS.has(word[1] ?? '');
      if (VOWELS.has(char) && !consonantY) {
        // Vowels vary between spellings: only a leading one counts, as one class. Written-out
        // umlauts (ae, oe, ue) are vowels too, so Mueller and Müller meet.
        sound = i === 0 ? 'a' : '';
      } else {
        // Digits and other scripts stay as they are.
        sound = LETTERS[char] ?? char;
      }
    }
    i += length;
    // A final 'h' only lengthens the vowel before it (Fatimah, Sarah).
    if (sound === 'h' && length === 1 && i === word.length && key.length > 0) break;
    if (sound !== last) key += sound;
    last = sound;
  }
  return key;
}

/** The keys of a name's words (as searchTerms() returns them), de-duplicated. */
export function nameKeys(terms: readonly string[]): string[] {
  return [...new Set(terms.map(nameKey).filter((key) => key.length > 0))];
}

/** A query word shorter than this matches by spelling only: "Mo" would otherwise find every M. */
export const MIN_KEY_QUERY_LENGTH = 3;
