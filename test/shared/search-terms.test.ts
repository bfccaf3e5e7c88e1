import { describe, expect, it } from 'vitest';
import {
  matchesQuery,
  normalizeForSearch,
  searchTerms,
} from '../../src/shared/domain/search-terms';

describe('search terms', () => {
  it.each([
    ['Müller', 'muller'],
    ['ÇELİK', 'celik'],
    ['Strauß', 'strauss'],
    ['  Zoë ', 'zoe'],
  ])('normalizes %s to %s', (text, normalized) => {
    expect(normalizeForSearch(text)).toBe(normalized);
  });

  it('splits names into words, de-duplicated, other spellings included', () => {
    expect(searchTerms('Ahmad Jan', 'Karimi-Müller', ['Ahmed', 'Ahmad'])).toEqual([
      'ahmad',
      'jan',
      'karimi',
      'muller',
      'ahmed',
    ]);
    expect(searchTerms(undefined, null, '')).toEqual([]);
  });

  it.each([
    ['ahm', true],
    ['AHM kar', true],
    ['muller', true],
    ['Müll', true],
    ['mad', false],
    ['ahm xyz', false],
  ])('query %s matches "Ahmad Karimi-Müller": %s', (query, matches) => {
    expect(matchesQuery(searchTerms('Ahmad', 'Karimi-Müller'), query)).toBe(matches);
  });
});
