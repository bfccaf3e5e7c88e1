// Types for the two talisman modules the person matcher uses (the package ships none).
declare module 'talisman/phonetics/german/cologne' {
  /** The Kölner Phonetik code of a name: digits, the first one possibly 0. */
  export default function cologne(name: string): string;
}
declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro-Winkler similarity, 0 (nothing alike) to 1 (equal). */
  export default function jaroWinkler(a: string, b: string): number;
}
