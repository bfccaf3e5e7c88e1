// Add or edit a residence status. A valid-until date brings its expiry task along (same
// transaction, see local/save-residence-status.ts).
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
import { usePageTitle } from '../../state/page-title';
import { optionsOf } from '../../ui/select-options';
import { useDraftForm } from '../../ui/use-draft-form';
import { useLiveQuery } from '../../ui/use-live-query';
import { textOrAbsent } from '../../ui/form-values';
import { residenceKindLabel } from './labels';
import { LinkedDocuments } from '../documents/linked-documents';

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
  const stored = useLiveQuery(
    async () => (editing ? ((await db.statuses.get(statusId)) ?? null) : null),
    [db, statusId],
  );
  const { draft, field, formProps, message } = useDraftForm({
    initial: stored === undefined ? undefined : toDraft(stored ?? undefined),
    save: (draft) =>
      saveResidenceStatus(
        db,
        {
          ...Object.fromEntries(keys.map((key) => [key, textOrAbsent(draft[key], editing)])),
          caseId,
        },
        editing ? statusId : undefined,
      ),
    onSaved: () => route(`/faelle/${caseId}`, true),
    // The date-order rule comes back for the record; show it at the date it is about.
    errorField: (key, draft) => (key === '_record' && draft.validUntil ? 'validUntil' : key),
  });

  if (!draft) return <p class="hint">{t('cases.list.loading')}</p>;

  return (
    <>
      <form {...formProps}>
        <FormAlert message={message} />
        <SelectField
          {...field('kind')}
          label={t('cases.residence.kind')}
          required
          options={optionsOf(residenceKinds, residenceKindLabel)}
        />
        <TextField {...field('basis')} label={t('cases.residence.basis')} />
        <DateField {...field('issuedOn')} label={t('cases.residence.issuedOn')} />
        <DateField
          {...field('validUntil')}
          label={t('cases.residence.validUntil')}
          hint={t('cases.residence.validUntilHint')}
        />
        <SelectField
          {...field('workPermission')}
          label={t('cases.residence.workPermission')}
          options={optionsOf(workPermissions, (w) => t(`cases.workPermission.${w}`))}
        />
        <ChipChoice
          legend={t('cases.residence.evidence')}
          {...field('evidence')}
          options={optionsOf(evidenceKinds, (e) => t(`cases.evidence.${e}`))}
        />
        <TextField {...field('authority')} label={t('cases.residence.authority')} />
        <TextAreaField {...field('note')} label={t('cases.residence.note')} />
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
      {editing && stored && (
        <section class="section" aria-label={t('cases.documents.title')}>
          <h2 class="section__title">{t('cases.documents.title')}</h2>
          <LinkedDocuments caseId={caseId} field="statusId" recordId={stored.id} />
        </section>
      )}
    </>
  );
}
