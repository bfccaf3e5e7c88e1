// "Fälle": instant search over every name part (other spellings included) plus filters. Results
// are read live, so a case pulled by sync or added in another tab shows up without a reload.
import { searchCases } from '../../../local/case-search';
import { caseStatuses } from '../../../shared/domain/case';
import { toLocalDate } from '../../../shared/domain/common';
import {
  currentResidenceStatus,
  type ResidenceStatus,
} from '../../../shared/domain/residence-status';
import { t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { Button, LinkButton } from '../../ui/button';
import { ToggleChip } from '../../ui/chips';
import { EmptyState } from '../../ui/empty-state';
import { SelectField, TextField } from '../../ui/field';
import { Icon } from '../../ui/icon';
import { RowList } from '../../ui/list-row';
import { usePageTitle } from '../../state/page-title';
import { useLiveQuery } from '../../ui/use-live-query';
import { CaseRow } from './case-row';
import { PAGE_SIZE, setCaseListFilter, useCaseListFilter } from '../../state/case-list-filter';
import { caseStatusLabel } from './labels';

export function CaseListPage() {
  usePageTitle(t('cases.title'));
  const db = useDb();
  const userId = useSession((state) => state.user?.id);
  const filter = useCaseListFilter();
  const today = toLocalDate(new Date());

  const result = useLiveQuery(async () => {
    const found = await searchCases(db, {
      query: filter.query,
      status: filter.status,
      assignedTo: filter.mine ? userId : undefined,
      withOpenTasks: filter.withOpenTasks,
      limit: filter.limit,
    });
    const ids = found.cases.map((row) => row.id);
    const statuses = ids.length ? await db.statuses.where('caseId').anyOf(ids).toArray() : [];
    const byCase = new Map<string, ResidenceStatus[]>();
    for (const status of statuses)
      byCase.set(status.caseId, [...(byCase.get(status.caseId) ?? []), status]);
    return { ...found, byCase };
  }, [db, userId, filter.query, filter.status, filter.mine, filter.withOpenTasks, filter.limit]);

  const statusOptions = [
    { value: 'open', label: t('cases.list.openCases') },
    { value: 'all', label: t('cases.list.allCases') },
    ...caseStatuses.map((status) => ({ value: status, label: caseStatusLabel(status) })),
  ];
  const filtered =
    filter.query.trim() !== '' || filter.mine || filter.withOpenTasks || filter.status !== 'open';

  return (
    <>
      <search>
        <TextField
          name="caseSearch"
          type="search"
          inputMode="search"
          label={t('cases.list.searchLabel')}
          hint={t('cases.list.searchHint')}
          value={filter.query}
          onValue={(query) => setCaseListFilter({ query })}
        />
      </search>
      <div class="filter-bar" role="group" aria-label={t('cases.list.filters')}>
        <ToggleChip
          label={t('cases.list.mine')}
          pressed={filter.mine}
          onToggle={() => setCaseListFilter({ mine: !filter.mine })}
        />
        <ToggleChip
          label={t('cases.list.openTasks')}
          pressed={filter.withOpenTasks}
          onToggle={() => setCaseListFilter({ withOpenTasks: !filter.withOpenTasks })}
        />
      </div>
      <SelectField
        name="statusFilter"
        label={t('cases.list.statusFilter')}
        allowEmpty={false}
        options={statusOptions}
        value={filter.status}
        onValue={(status) => setCaseListFilter({ status: status as typeof filter.status })}
      />

      {result === undefined ? (
        <p class="hint">{t('cases.list.loading')}</p>
      ) : result.total === 0 ? (
        <EmptyState>{filtered ? t('cases.list.noMatch') : t('cases.list.empty')}</EmptyState>
      ) : (
        <>
          <p class="hint" aria-live="polite">
            {t('cases.list.count', { count: result.total })}
          </p>
          <RowList label={t('cases.title')}>
            {result.cases.map((record) => (
              <CaseRow
                key={record.id}
                record={record}
                current={currentResidenceStatus(result.byCase.get(record.id) ?? [])}
                today={today}
              />
            ))}
          </RowList>
          {result.total > result.cases.length && (
            <Button
              block
              onClick={() => useCaseListFilter.setState({ limit: filter.limit + PAGE_SIZE })}
            >
              {t('cases.list.more')}
            </Button>
          )}
        </>
      )}
      <LinkButton href="/faelle/neu" variant="primary" extraClass="fab">
        <Icon name="plus" />
        {t('cases.list.new')}
      </LinkButton>
    </>
  );
}
