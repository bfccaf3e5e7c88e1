// The case profile form (create and edit share it). Required and everyday fields first; the rest
// folded under "Weitere Angaben" so the first screen of the form fits a phone.
import type { FieldErrors } from '../../../local/record-errors';
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
import { caseStatusLabel } from './labels';
import type { CaseDraft } from './case-draft';
import { DuplicateHints } from './duplicate-hints';

export interface CaseFormFieldsProps {
  draft: CaseDraft;
  errors: FieldErrors;
  set<K extends keyof CaseDraft>(key: K, value: CaseDraft[K]): void;
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

export function CaseFormFields({ draft, errors, set, mode, today }: CaseFormFieldsProps) {
  const text = (key: 'countryOfOrigin' | 'languages' | 'shelter' | 'interpreterLanguage') => (
    <TextField
      name={key}
      label={t(`cases.fields.${key}`)}
      value={draft[key]}
      error={errors[key]}
      onValue={(value) => set(key, value)}
    />
  );
  const area = (key: 'address' | 'workHistory' | 'skills' | 'resources' | 'lifeWorldNotes') => (
    <TextAreaField
      name={key}
      label={t(`cases.fields.${key}`)}
      value={draft[key]}
      error={errors[key]}
      onValue={(value) => set(key, value)}
    />
  );
  // A refused field inside the folded part must be visible, or focus cannot reach it.
  const moreHasError = Object.keys(errors).some((key) => !firstFields.has(key));
  return (
    <>
      <fieldset class="group">
        <legend>{t('cases.form.person')}</legend>
        <TextField
          name="givenName"
          label={t('cases.fields.givenName')}
          required
          autoComplete="off"
          value={draft.givenName}
          error={errors.givenName}
          onValue={(value) => set('givenName', value)}
        />
        <TextField
          name="familyName"
          label={t('cases.fields.familyName')}
          required
          value={draft.familyName}
          error={errors.familyName}
          onValue={(value) => set('familyName', value)}
        />
        <TextField
          name="otherNames"
          label={t('cases.fields.otherNames')}
          hint={t('cases.fields.otherNamesHint')}
          value={draft.otherNames}
          error={errors.otherNames}
          onValue={(value) => set('otherNames', value)}
        />
        <DateField
          name="birthDate"
          label={t('cases.fields.birthDate')}
          max={today}
          value={draft.birthDate}
          error={errors.birthDate}
          onValue={(value) => set('birthDate', value)}
        />
        {mode === 'create' && <DuplicateHints draft={draft} today={today} />}
        {mode === 'create' && (
          <SelectField
            name="status"
            label={t('cases.fields.status')}
            allowEmpty={false}
            options={optionsOf(initialStatuses, caseStatusLabel)}
            value={draft.status}
            error={errors.status}
            onValue={(value) => set('status', value)}
          />
        )}
        <TextField
          name="phone"
          type="tel"
          inputMode="tel"
          label={t('cases.fields.phone')}
          value={draft.phone}
          error={errors.phone}
          onValue={(value) => set('phone', value)}
        />
      </fieldset>

      <details class="more" open={mode === 'edit' || moreHasError}>
        <summary>{t('cases.form.moreFields')}</summary>
        <fieldset class="group">
          <legend>{t('cases.form.person')}</legend>
          <SelectField
            name="gender"
            label={t('cases.fields.gender')}
            options={optionsOf(genders, (g) => t(`cases.gender.${g}`))}
            value={draft.gender}
            error={errors.gender}
            onValue={(value) => set('gender', value)}
          />
          {text('countryOfOrigin')}
          <SelectField
            name="reachedVia"
            label={t('cases.fields.reachedVia')}
            options={optionsOf(reachChannels, (r) => t(`cases.reachedVia.${r}`))}
            value={draft.reachedVia}
            error={errors.reachedVia}
            onValue={(value) => set('reachedVia', value)}
          />
        </fieldset>
        <fieldset class="group">
          <legend>{t('cases.form.language')}</legend>
          {text('languages')}
          <SelectField
            name="germanLevel"
            label={t('cases.fields.germanLevel')}
            options={optionsOf(germanLevels, (l) => t(`cases.germanLevel.${l}`))}
            value={draft.germanLevel}
            error={errors.germanLevel}
            onValue={(value) => set('germanLevel', value)}
          />
          <SelectField
            name="germanLevelSource"
            label={t('cases.fields.germanLevelSource')}
            options={optionsOf(germanLevelSources, (s) => t(`cases.germanLevelSource.${s}`))}
            value={draft.germanLevelSource}
            error={errors.germanLevelSource}
            onValue={(value) => set('germanLevelSource', value)}
          />
          <SelectField
            name="literacy"
            label={t('cases.fields.literacy')}
            options={optionsOf(literacyLevels, (l) => t(`cases.literacy.${l}`))}
            value={draft.literacy}
            error={errors.literacy}
            onValue={(value) => set('literacy', value)}
          />
          <CheckboxField
            name="interpreterNeeded"
            label={t('cases.fields.interpreterNeeded')}
            checked={draft.interpreterNeeded}
            error={errors.interpreterNeeded}
            onValue={(value) => set('interpreterNeeded', value)}
          />
          {draft.interpreterNeeded && text('interpreterLanguage')}
        </fieldset>
        <fieldset class="group">
          <legend>{t('cases.form.contact')}</legend>
          <SelectField
            name="messenger"
            label={t('cases.fields.messenger')}
            options={optionsOf(messengers, (m) => t(`cases.messenger.${m}`))}
            value={draft.messenger}
            error={errors.messenger}
            onValue={(value) => set('messenger', value)}
          />
          <TextField
            name="email"
            type="email"
            inputMode="email"
            label={t('cases.fields.email')}
            value={draft.email}
            error={errors.email}
            onValue={(value) => set('email', value)}
          />
          {text('shelter')}
          {area('address')}
        </fieldset>
        <fieldset class="group">
          <legend>{t('cases.form.background')}</legend>
          <SelectField
            name="schooling"
            label={t('cases.fields.schooling')}
            options={optionsOf(schoolings, (s) => t(`cases.schooling.${s}`))}
            value={draft.schooling}
            error={errors.schooling}
            onValue={(value) => set('schooling', value)}
          />
          <SelectField
            name="schoolingRecognition"
            label={t('cases.fields.schoolingRecognition')}
            options={optionsOf(recognitionStates, (s) => t(`cases.recognition.${s}`))}
            value={draft.schoolingRecognition}
            error={errors.schoolingRecognition}
            onValue={(value) => set('schoolingRecognition', value)}
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
