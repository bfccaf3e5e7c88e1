// Needs: open ones first by priority, each with the person's goal and the next step.
import { compareNeeds, isNeedReviewDue } from '../../../shared/domain/need';
import { toLocalDate } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { ListRow, RowList } from '../../ui/list-row';
import { Section } from '../../ui/section';
import { StatusPill } from '../../ui/status-pill';
import { useLiveQuery } from '../../ui/use-live-query';
import { needCategoryLabel, needStatusLabel, needStatusTone } from './labels';

export function NeedsSection({ caseId }: { caseId: string }) {
  const db = useDb();
  const needs = useLiveQuery(
    async () => (await db.needs.where('caseId').equals(caseId).toArray()).sort(compareNeeds),
    [db, caseId],
  );
  const today = toLocalDate(new Date());
  return (
    <Section
      title={t('cases.needs.title')}
      action={
        <LinkButton href={`/faelle/${caseId}/bedarfe/neu`} variant="ghost">
          {t('cases.needs.add')}
        </LinkButton>
      }
    >
      {needs?.length === 0 && <EmptyState>{t('cases.needs.empty')}</EmptyState>}
      {needs && needs.length > 0 && (
        <RowList label={t('cases.needs.title')}>
          {needs.map((need) => (
            <ListRow
              key={need.id}
              href={`/faelle/${caseId}/bedarfe/${need.id}`}
              title={needCategoryLabel(need.category)}
              meta={
                <>
                  {need.goal && <span class="need-goal">„{need.goal}“</span>}
                  {need.nextStep && (
                    <span class="need-step">
                      {' '}
                      {t('cases.needs.nextStepLine', { step: need.nextStep })}
                    </span>
                  )}
                </>
              }
              trailing={
                <>
                  {isNeedReviewDue(need, today) && (
                    <StatusPill tone="warning">{t('cases.needs.reviewDue')}</StatusPill>
                  )}
                  <StatusPill tone={needStatusTone[need.status]}>
                    {needStatusLabel(need.status)}
                  </StatusPill>
                </>
              }
            />
          ))}
        </RowList>
      )}
    </Section>
  );
}
