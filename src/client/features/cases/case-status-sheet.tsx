// Changing the case status: only the transitions the shared rules allow are offered; closing asks
// for a reason (and a note when the reason is "other") before anything is written.
import { useRef, useState } from 'preact/hooks';
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
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { ChipChoice } from '../../ui/chips';
import { SelectField, TextAreaField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { optionsOf } from '../../ui/select-options';
import { Sheet } from '../../ui/sheet';
import { showToast } from '../../ui/toast';
import { useFocusFirstError } from '../../ui/use-focus-first-error';
import { caseStatusLabel, closingReasonLabel } from './labels';

export interface CaseStatusSheetProps {
  record: Case;
  open: boolean;
  onClose(): void;
}

export function CaseStatusSheet({ record, open, onClose }: CaseStatusSheetProps) {
  const db = useDb();
  const targets = allowedCaseTransitions(record.status);
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [reason, setReason] = useState<ClosingReason | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);

  const close = () => {
    setTo('');
    setReason('');
    setNote('');
    setErrors({});
    setMessage(null);
    onClose();
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!to) return setErrors({ to: t('cases.statusSheet.chooseStatus') });
    const closing = to === 'closed' && reason ? { reason, note: note.trim() || null } : undefined;
    const change = caseStatusChange(record, to, toLocalDate(new Date()), closing);
    if (!change.ok) {
      return setErrors(to === 'closed' ? { closingReason: change.reason } : { to: change.reason });
    }
    const result = await putRecord(db, 'cases', record.id, change.fields);
    if (!result.ok) {
      setMessage(result.message);
      // A rule about the closing note (reason "other") belongs under the note field.
      const errs: Record<string, string> = { ...result.errors };
      if (errs._record && to === 'closed')
        errs[reason === 'other' ? 'closingNote' : 'closingReason'] = errs._record;
      return setErrors(errs);
    }
    showToast(t('common.form.saved'));
    close();
  };

  return (
    <Sheet
      open={open}
      title={to === 'closed' ? t('cases.statusSheet.closeTitle') : t('cases.statusSheet.title')}
      onClose={close}
    >
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert message={message} />
        <ChipChoice
          legend={t('cases.statusSheet.moveTo')}
          name="caseStatus"
          value={to}
          options={optionsOf(targets, caseStatusLabel)}
          error={errors.to}
          onValue={(value) => {
            setTo(value as CaseStatus);
            setErrors({});
          }}
        />
        {to === 'closed' && (
          <>
            <p class="hint">{t('cases.statusSheet.reasonHint')}</p>
            <SelectField
              name="closingReason"
              label={t('cases.fields.closingReason')}
              required
              options={optionsOf(closingReasons, closingReasonLabel)}
              value={reason}
              error={errors.closingReason}
              onValue={(value) => setReason(value as ClosingReason | '')}
            />
            <TextAreaField
              name="closingNote"
              label={t('cases.fields.closingNote')}
              required={reason === 'other'}
              value={note}
              error={errors.closingNote}
              onValue={setNote}
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
