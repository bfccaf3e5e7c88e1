// "/faelle/:caseId/einwilligungen/neu[?zweck=&partner=&vermittlung=]": record a consent. Coming from
// the consent gate, purpose and partner are filled in and saving returns to the referral.
import { useRef, useState } from 'preact/hooks';
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
import type { FieldErrors } from '../../../local/record-errors';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePageTitle } from '../../ui/page-title';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { ChipChoice } from '../../ui/chips';
import { optionsOf } from '../../ui/select-options';
import { Button } from '../../ui/button';
import { FormAlert } from '../../ui/form-alert';
import { showToast } from '../../ui/toast';
import { useFocusFirstError } from '../../ui/use-focus-first-error';
import { consentFormLabel, purposeLabel, sharedDataLabel } from './network-labels';
import { textOrNull } from './form-values';

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
  const [values, setValues] = useState({
    purpose: consentPurposes.includes(query.zweck as never) ? query.zweck! : 'share_with_partner',
    partnerId: query.partner ?? '',
    givenOn: toLocalDate(new Date()),
    validUntil: '',
    formLanguage: '',
    textVersion: '',
    interpreter: '',
    howGiven: 'written',
    note: '',
  });
  const [shared, setShared] = useState<SharedDataKind[]>([...DEFAULT_SHARED_DATA]);
  const [errors, setErrors] = useState<FieldErrors | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);
  const set = (key: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }));
  // A select keeps its preset value only if its options exist on first render.
  if (!partners) return null;
  const names = partners.map((p) => ({ value: p.id, label: p.name }));
  const sharing = values.purpose === 'share_with_partner';
  const namesPartner = sharing || values.purpose === 'case_conference';

  const save = async (event: Event) => {
    event.preventDefault();
    const result = await createRecord(db, 'consents', {
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
    if (!result.ok) {
      setMessage(result.message);
      return setErrors(result.errors);
    }
    showToast(t('common.form.saved'));
    route(backHref);
  };

  return (
    <form class="form" ref={form} onSubmit={save} noValidate>
      <FormAlert message={message} />
      <SelectField
        name="purpose"
        label={t('network.consent.purpose')}
        required
        value={values.purpose}
        onValue={set('purpose')}
        options={optionsOf(consentPurposes, purposeLabel)}
        allowEmpty={false}
        error={errors?.purpose}
      />
      {namesPartner && (
        <SelectField
          name="partnerId"
          label={t('network.consent.partner')}
          required={sharing}
          value={values.partnerId}
          onValue={set('partnerId')}
          options={
            sharing ? names : [{ value: '', label: t('network.consent.partnerAny') }, ...names]
          }
          allowEmpty={sharing}
          error={errors?.partnerId}
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
      <DateField
        name="givenOn"
        label={t('network.consent.givenOn')}
        required
        value={values.givenOn}
        onValue={set('givenOn')}
        error={errors?.givenOn}
      />
      <DateField
        name="validUntil"
        label={t('network.consent.validUntil')}
        value={values.validUntil}
        onValue={set('validUntil')}
        error={errors?.validUntil}
      />
      <ChipChoice
        legend={t('network.consent.howGiven')}
        name="howGiven"
        value={values.howGiven}
        options={optionsOf(consentForms, consentFormLabel)}
        onValue={set('howGiven')}
        error={errors?.howGiven}
      />
      <TextField
        name="formLanguage"
        label={t('network.consent.formLanguage')}
        value={values.formLanguage}
        onValue={set('formLanguage')}
        error={errors?.formLanguage}
      />
      <TextField
        name="textVersion"
        label={t('network.consent.textVersion')}
        value={values.textVersion}
        onValue={set('textVersion')}
        error={errors?.textVersion}
      />
      <TextField
        name="interpreter"
        label={t('network.consent.interpreter')}
        value={values.interpreter}
        onValue={set('interpreter')}
        error={errors?.interpreter}
      />
      <TextAreaField
        name="note"
        label={t('network.consent.note')}
        value={values.note}
        onValue={set('note')}
        error={errors?.note}
      />
      <Button type="submit" variant="primary" block>
        {t('common.actions.save')}
      </Button>
    </form>
  );
}
