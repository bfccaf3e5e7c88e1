// "/faelle/:caseId/einwilligungen/neu[?zweck=&partner=&vermittlung=]": record a consent. Coming from
// the consent gate, purpose and partner are filled in and saving returns to the referral.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../../shared/i18n/t';
import { toLocalDate } from '../../../shared/domain/common';
import { comparePartners } from '../../../shared/domain/partner';
import {
  consentForms,
  consentPurposes,
  DEFAULT_SHARED_DATA,
  sharedDataKinds,
  type Consent,
  type SharedDataKind,
} from '../../../shared/domain/consent';
import { createRecord } from '../../../local/write-record';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../state/page-title';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { ChipChoice } from '../../ui/chips';
import { optionsOf } from '../../ui/select-options';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { useDraftForm } from '../../ui/use-draft-form';
import { consentFormLabel, purposeLabel, sharedDataLabel } from './network-labels';
import { textOrNull } from '../../ui/form-values';
import { TeamDetailsWarning } from '../privacy/team-details-warning';
import {
  isPersonTextLanguage,
  personTextLanguageNames,
  personTextLanguages,
} from '../../../shared/texts/person-texts';

/** The languages of the texts by name ("Deutsch", not "de"); a language typed by an older app stays. */
function formLanguageOptions(current: string): { value: string; label: string }[] {
  const options = personTextLanguages.map((code) => ({
    value: code,
    label: personTextLanguageNames[code],
  }));
  return current && !isPersonTextLanguage(current)
    ? [...options, { value: current, label: current }]
    : options;
}

export function ConsentForm({ caseId }: { caseId: string }) {
  const db = useDb();
  const { route, query } = useLocation();
  const backHref = query.vermittlung
    ? `/faelle/${caseId}/vermittlungen/${query.vermittlung}`
    : `/faelle/${caseId}`;
  usePageTitle(t('network.consent.newTitle'), backHref);
  const partners = useLiveQuery(
    async () => (await db.partners.toArray()).sort(comparePartners),
    [db],
  );
  const {
    draft: values,
    field,
    message,
    formProps,
  } = useDraftForm({
    initial: {
      purpose: consentPurposes.includes(query.zweck as never) ? query.zweck! : 'share_with_partner',
      partnerId: query.partner ?? '',
      givenOn: toLocalDate(new Date()),
      validUntil: '',
      // Prefilled when the THM comes from the texts shown to the person (issue 12).
      formLanguage: query.sprache ?? '',
      textVersion: query.version ?? '',
      interpreter: '',
      howGiven: 'written',
      note: '',
    },
    save: (values) => {
      const sharing = values.purpose === 'share_with_partner';
      const namesPartner = sharing || values.purpose === 'case_conference';
      return createRecord(db, 'consents', {
        caseId,
        purpose: values.purpose as Consent['purpose'],
        partnerId: namesPartner ? textOrNull(values.partnerId) : null,
        givenOn: values.givenOn,
        validUntil: textOrNull(values.validUntil),
        formLanguage: textOrNull(values.formLanguage),
        textVersion: textOrNull(values.textVersion),
        interpreter: textOrNull(values.interpreter),
        howGiven: (textOrNull(values.howGiven) as Consent['howGiven']) ?? null,
        sharedData: sharing ? shared : null,
        note: textOrNull(values.note),
      });
    },
    onSaved: () => route(backHref),
  });
  const [shared, setShared] = useState<SharedDataKind[]>([...DEFAULT_SHARED_DATA]);
  // A select keeps its preset value only if its options exist on first render.
  if (!partners) return null;
  const names = partners.map((p) => ({ value: p.id, label: p.name }));
  const sharing = values.purpose === 'share_with_partner';
  const namesPartner = sharing || values.purpose === 'case_conference';

  return (
    <form class="form" {...formProps}>
      <FormAlert message={message} />
      <TeamDetailsWarning />
      <SelectField
        {...field('purpose')}
        label={t('network.consent.purpose')}
        required
        options={optionsOf(consentPurposes, purposeLabel)}
        allowEmpty={false}
      />
      {namesPartner && (
        <SelectField
          {...field('partnerId')}
          label={t('network.consent.partner')}
          required={sharing}
          options={
            sharing ? names : [{ value: '', label: t('network.consent.partnerAny') }, ...names]
          }
          allowEmpty={sharing}
        />
      )}
      {sharing && (
        <fieldset class="checks">
          <legend>{t('network.consent.sharedData')}</legend>
          {sharedDataKinds.map((kind) => (
            <CheckboxField
              key={kind}
              name={`shared-${kind}`}
              label={sharedDataLabel(kind)}
              checked={shared.includes(kind)}
              onValue={(on) =>
                setShared((current) =>
                  on
                    ? sharedDataKinds.filter((k) => k === kind || current.includes(k))
                    : current.filter((k) => k !== kind),
                )
              }
            />
          ))}
        </fieldset>
      )}
      <DateField {...field('givenOn')} label={t('network.consent.givenOn')} required />
      <DateField {...field('validUntil')} label={t('network.consent.validUntil')} />
      <ChipChoice
        legend={t('network.consent.howGiven')}
        {...field('howGiven')}
        options={optionsOf(consentForms, consentFormLabel)}
      />
      <SelectField
        {...field('formLanguage')}
        label={t('network.consent.formLanguage')}
        allowEmpty
        options={formLanguageOptions(values.formLanguage)}
      />
      <TextField {...field('textVersion')} label={t('network.consent.textVersion')} />
      <TextField {...field('interpreter')} label={t('network.consent.interpreter')} />
      <TextAreaField {...field('note')} label={t('network.consent.note')} />
      <Button type="submit" variant="primary" block>
        {t('common.actions.save')}
      </Button>
    </form>
  );
}
