// Information and consent texts for the person, in their language (issue 12): shown on the phone
// or printed on A4 with signature lines; right to left for Arabic, Farsi/Dari and Pashto; a text
// not yet checked by a translator says so on screen and on paper. The texts are data files
// (src/shared/texts/<language>.ts), loaded only when this screen asks for one.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { consentPurposes, type ConsentPurpose } from '../../../shared/domain/consent';
import { teamSettingsOf } from '../../../shared/domain/team-settings';
import { getLanguage, t } from '../../../shared/i18n/t';
import {
  fillPlaceholders,
  isPersonTextLanguage,
  loadPersonTexts,
  personTextLanguageNames,
  personTextLanguages,
  RTL_LANGUAGES,
  type PersonTextLanguage,
  type PersonTexts,
} from '../../../shared/texts/person-texts';
import { useDb, useSession } from '../../state/session';
import { Button, LinkButton } from '../../ui/button';
import { SelectField } from '../../ui/field';
import { usePageTitle } from '../../state/page-title';
import { useLiveQuery } from '../../ui/use-live-query';
import { purposeLabel } from '../network/network-labels';
import { TeamDetailsWarning } from './team-details-warning';
import './privacy.css';

type TextChoice = 'info' | ConsentPurpose;
const textChoices: readonly TextChoice[] = ['info', ...consentPurposes];
const NAMES_PARTNER: ReadonlySet<TextChoice> = new Set(['share_with_partner', 'case_conference']);

export function PersonTextsPage({ id }: { id?: string }) {
  usePageTitle(t('privacy.texts.title'), id ? `/faelle/${id}` : '/mehr');
  const db = useDb();
  const { query } = useLocation();
  const settings = teamSettingsOf(useSession((state) => state.user?.team));
  // The person's language when the link names it, else the language the app speaks.
  const appLanguage = getLanguage();
  const [language, setLanguage] = useState<PersonTextLanguage>(
    isPersonTextLanguage(query.lang)
      ? query.lang
      : isPersonTextLanguage(appLanguage)
        ? appLanguage
        : 'de',
  );
  const [choice, setChoice] = useState<TextChoice>(
    textChoices.includes(query.text as TextChoice) ? (query.text as TextChoice) : 'info',
  );
  const [partnerId, setPartnerId] = useState(query.partner ?? '');
  const [texts, setTexts] = useState<PersonTexts | 'missing' | null>(null);
  const partners = useLiveQuery(() => db.partners.orderBy('id').toArray(), [db]);

  useEffect(() => {
    let live = true;
    setTexts(null);
    loadPersonTexts(language).then(
      (loaded) => live && setTexts(loaded),
      // Offline, and this language was never loaded on this device.
      () => live && setTexts('missing'),
    );
    return () => {
      live = false;
    };
  }, [language]);

  // Only German is installed with the app; the others are kept by the service worker once loaded.
  // One visit online loads them all, so the person's language is there offline next time.
  useEffect(() => {
    for (const code of personTextLanguages) void loadPersonTexts(code).catch(() => undefined);
  }, []);

  const partnerName = partners?.find((partner) => partner.id === partnerId)?.name;
  const shown = texts === 'missing' ? null : texts;
  const recordHref =
    id && choice !== 'info' && shown
      ? `/faelle/${id}/einwilligungen/neu?${new URLSearchParams({
          zweck: choice,
          sprache: language,
          version: shown.version,
          ...(partnerId && NAMES_PARTNER.has(choice) ? { partner: partnerId } : {}),
        }).toString()}`
      : null;

  return (
    <div>
      <div class="no-print">
        <p class="page-intro">{t('privacy.texts.intro')}</p>
        <TeamDetailsWarning />
        <SelectField
          name="language"
          label={t('privacy.texts.language')}
          value={language}
          onValue={(value) => isPersonTextLanguage(value) && setLanguage(value)}
          options={personTextLanguages.map((code) => ({
            value: code,
            label: personTextLanguageNames[code],
          }))}
        />
        <SelectField
          name="text"
          label={t('privacy.texts.text')}
          value={choice}
          onValue={(value) => setChoice(value as TextChoice)}
          options={textChoices.map((value) => ({
            value,
            label: value === 'info' ? t('privacy.section.texts') : purposeLabel(value),
          }))}
        />
        {NAMES_PARTNER.has(choice) && (
          <SelectField
            name="partner"
            label={t('privacy.texts.partner')}
            value={partnerId}
            onValue={setPartnerId}
            allowEmpty
            options={(partners ?? [])
              .map((partner) => ({ value: partner.id, label: partner.name }))
              .sort((a, b) => a.label.localeCompare(b.label, 'de'))}
          />
        )}
        <div class="privacy-actions">
          <Button variant="primary" onClick={() => window.print()} disabled={!shown}>
            {t('privacy.texts.print')}
          </Button>
          {recordHref && <LinkButton href={recordHref}>{t('privacy.texts.record')}</LinkButton>}
        </div>
      </div>
      {shown ? (
        <PersonText
          texts={shown}
          choice={choice}
          values={{
            controller: settings.controller ?? shown.labels.controllerMissing,
            dpo: settings.dataProtectionOfficer ?? shown.labels.dpoMissing,
            years: String(settings.retentionYears),
            partner: partnerName ?? '______________________________',
          }}
          publicTask={settings.legalBasis === 'public_task'}
        />
      ) : texts === 'missing' ? (
        <p class="hint" role="status">
          {t('privacy.texts.notOnDevice')}
        </p>
      ) : (
        <p class="hint">{t('privacy.texts.loading')}</p>
      )}
    </div>
  );
}

function PersonText({
  texts,
  choice,
  values,
  publicTask,
}: {
  texts: PersonTexts;
  choice: TextChoice;
  values: Record<string, string>;
  publicTask: boolean;
}) {
  const fill = (text: string) => fillPlaceholders(text, values);
  const dir = RTL_LANGUAGES.has(texts.language) ? 'rtl' : 'ltr';
  const consent = choice === 'info' ? null : texts.consents[choice];
  return (
    <article class="person-text" lang={texts.language} dir={dir}>
      {texts.review === 'ungeprüft' && (
        <p dir="ltr" lang="de">
          <span class="review-state">ungeprüft</span> {t('privacy.texts.unreviewed')}
        </p>
      )}
      <h2>{consent ? consent.title : texts.info.title}</h2>
      {consent ? (
        <>
          {consent.paragraphs.map((paragraph) => (
            <p key={paragraph}>{fill(paragraph)}</p>
          ))}
          {texts.consentFooter.map((paragraph) => (
            <p key={paragraph}>{fill(paragraph)}</p>
          ))}
        </>
      ) : (
        texts.info.sections.map((section) => (
          <section key={section.heading}>
            <h3>{section.heading}</h3>
            {section.legalBasis && (
              <p>
                {fill(publicTask ? texts.info.legalBasisPublicTask : texts.info.legalBasisConsent)}
              </p>
            )}
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph}>{fill(paragraph)}</p>
            ))}
          </section>
        ))
      )}
      <p class="hint">
        {texts.labels.version}: {texts.version}
      </p>
      {consent && (
        <div class="signature-lines" aria-hidden="true">
          <span>{texts.labels.placeDate}</span>
          <span>{texts.labels.signaturePerson}</span>
          <span>{texts.labels.interpreter}</span>
          <span>{texts.labels.signatureStaff}</span>
        </div>
      )}
    </article>
  );
}
