// Case- and accent-insensitive search: "muller" finds "Müller", "ahm" finds "Ahmad".

export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .trim();
}

/** Every word of every given text, normalized and de-duplicated: the keys of a prefix index. */
export function searchTerms(...texts: (string | null | undefined | readonly string[])[]): string[] {
  const terms = new Set<string>();
  for (const entry of texts) {
    for (const text of typeof entry === 'string' ? [entry] : (entry ?? [])) {
      for (const word of normalizeForSearch(text).split(/[^\p{L}\p{N}]+/u)) {
        if (word) terms.add(word);
      }
    }
  }
  return [...terms];
}

/** True when every word of the query is the start of some term. */
export function matchesQuery(terms: readonly string[], query: string): boolean {
  const words = searchTerms(query);
  return words.every((word) => terms.some((term) => term.startsWith(word)));
}
