// "Meine Lücken": the gaps this THM noted, newest first; tap one to edit or delete it.
import { t, formatDay } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { EmptyState } from '../../ui/empty-state';
import { ListRow, RowList } from '../../ui/list-row';
import { usePageTitle } from '../../state/page-title';
import { useLiveQuery } from '../../ui/use-live-query';
import { needCategoryLabel } from '../cases/labels';
import { isOwnGap } from './own-gaps';

export function GapListPage() {
  usePageTitle(t('cases.gaps.list'), '/');
  const db = useDb();
  const userId = useSession((state) => state.user?.id ?? '');
  const gaps = useLiveQuery(
    async () =>
      (await db.gaps.orderBy('date').reverse().toArray()).filter((gap) => isOwnGap(gap, userId)),
    [db, userId],
  );
  return (
    <>
      <p class="hint">{t('cases.gaps.noPerson')}</p>
      <div class="form-actions">
        <a class="button button--primary button--block" href="/luecken/neu">
          {t('cases.gaps.open')}
        </a>
      </div>
      {gaps?.length === 0 && <EmptyState>{t('cases.gaps.empty')}</EmptyState>}
      {gaps && gaps.length > 0 && (
        <RowList label={t('cases.gaps.list')}>
          {gaps.map((gap) => (
            <ListRow
              key={gap.id}
              href={`/luecken/${gap.id}`}
              title={needCategoryLabel(gap.category)}
              meta={
                <>
                  <span>{formatDay(gap.date)}</span>
                  {gap.description && <span class="gap-text">{gap.description}</span>}
                </>
              }
            />
          ))}
        </RowList>
      )}
    </>
  );
}
