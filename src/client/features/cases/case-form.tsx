// The case profile form (create and edit share it). Required and everyday fields first; the rest
// folded under "Weitere Angaben" so the first screen of the form fits a phone.
import {
  genders,
  germanLevels,
  germanLevelSources,
  literacyLevels,
  messengers,
  reachChannels,
  recognitionStates,
  schoolings,
  type CaseStatus,
} from '../../../shared/domain/case';
import { t } from '../../../shared/i18n/t';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { optionsOf } from '../../ui/select-options';
import type { DraftForm } from '../../ui/use-draft-form';
import { caseStatusLabel } from './labels';
import type { CaseDraft } from './case-draft';
import { DuplicateHints } from './duplicate-hints';

export interface CaseFormFieldsProps {
  /** The page's form (use-draft-form): every field is bound by its key. */
  form: Pick<DraftForm<CaseDraft>, 'field' | 'check' | 'errors'> & { draft: CaseDraft };
  mode: 'create' | 'edit';
  today: string;
}

const initialStatuses: readonly CaseStatus[] = ['inquiry', 'intake', 'active'];
const firstFields = new Set([
  'givenName',
  'familyName',
  'otherNames',
  'birthDate',
  'status',
  'phone',
  '_record',
]);

export function CaseFormFields({ form, mode, today }: CaseFormFieldsProps) {
  const { field, check, errors, draft } = form;
  const text = (key: 'countryOfOrigin' | 'languages' | 'shelter' | 'interpreterLanguage') => (
    <TextField {...field(key)} label={t(`cases.fields.${key}`)} />
  );
  const area = (key: 'address' | 'workHistory' | 'skills' | 'resources' | 'lifeWorldNotes') => (
    <TextAreaField {...field(key)} label={t(`cases.fields.${key}`)} />
  );
  // A refused field inside the folded part must be visible, or focus cannot reach it.
  const moreHasError = Object.keys(errors).some((key) => !firstFields.has(key));
  return (
    <>
      <fieldset class="group">
        <legend>{t('cases.form.person')}</legend>
        <TextField {...field('givenName')} label={t('cases.fields.givenName')} required />
        <TextField {...field('familyName')} label={t('cases.fields.familyName')} required />
        <TextField
          {...field('otherNames')}
          label={t('cases.fields.otherNames')}
          hint={t('cases.form.otherNamesHint')}
        />
        <DateField {...field('birthDate')} label={t('cases.fields.birthDate')} max={today} />
        {mode === 'create' && <DuplicateHints draft={draft} today={today} />}
        {mode === 'create' && (
          <SelectField
            {...field('status')}
            label={t('cases.fields.status')}
            allowEmpty={false}
            options={optionsOf(initialStatuses, caseStatusLabel)}
          />
        )}
        <TextField {...field('phone')} type="tel" inputMode="tel" label={t('cases.fields.phone')} />
      </fieldset>

      <details class="more" open={mode === 'edit' || moreHasError}>
        <summary>{t('cases.form.moreFields')}</summary>
        <fieldset class="group">
          <legend>{t('cases.form.person')}</legend>
          <SelectField
            {...field('gender')}
            label={t('cases.fields.gender')}
            options={optionsOf(genders, (g) => t(`cases.gender.${g}`))}
          />
          {text('countryOfOrigin')}
          <SelectField
            {...field('reachedVia')}
            label={t('cases.fields.reachedVia')}
            options={optionsOf(reachChannels, (r) => t(`cases.reachedVia.${r}`))}
          />
        </fieldset>
        <fieldset class="group">
          <legend>{t('cases.form.language')}</legend>
          {text('languages')}
          <SelectField
            {...field('germanLevel')}
            label={t('cases.fields.germanLevel')}
            options={optionsOf(germanLevels, (l) => t(`cases.germanLevel.${l}`))}
          />
          <SelectField
            {...field('germanLevelSource')}
            label={t('cases.fields.germanLevelSource')}
            options={optionsOf(germanLevelSources, (s) => t(`cases.germanLevelSource.${s}`))}
          />
          <SelectField
            {...field('literacy')}
            label={t('cases.fields.literacy')}
            options={optionsOf(literacyLevels, (l) => t(`cases.literacy.${l}`))}
          />
          <CheckboxField
            {...check('interpreterNeeded')}
            label={t('cases.fields.interpreterNeeded')}
          />
          {draft.interpreterNeeded && text('interpreterLanguage')}
        </fieldset>
        <fieldset class="group">
          <legend>{t('cases.form.contact')}</legend>
          <SelectField
            {...field('messenger')}
            label={t('cases.fields.messenger')}
            options={optionsOf(messengers, (m) => t(`cases.messenger.${m}`))}
          />
          <TextField
            {...field('email')}
            type="email"
            inputMode="email"
            label={t('cases.fields.email')}
          />
          {text('shelter')}
          {area('address')}
        </fieldset>
        <fieldset class="group">
          <legend>{t('cases.form.background')}</legend>
          <SelectField
            {...field('schooling')}
            label={t('cases.fields.schooling')}
            options={optionsOf(schoolings, (s) => t(`cases.schooling.${s}`))}
          />
          <SelectField
            {...field('schoolingRecognition')}
            label={t('cases.fields.schoolingRecognition')}
            options={optionsOf(recognitionStates, (s) => t(`cases.recognition.${s}`))}
          />
          {area('workHistory')}
          {area('skills')}
        </fieldset>
        <fieldset class="group">
          <legend>{t('cases.form.notes')}</legend>
          {area('resources')}
          {area('lifeWorldNotes')}
        </fieldset>
      </details>
    </>
  );
}
