// The chosen language (German first). Kept in localStorage, applied before the first render; the
// sign-in gate re-renders the app when it changes.
import { create } from './create-store';
import { languages, type Language } from '../../shared/i18n/catalogue';
import { loadLanguage } from '../../shared/i18n/t';
import { errorName } from '../../shared/error-name';

const STORAGE_KEY = 'feldakte.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return languages.includes(value as Language) ? (value as Language) : 'de';
  } catch {
    return 'de';
  }
}

export const useLanguage = create<{ language: Language }>(() => ({ language: 'de' }));

/** Applies the stored choice; call once before the first render. */
export function applyStoredLanguage(): Promise<void> {
  return apply(storedLanguage());
}

export function chooseLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice holds until the app closes.
  }
  return apply(language);
}

/** English arrives as its own chunk; until it has loaded, the app keeps speaking German. */
async function apply(language: Language): Promise<void> {
  try {
    await loadLanguage(language);
  } catch (error) {
    console.warn('Sprache konnte nicht geladen werden', errorName(error));
    return;
  }
  document.documentElement.lang = language;
  useLanguage.setState({ language });
}
