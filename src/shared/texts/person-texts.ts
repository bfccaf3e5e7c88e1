// Texts for the young person (issue 12): the Art. 13 information sheet and one consent text per
// purpose, in the languages the person reads. Each language is a data file of its own
// (`<language>.ts`, loaded on demand, never on the first screen), easy to correct without touching
// code. German is authoritative; every other text carries a review state that stays `ungeprüft`
// until a qualified translator has checked it, shown on screen and in print.
//
// Placeholders, filled in when shown: {controller}, {dpo}, {years}, {partner}.
import type { ConsentPurpose } from '../domain/consent';

export const personTextLanguages = [
  'de',
  'en',
  'fr',
  'ar',
  'fa',
  'ps',
  'ti',
  'kmr',
  'tr',
  'uk',
] as const;
export type PersonTextLanguage = (typeof personTextLanguages)[number];

/** Each language by its own name, for the chooser (without loading the texts). */
export const personTextLanguageNames: Record<PersonTextLanguage, string> = {
  de: 'Deutsch',
  en: 'English',
  fr: 'Français',
  ar: 'العربية (Arabisch)',
  fa: 'فارسی / دری (Farsi / Dari)',
  ps: 'پښتو (Paschtu)',
  ti: 'ትግርኛ (Tigrinya)',
  kmr: 'Kurmancî (Kurmandschi)',
  tr: 'Türkçe',
  uk: 'Українська',
};

/** The version the consent's `textVersion` names; bump it when a text's meaning changes. */
export const PERSON_TEXT_VERSION = '2026-11';

export const RTL_LANGUAGES: ReadonlySet<PersonTextLanguage> = new Set(['ar', 'fa', 'ps']);

export interface TextSection {
  heading: string;
  paragraphs: string[];
  /** The team's legal basis paragraph (consent or public task) comes first in this section. */
  legalBasis?: true;
}

export interface PersonTexts {
  language: PersonTextLanguage;
  /** The language's own name, for the chooser. */
  name: string;
  /** `original` for German; `ungeprüft` until a qualified translator checked it, then `geprüft`. */
  review: 'original' | 'ungeprüft' | 'geprüft';
  version: string;
  labels: {
    /** Shown when the team has not entered the controller yet. */
    controllerMissing: string;
    dpoMissing: string;
    placeDate: string;
    signaturePerson: string;
    signatureStaff: string;
    interpreter: string;
    version: string;
  };
  info: {
    title: string;
    sections: TextSection[];
    /** One of these two opens the section marked `legalBasis`, by the team's setting. */
    legalBasisConsent: string;
    legalBasisPublicTask: string;
  };
  consents: Record<ConsentPurpose, { title: string; paragraphs: string[] }>;
  /** Closing paragraph of every consent: voluntary, withdrawal. */
  consentFooter: string[];
}

/** The data file of one language, loaded on demand. */
export function loadPersonTexts(language: PersonTextLanguage): Promise<PersonTexts> {
  const files: Record<PersonTextLanguage, () => Promise<{ texts: PersonTexts }>> = {
    de: () => import('./de'),
    en: () => import('./en'),
    fr: () => import('./fr'),
    ar: () => import('./ar'),
    fa: () => import('./fa'),
    ps: () => import('./ps'),
    ti: () => import('./ti'),
    kmr: () => import('./kmr'),
    tr: () => import('./tr'),
    uk: () => import('./uk'),
  };
  return files[language]().then((module) => module.texts);
}

export function isPersonTextLanguage(value: unknown): value is PersonTextLanguage {
  return typeof value === 'string' && (personTextLanguages as readonly string[]).includes(value);
}

/** Fills the placeholders; an unknown one stays visible rather than vanishing. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
