// The appointment form (create and edit share it): who and why, when, how and where, then the
// extras that depend on the answers (hygiene for in person, link for video, partners for a case
// conference).
import {
  appointmentModes,
  appointmentPurposes,
  initialAppointmentStatuses,
  placeKinds,
  reminderChoices,
} from '../../../shared/domain/appointment';
import { needsHygieneChecklist } from '../../../shared/domain/appointment-hygiene';
import { t } from '../../../shared/i18n/t';
import { ChipChoice } from '../../ui/chips';
import {
  CheckboxField,
  DateField,
  SelectField,
  TextAreaField,
  TextField,
  TimeField,
} from '../../ui/field';
import { optionsOf } from '../../ui/select-options';
import type { DraftForm } from '../../ui/use-draft-form';
import { ConferenceConsentCheck } from '../network/conference-consent-check';
import type { AppointmentDraft } from './appointment-draft';
import { CasePicker } from './case-picker';
import { HygieneChecklist } from './hygiene-checklist';
import { modeLabel, placeLabel, purposeLabel, reminderLabel, statusLabel } from './labels';
import { localToInstant } from './local-time';
import { PartnerChoice } from './partner-choice';

export interface AppointmentFormFieldsProps {
  /** The editor's form (use-draft-form): fields bound by key; `set` for the lists and the case. */
  form: Pick<DraftForm<AppointmentDraft>, 'field' | 'check' | 'set' | 'errors'> & {
    draft: AppointmentDraft;
  };
  hygieneItems: readonly string[];
  mode: 'create' | 'edit';
}

export function AppointmentFormFields({ form, hygieneItems, mode }: AppointmentFormFieldsProps) {
  const { field, check, set, errors, draft } = form;
  const startsAt = localToInstant(draft.date, draft.start);
  return (
    <>
      <fieldset class="group">
        <legend>{t('appointments.form.who')}</legend>
        <CasePicker
          value={draft.caseId}
          onValue={(id) => set('caseId', id)}
          error={errors.caseId}
        />
        <SelectField
          {...field('purpose')}
          label={t('appointments.form.purpose')}
          options={optionsOf(appointmentPurposes, purposeLabel)}
        />
        {!draft.caseId && (
          <>
            <TextField {...field('title')} label={t('appointments.form.title')} required />
            <TextField
              {...field('headCount')}
              type="number"
              inputMode="numeric"
              label={t('appointments.form.headCount')}
            />
          </>
        )}
      </fieldset>

      <fieldset class="group">
        <legend>{t('appointments.detail.when')}</legend>
        <DateField
          {...field('date')}
          label={t('appointments.form.date')}
          required
          // A missing date is refused as the start's error; it shows here, where it is fixed.
          error={errors.start && !draft.date ? errors.start : undefined}
        />
        <TimeField {...field('start')} label={t('appointments.form.start')} required />
        <TimeField {...field('end')} label={t('appointments.form.end')} required />
        <SelectField
          {...field('reminderMinutes')}
          label={t('appointments.form.reminder')}
          options={[
            { value: '', label: t('appointments.form.reminderNone') },
            ...reminderChoices.map((minutes) => ({
              value: String(minutes),
              label: reminderLabel(minutes),
            })),
          ]}
          allowEmpty={false}
        />
        {mode === 'create' && (
          <ChipChoice
            {...field('status')}
            legend={t('appointments.form.status')}
            options={optionsOf(initialAppointmentStatuses, statusLabel)}
          />
        )}
      </fieldset>

      <fieldset class="group">
        <legend>{t('appointments.detail.where')}</legend>
        <ChipChoice
          {...field('mode')}
          legend={t('appointments.form.mode')}
          options={optionsOf(appointmentModes, modeLabel)}
        />
        {needsHygieneChecklist(draft) && (
          <>
            <SelectField
              {...field('placeKind')}
              label={t('appointments.form.placeKind')}
              options={optionsOf(placeKinds, placeLabel)}
            />
            <TextField {...field('address')} label={t('appointments.form.address')} />
          </>
        )}
        {draft.mode === 'video' && (
          <TextField
            {...field('videoLink')}
            type="text"
            inputMode="text"
            label={t('appointments.form.videoLink')}
            hint={t('appointments.form.videoLinkHint')}
            placeholder="https://"
          />
        )}
        <CheckboxField {...check('interpreter')} label={t('appointments.form.interpreter')} />
        {draft.interpreter && (
          <TextField
            {...field('interpreterLanguage')}
            label={t('appointments.form.interpreterLanguage')}
          />
        )}
      </fieldset>

      {draft.purpose === 'case_conference' && (
        <>
          <PartnerChoice
            value={draft.participantPartnerIds}
            onValue={(ids) => set('participantPartnerIds', ids)}
            error={errors.participantPartnerIds}
          />
          {draft.caseId && (
            <ConferenceConsentCheck
              caseId={draft.caseId}
              partnerIds={draft.participantPartnerIds}
            />
          )}
        </>
      )}

      {needsHygieneChecklist(draft) && (
        <HygieneChecklist
          items={hygieneItems}
          checks={draft.hygiene}
          onChecks={(checks) => set('hygiene', checks)}
          startsAt={startsAt}
          status={draft.status}
        />
      )}

      <TextAreaField {...field('notes')} label={t('appointments.form.notes')} />
    </>
  );
}
