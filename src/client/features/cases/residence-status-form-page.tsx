// Add or edit a residence status. A valid-until date brings its expiry task along (same
// transaction, see local/save-residence-status.ts).
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { saveResidenceStatus } from '../../../local/save-residence-status';
import {
  evidenceKinds,
  residenceKinds,
  workPermissions,
  type ResidenceStatus,
} from '../../../shared/domain/residence-status';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { ChipChoice } from '../../ui/chips';
import { DateField, SelectField, TextAreaField, TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { usePageTitle } from '../../ui/page-title';
import { optionsOf } from '../../ui/select-options';
import { showToast } from '../../ui/toast';
import { useFormFeedback } from '../../ui/use-form-feedback';
import { residenceKindLabel } from './labels';

const keys = [
  'kind',
  'basis',
  'issuedOn',
  'validUntil',
  'workPermission',
  'authority',
  'evidence',
  'note',
] as const;
type Draft = Record<(typeof keys)[number], string>;

function toDraft(status?: ResidenceStatus): Draft {
  return Object.fromEntries(keys.map((key) => [key, status?.[key] ?? ''])) as Draft;
}

export function ResidenceStatusFormPage({
  id: caseId,
  statusId,
}: {
  id: string;
  statusId?: string;
}) {
  const editing = statusId !== undefined && statusId !== 'neu';
  usePageTitle(
    editing ? t('cases.residence.title') : t('cases.residence.addTitle'),
    `/faelle/${caseId}`,
  );
  const db = useDb();
  const { route } = useLocation();
  const [draft, setDraft] = useState<Draft | null>(editing ? null : toDraft());
  const { errors, setErrors, message, setMessage, form } = useFormFeedback();

  useEffect(() => {
    if (editing) void db.statuses.get(statusId).then((status) => setDraft(toDraft(status)));
  }, [db, statusId]);

  if (!draft) return <p class="hint">{t('cases.list.loading')}</p>;
  const set = (key: keyof Draft) => (value: string) =>
    setDraft((current) => current && { ...current, [key]: value });

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const empty = editing ? null : undefined;
    const fields = Object.fromEntries(keys.map((key) => [key, draft[key].trim() || empty]));
    const result = await saveResidenceStatus(
      db,
      { ...fields, caseId },
      editing ? statusId : undefined,
    );
    if (!result.ok) {
      setMessage(result.message);
      const errs = { ...result.errors };
      // The date-order rule comes back for the record; show it at the date it is about.
      if (errs._record && draft.validUntil) errs.validUntil = errs._record;
      return setErrors(errs);
    }
    showToast(t('common.form.saved'));
    route(`/faelle/${caseId}`, true);
  };

  return (
    <form ref={form} onSubmit={onSubmit} noValidate>
      <FormAlert message={message} />
      <SelectField
        name="kind"
        label={t('cases.residence.kind')}
        required
        options={optionsOf(residenceKinds, residenceKindLabel)}
        value={draft.kind}
        error={errors.kind}
        onValue={set('kind')}
      />
      <TextField
        name="basis"
        label={t('cases.residence.basis')}
        value={draft.basis}
        error={errors.basis}
        onValue={set('basis')}
      />
      <DateField
        name="issuedOn"
        label={t('cases.residence.issuedOn')}
        value={draft.issuedOn}
        error={errors.issuedOn}
        onValue={set('issuedOn')}
      />
      <DateField
        name="validUntil"
        label={t('cases.residence.validUntil')}
        hint={t('cases.residence.validUntilHint')}
        value={draft.validUntil}
        error={errors.validUntil}
        onValue={set('validUntil')}
      />
      <SelectField
        name="workPermission"
        label={t('cases.residence.workPermission')}
        options={optionsOf(workPermissions, (w) => t(`cases.workPermission.${w}`))}
        value={draft.workPermission}
        error={errors.workPermission}
        onValue={set('workPermission')}
      />
      <ChipChoice
        legend={t('cases.residence.evidence')}
        name="evidence"
        options={optionsOf(evidenceKinds, (e) => t(`cases.evidence.${e}`))}
        value={draft.evidence}
        error={errors.evidence}
        onValue={set('evidence')}
      />
      <TextField
        name="authority"
        label={t('cases.residence.authority')}
        value={draft.authority}
        error={errors.authority}
        onValue={set('authority')}
      />
      <TextAreaField
        name="note"
        label={t('cases.residence.note')}
        value={draft.note}
        error={errors.note}
        onValue={set('note')}
      />
      <p class="hint">{t('cases.residence.disclaimer')}</p>
      <div class="form-actions">
        <Button type="submit" variant="primary" block>
          {t('common.actions.save')}
        </Button>
        <a class="button button--ghost button--block" href={`/faelle/${caseId}`}>
          {t('common.actions.cancel')}
        </a>
      </div>
    </form>
  );
}
