// Deutsch / English. German is the default; the choice stays on this device.
import { languages } from '../../../shared/i18n/catalogue';
import { t } from '../../../shared/i18n/t';
import { Section } from '../../ui/section';
import { chooseLanguage, useLanguage } from '../../state/language';

export function LanguageSection() {
  const language = useLanguage((state) => state.language);
  return (
    <Section title={t('sync.settings.language')}>
      <fieldset class="settings-choices">
        <legend class="visually-hidden">{t('sync.settings.language')}</legend>
        {languages.map((option) => (
          <label key={option} class="settings-choice">
            <input
              autoComplete="off"
              type="radio"
              name="language"
              value={option}
              checked={language === option}
              onChange={() => void chooseLanguage(option)}
            />
            <span lang={option}>{t(`sync.settings.languages.${option}`)}</span>
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
