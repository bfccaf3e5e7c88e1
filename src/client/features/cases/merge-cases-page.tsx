// "Fälle zusammenführen", step 2 (issue 26, SPEC [G1]-[G8]): the THM picks the case that stays
// and, field by field, which value applies where the two profiles differ; sees what comes along;
// merges offline (local/merge-cases.ts) and may undo it at once from the toast or later from the
// case page.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { mergeCases, undoMerge } from '../../../local/merge-cases';
import type { FeldakteDb } from '../../../local/db';
import { fullName, type Case } from '../../../shared/domain/case';
import { differingFields, type MergeChoiceField } from '../../../shared/domain/case-merge';
import { tableNames, type TableName } from '../../../shared/domain/tables';
import { fieldLabelOf } from '../../../shared/i18n/field-labels';
import { formatDay, t, type MessageKey } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { usePageTitle } from '../../state/page-title';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { FormAlert } from '../../ui/form-alert';
import { useLiveQuery } from '../../ui/use-live-query';
import { offerUndo, useWriteAction } from '../../ui/write-action';
import { memberName, useTeamMembers } from '../team/use-team-members';
import './merge.css';

/** Enum fields and the catalogue group of their labels. */
const enumLabels: Partial<Record<MergeChoiceField, string>> = {
  gender: 'cases.gender',
  germanLevel: 'cases.germanLevel',
  germanLevelSource: 'cases.germanLevelSource',
  literacy: 'cases.literacy',
  schooling: 'cases.schooling',
  schoolingRecognition: 'cases.recognition',
  reachedVia: 'cases.reachedVia',
  messenger: 'cases.messenger',
};

export function MergeCasesPage({ id, otherId }: { id: string; otherId: string }) {
  usePageTitle(t('cases.merge.title'), `/faelle/${id}/zusammenfuehren`);
  const db = useDb();
  const { route } = useLocation();
  const me = useSession((state) => state.user?.id);
  const members = useTeamMembers(db);
  const pair = useLiveQuery(async () => {
    const [a, b] = await Promise.all([db.cases.get(id), db.cases.get(otherId)]);
    if (!a || !b || a.id === b.id) return null;
    const partnerIds = [a.referredByPartnerId, b.referredByPartnerId].filter(
      (p): p is string => !!p,
    );
    const partners = await db.partners.bulkGet(partnerIds);
    return {
      a,
      b,
      partners: new Map(partners.flatMap((p) => (p ? [[p.id, p.name] as const] : []))),
    };
  }, [db, id, otherId]);
  const [keepId, setKeepId] = useState(id);
  const [chosen, setChosen] = useState<Partial<Record<MergeChoiceField, string>>>({});
  const mergedId = keepId === id ? otherId : id;
  const moves = useLiveQuery(() => recordCounts(db, mergedId), [db, mergedId]);
  const action = useWriteAction();

  if (pair === undefined) return <p class="hint">{t('cases.list.loading')}</p>;
  if (pair === null) return <EmptyState>{t('cases.detail.notFound')}</EmptyState>;
  const kept = keepId === pair.a.id ? pair.a : pair.b;
  const merged = keepId === pair.a.id ? pair.b : pair.a;
  const isEmpty = (value: unknown) => value === undefined || value === null || value === '';
  // Where both cases hold a value and they differ, the THM chooses; where only the case that goes
  // holds one, it fills the gap by itself.
  const fields = differingFields(kept, merged).filter((field) => !isEmpty(kept[field]));
  const fills = differingFields(kept, merged).filter((field) => isEmpty(kept[field]));
  /** Whose value applies: the THM's choice, else the kept case's. */
  const source = (field: MergeChoiceField) => chosen[field] ?? kept.id;
  const show = (record: Case, field: MergeChoiceField): string => {
    const value = record[field];
    if (isEmpty(value)) return t('cases.merge.empty');
    if (field === 'birthDate') return formatDay(String(value));
    if (field === 'interpreterNeeded') return t(value ? 'common.form.yes' : 'common.form.no');
    if (field === 'assignedTo') return memberName(members, String(value), me);
    if (field === 'referredByPartnerId') return pair.partners.get(String(value)) ?? String(value);
    const group = enumLabels[field];
    return group ? t(`${group}.${String(value)}` as MessageKey) : String(value);
  };

  const submit = async () => {
    const taken = [...fills, ...fields.filter((field) => source(field) === merged.id)];
    const result = await action.run(() =>
      mergeCases(db, { keptId: kept.id, mergedId: merged.id, taken }),
    );
    if (!result) return;
    route(`/faelle/${kept.id}`, true);
    offerUndo(t('cases.merge.done'), () => undoMerge(db, result.id), t('cases.merge.undone'));
  };

  const choice = (
    name: string,
    checked: boolean,
    onChange: () => void,
    label: string,
    hint?: string,
  ) => (
    <label class="merge__choice">
      <input autoComplete="off" type="radio" name={name} checked={checked} onChange={onChange} />
      <span>
        {label}
        {hint && <span class="hint">{hint}</span>}
      </span>
    </label>
  );
  const caseHint = (record: Case) =>
    [
      record.birthDate ? formatDay(record.birthDate) : t('cases.duplicates.noBirthDate'),
      t(`cases.status.${record.status}`),
    ].join(' · ');

  return (
    <div class="merge">
      <FormAlert message={action.message} />
      <fieldset class="merge__choices">
        <legend>{t('cases.merge.keepLegend')}</legend>
        <p class="hint">{t('cases.merge.keepHint')}</p>
        {[pair.a, pair.b].map((record) =>
          choice(
            'merge-keep',
            keepId === record.id,
            () => setKeepId(record.id),
            fullName(record),
            caseHint(record),
          ),
        )}
      </fieldset>
      {fields.length > 0 ? (
        <>
          <h2 class="section__title">{t('cases.merge.fieldsLegend')}</h2>
          <p class="hint">{t('cases.merge.fieldsHint')}</p>
          {fields.map((field) => (
            <fieldset class="merge__choices" key={field}>
              <legend>{fieldLabelOf('cases', field) ?? field}</legend>
              {[kept, merged].map((record) =>
                choice(
                  `merge-field-${field}`,
                  source(field) === record.id,
                  () => setChosen({ ...chosen, [field]: record.id }),
                  show(record, field),
                  t(record === kept ? 'cases.merge.fromKept' : 'cases.merge.fromMerged'),
                ),
              )}
            </fieldset>
          ))}
        </>
      ) : (
        <p class="hint">{t('cases.merge.noDifferences')}</p>
      )}
      {fills.length > 0 && (
        <>
          <p>{t('cases.merge.fills')}</p>
          <ul class="merge__moves">
            {fills.map((field) => (
              <li key={field}>
                {fieldLabelOf('cases', field) ?? field}: {show(merged, field)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>{t('cases.merge.names')}</p>
      {moves && moves.length > 0 ? (
        <>
          <p>{t('cases.merge.moves')}</p>
          <ul class="merge__moves">
            {moves.map(([table, count]) => (
              <li key={table}>
                {t('cases.merge.moveCount', {
                  table: t(`sync.tables.${table}` as MessageKey),
                  count,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="hint">{t('cases.merge.movesNothing')}</p>
      )}
      <p class="hint">{t('cases.merge.undoable')}</p>
      <div class="form-actions">
        <Button variant="primary" block disabled={action.busy} onClick={() => void submit()}>
          {t('cases.merge.submit')}
        </Button>
        <a class="button button--ghost button--block" href={`/faelle/${id}`}>
          {t('common.actions.cancel')}
        </a>
      </div>
    </div>
  );
}

/** How many records of each table belong to `caseId` on this device (what comes along). */
async function recordCounts(db: FeldakteDb, caseId: string): Promise<[TableName, number][]> {
  const counts: [TableName, number][] = [];
  for (const table of tableNames) {
    if (table === 'merges' || !db.table(table).schema.idxByName.caseId) continue;
    const count = await db.table(table).where('caseId').equals(caseId).count();
    if (count > 0) counts.push([table, count]);
  }
  return counts;
}
