// Residence statuses that run out within the next 30 days (or already have), for open cases.
// Only a case's current status counts: an older document that was replaced is no longer a concern.
import { fullName, isOpenCase } from '../../../shared/domain/case';
import { addDays } from '../../../shared/domain/common';
import {
  currentResidenceStatus,
  EXPIRY_WARNING_DAYS,
  type ResidenceStatus,
} from '../../../shared/domain/residence-status';
import { t } from '../../../shared/i18n/t';
import { isMyCase } from '../../../shared/domain/case-ownership';
import { useDb, useSession } from '../../state/session';
import { useScope } from '../../state/scope';
import { ListRow, RowList } from '../../ui/list-row';
import { Section } from '../../ui/section';
import { useLiveQuery } from '../../ui/use-live-query';
import { ExpiryPill } from '../cases/residence-status-section';
import { residenceKindLabel } from '../cases/labels';

/** How far back an already expired status is still listed. */
const EXPIRED_LOOKBACK_DAYS = 30;

export function ExpiringStatuses({ today }: { today: string }) {
  const db = useDb();
  const userId = useSession((state) => state.user?.id ?? '');
  const scope = useScope((state) => state.scope);
  const rows = useLiveQuery(async () => {
    const candidates = await db.statuses
      .where('validUntil')
      .between(
        addDays(today, -EXPIRED_LOOKBACK_DAYS),
        addDays(today, EXPIRY_WARNING_DAYS),
        true,
        true,
      )
      .toArray();
    const caseIds = [...new Set(candidates.map((status) => status.caseId))];
    const [cases, all] = await Promise.all([
      db.cases.bulkGet(caseIds),
      db.statuses.where('caseId').anyOf(caseIds).toArray(),
    ]);
    const found: { status: ResidenceStatus; name: string }[] = [];
    for (const record of cases) {
      if (!record || !isOpenCase(record.status)) continue;
      if (scope === 'mine' && !isMyCase(record, userId, today)) continue;
      const current = currentResidenceStatus(all.filter((s) => s.caseId === record.id));
      if (current && candidates.some((c) => c.id === current.id)) {
        found.push({ status: current, name: fullName(record) });
      }
    }
    return found.sort((a, b) =>
      (a.status.validUntil ?? '').localeCompare(b.status.validUntil ?? ''),
    );
  }, [db, today, scope, userId]);

  if (!rows) return null;
  return (
    <Section title={t('cases.today.expiring')}>
      {rows.length === 0 ? (
        <p class="hint">{t('cases.today.noExpiring')}</p>
      ) : (
        <RowList label={t('cases.today.expiring')}>
          {rows.map(({ status, name }) => (
            <ListRow
              key={status.id}
              href={`/faelle/${status.caseId}`}
              title={name}
              meta={residenceKindLabel(status.kind)}
              trailing={<ExpiryPill status={status} today={today} />}
            />
          ))}
        </RowList>
      )}
    </Section>
  );
}
