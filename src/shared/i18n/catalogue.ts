// Message catalogues: German first, English second. Each feature keeps both languages side by side
// in one file; the English half must have exactly the German half's keys (checked by the compiler).

export type Language = 'de' | 'en';
export const languages: readonly Language[] = ['de', 'en'];

type Messages = { readonly [key: string]: string | Messages };

/** Same keys as T, every leaf a string. */
export type SameShape<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : SameShape<T[K]>;
};

export function catalogue<const T extends Messages>(messages: { de: T; en: SameShape<T> }) {
  return messages;
}

/** `'a.b.c'` for every leaf of a nested catalogue. */
export type MessageKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : MessageKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
