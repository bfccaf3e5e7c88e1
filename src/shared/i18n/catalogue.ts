// Message catalogues: German first, English second. Each feature has a German catalogue
// (catalogues/<feature>.ts, always loaded) and its English half (catalogues/en/<feature>.ts,
// loaded only when English is chosen, so German phones never download it). The English half must
// have exactly the German half's keys: the compiler checks it through SameShape.

export type Language = 'de' | 'en';
export const languages: readonly Language[] = ['de', 'en'];

type Messages = { readonly [key: string]: string | Messages };

/** Same keys as T, every leaf a string. */
export type SameShape<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : SameShape<T[K]>;
};

export function germanCatalogue<const T extends Messages>(messages: T): T {
  return messages;
}

/** `'a.b.c'` for every leaf of a nested catalogue. */
export type MessageKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : MessageKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
