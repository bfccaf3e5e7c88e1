// Changing the case status: only the transitions the shared rules allow are offered; closing asks
// for a reason (and a note when the reason is "other") before anything is written.
import { putRecord } from '../../../local/write-record';
import {
  allowedCaseTransitions,
  caseStatusChange,
  closingReasons,
  type Case,
  type CaseStatus,
  type ClosingReason,
} from '../../../shared/domain/case';
import { toLocalDate } from '../../../shared/domain/common';
import { teamSettingsOf } from '../../../shared/domain/team-settings';
import { t } from '../../../shared/i18n/t';
import { renderMessage } from '../../../shared/i18n/message';
import { useDb, useSession } from '../../state/session';
import { Button } from '../../ui/button';
import { ChipChoice } from '../../ui/chips';
import { SelectField, TextAreaField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { optionsOf } from '../../ui/select-options';
import { Sheet } from '../../ui/sheet';
import { refused, useDraftForm } from '../../ui/use-draft-form';
import { caseStatusLabel, closingReasonLabel } from './labels';

export interface CaseStatusSheetProps {
  record: Case;
  open: boolean;
  onClose(): void;
}

export function CaseStatusSheet({ record, open, onClose }: CaseStatusSheetProps) {
  const db = useDb();
  const targets = allowedCaseTransitions(record.status);
  const { draft, field, set, reset, message, formProps } = useDraftForm({
    initial: { to: '', closingReason: '', closingNote: '' },
    save: async ({ to, closingReason: reason, closingNote: note }) => {
      if (!to) return refused(null, { to: t('cases.statusSheet.chooseStatus') });
      const closing =
        to === 'closed' && reason
          ? { reason: reason as ClosingReason, note: note.trim() || null }
          : undefined;
      const change = caseStatusChange(
        record,
        to as CaseStatus,
        toLocalDate(new Date()),
        closing,
        teamSettingsOf(useSession.getState().user?.team).retentionYears,
      );
      if (!change.ok) {
        return refused(
          null,
          to === 'closed'
            ? { closingReason: renderMessage(change.reason) }
            : { to: renderMessage(change.reason) },
        );
      }
      return putRecord(db, 'cases', record.id, change.fields);
    },
    onSaved: () => close(),
    // A rule about the closing note (reason "other") belongs under the note field.
    errorField: (key, { to, closingReason }) =>
      key === '_record' && to === 'closed'
        ? closingReason === 'other'
          ? 'closingNote'
          : 'closingReason'
        : key,
  });
  const close = () => {
    reset();
    onClose();
  };
  const to = draft.to;

  return (
    <Sheet
      open={open}
      title={to === 'closed' ? t('cases.statusSheet.closeTitle') : t('cases.statusSheet.title')}
      onClose={close}
    >
      <form {...formProps}>
        <FormAlert message={message} />
        <ChipChoice
          legend={t('cases.statusSheet.moveTo')}
          name="caseStatus"
          value={to}
          options={optionsOf(targets, caseStatusLabel)}
          error={field('to').error}
          onValue={(value) => set('to', value)}
        />
        {to === 'closed' && (
          <>
            <p class="hint">{t('cases.statusSheet.reasonHint')}</p>
            <SelectField
              {...field('closingReason')}
              label={t('cases.fields.closingReason')}
              required
              options={optionsOf(closingReasons, closingReasonLabel)}
            />
            <TextAreaField
              {...field('closingNote')}
              label={t('cases.fields.closingNote')}
              required={draft.closingReason === 'other'}
            />
          </>
        )}
        <Button type="submit" variant={to === 'closed' ? 'danger' : 'primary'} block>
          {to === 'closed' ? t('cases.statusSheet.confirmClose') : t('cases.statusSheet.apply')}
        </Button>
      </form>
    </Sheet>
  );
}
