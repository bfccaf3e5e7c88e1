// "Mit anderem Fall zusammenführen", step 1: which other case is the same person? The person
// matcher offers the probable ones first (issue 26); any other case can be found by name.
import { useState } from 'preact/hooks';
import { findProbableDuplicates, searchCases } from '../../../local/case-search';
import { fullName } from '../../../shared/domain/case';
import { formatDay, t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { usePageTitle } from '../../state/page-title';
import { EmptyState } from '../../ui/empty-state';
import { TextField } from '../../ui/field';
import { ListRow, RowList } from '../../ui/list-row';
import { StatusPill } from '../../ui/status-pill';
import { useLiveQuery } from '../../ui/use-live-query';
import { caseStatusLabel, caseStatusTone } from './labels';
import type { StoredCase } from '../../../local/case-search';
import './merge.css';

export function MergePickPage({ id }: { id: string }) {
  usePageTitle(t('cases.merge.pickTitle'), `/faelle/${id}`);
  const db = useDb();
  const [query, setQuery] = useState('');
  const record = useLiveQuery(() => db.cases.get(id).then((row) => row ?? null), [db, id]);
  const probable = useLiveQuery(
    async () =>
      record
        ? (
            await findProbableDuplicates(
              db,
              {
                givenName: record.givenName,
                familyName: record.familyName,
                otherNames: record.otherNames ?? null,
                birthDate: record.birthDate ?? null,
                gender: record.gender ?? null,
              },
              { excludeId: id },
            )
          ).map((found) => found.case)
        : [],
    [db, id, record],
  );
  const found = useLiveQuery(
    async () =>
      query.trim().length >= 2
        ? (await searchCases(db, { query, status: 'all', limit: 20 })).cases.filter(
            (row) => row.id !== id,
          )
        : null,
    [db, id, query],
  );

  if (record === undefined) return <p class="hint">{t('cases.list.loading')}</p>;
  if (record === null) return <EmptyState>{t('cases.detail.notFound')}</EmptyState>;
  const row = (other: StoredCase) => (
    <ListRow
      key={other.id}
      href={`/faelle/${id}/zusammenfuehren/${other.id}`}
      title={fullName(other)}
      meta={other.birthDate ? formatDay(other.birthDate) : t('cases.duplicates.noBirthDate')}
      trailing={
        <StatusPill tone={caseStatusTone[other.status]}>{caseStatusLabel(other.status)}</StatusPill>
      }
    />
  );
  return (
    <div class="merge">
      <p>{t('cases.merge.pickIntro', { name: fullName(record) })}</p>
      <h2 class="section__title">{t('cases.merge.probable')}</h2>
      {probable && probable.length > 0 ? (
        <RowList label={t('cases.merge.probable')}>{probable.map(row)}</RowList>
      ) : (
        <p class="hint">{t('cases.merge.noProbable')}</p>
      )}
      <TextField
        name="merge-search"
        type="search"
        inputMode="search"
        label={t('cases.merge.searchLabel')}
        hint={t('cases.list.searchHint')}
        value={query}
        onValue={setQuery}
      />
      {found &&
        (found.length > 0 ? (
          <RowList label={t('cases.merge.searchResults')}>{found.map(row)}</RowList>
        ) : (
          <p class="hint" role="status">
            {t('cases.merge.noMatch')}
          </p>
        ))}
    </div>
  );
}
