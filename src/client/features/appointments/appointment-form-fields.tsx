// The appointment form (create and edit share it): who and why, when, how and where, then the
// extras that depend on the answers (hygiene for in person, link for video, partners for a case
// conference).
import type { FieldErrors } from '../../../local/record-errors';
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
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { optionsOf } from '../../ui/select-options';
import { ConferenceConsentCheck } from '../network/conference-consent-check';
import type { AppointmentDraft } from './appointment-draft';
import { CasePicker } from './case-picker';
import { HygieneChecklist } from './hygiene-checklist';
import { modeLabel, placeLabel, purposeLabel, reminderLabel, statusLabel } from './labels';
import { localToInstant } from './local-time';
import { PartnerChoice } from './partner-choice';
import { TimeField } from './time-field';

export interface AppointmentFormFieldsProps {
  draft: AppointmentDraft;
  errors: FieldErrors;
  set<K extends keyof AppointmentDraft>(key: K, value: AppointmentDraft[K]): void;
  hygieneItems: readonly string[];
  mode: 'create' | 'edit';
}

export function AppointmentFormFields({
  draft,
  errors,
  set,
  hygieneItems,
  mode,
}: AppointmentFormFieldsProps) {
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
          name="purpose"
          label={t('appointments.form.purpose')}
          value={draft.purpose}
          options={optionsOf(appointmentPurposes, purposeLabel)}
          error={errors.purpose}
          onValue={(value) => set('purpose', value as AppointmentDraft['purpose'])}
        />
        {!draft.caseId && (
          <>
            <TextField
              name="title"
              label={t('appointments.form.title')}
              required
              value={draft.title}
              error={errors.title}
              onValue={(value) => set('title', value)}
            />
            <TextField
              name="headCount"
              type="number"
              inputMode="numeric"
              label={t('appointments.form.headCount')}
              value={draft.headCount}
              error={errors.headCount}
              onValue={(value) => set('headCount', value)}
            />
          </>
        )}
      </fieldset>

      <fieldset class="group">
        <legend>{t('appointments.detail.when')}</legend>
        <DateField
          name="date"
          label={t('appointments.form.date')}
          required
          value={draft.date}
          error={errors.start && !draft.date ? errors.start : undefined}
          onValue={(value) => set('date', value)}
        />
        <TimeField
          name="start"
          label={t('appointments.form.start')}
          required
          value={draft.start}
          error={errors.start}
          onValue={(value) => set('start', value)}
        />
        <TimeField
          name="end"
          label={t('appointments.form.end')}
          required
          value={draft.end}
          error={errors.end}
          onValue={(value) => set('end', value)}
        />
        <SelectField
          name="reminderMinutes"
          label={t('appointments.form.reminder')}
          value={draft.reminderMinutes}
          options={[
            { value: '', label: t('appointments.form.reminderNone') },
            ...reminderChoices.map((minutes) => ({
              value: String(minutes),
              label: reminderLabel(minutes),
            })),
          ]}
          allowEmpty={false}
          error={errors.reminderMinutes}
          onValue={(value) => set('reminderMinutes', value)}
        />
        {mode === 'create' && (
          <ChipChoice
            legend={t('appointments.form.status')}
            name="status"
            value={draft.status}
            options={optionsOf(initialAppointmentStatuses, statusLabel)}
            onValue={(value) => set('status', value as AppointmentDraft['status'])}
            error={errors.status}
          />
        )}
      </fieldset>

      <fieldset class="group">
        <legend>{t('appointments.detail.where')}</legend>
        <ChipChoice
          legend={t('appointments.form.mode')}
          name="mode"
          value={draft.mode}
          options={optionsOf(appointmentModes, modeLabel)}
          onValue={(value) => set('mode', value as AppointmentDraft['mode'])}
          error={errors.mode}
        />
        {needsHygieneChecklist(draft) && (
          <>
            <SelectField
              name="placeKind"
              label={t('appointments.form.placeKind')}
              value={draft.placeKind}
              options={optionsOf(placeKinds, placeLabel)}
              error={errors.placeKind}
              onValue={(value) => set('placeKind', value as AppointmentDraft['placeKind'])}
            />
            <TextField
              name="address"
              label={t('appointments.form.address')}
              value={draft.address}
              error={errors.address}
              onValue={(value) => set('address', value)}
            />
          </>
        )}
        {draft.mode === 'video' && (
          <TextField
            name="videoLink"
            type="text"
            inputMode="text"
            label={t('appointments.form.videoLink')}
            hint={t('appointments.form.videoLinkHint')}
            placeholder="https://"
            value={draft.videoLink}
            error={errors.videoLink}
            onValue={(value) => set('videoLink', value)}
          />
        )}
        <CheckboxField
          name="interpreter"
          label={t('appointments.form.interpreter')}
          checked={draft.interpreter}
          onValue={(value) => set('interpreter', value)}
        />
        {draft.interpreter && (
          <TextField
            name="interpreterLanguage"
            label={t('appointments.form.interpreterLanguage')}
            value={draft.interpreterLanguage}
            error={errors.interpreterLanguage}
            onValue={(value) => set('interpreterLanguage', value)}
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

      <TextAreaField
        name="notes"
        label={t('appointments.form.notes')}
        value={draft.notes}
        error={errors.notes}
        onValue={(value) => set('notes', value)}
      />
    </>
  );
}
