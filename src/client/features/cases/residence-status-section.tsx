// Residence status: the current one prominent (with its expiry), earlier ones below. The app only
// reminds of dates; it gives no legal assessment.
import {
  compareResidenceStatuses,
  daysUntilExpiry,
  expiryState,
  type ResidenceStatus,
} from '../../../shared/domain/residence-status';
import { toLocalDate } from '../../../shared/domain/common';
import { formatDay, t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { ListRow, RowList } from '../../ui/list-row';
import { Section } from '../../ui/section';
import { StatusPill } from '../../ui/status-pill';
import { useLiveQuery } from '../../ui/use-live-query';
import { residenceKindLabel } from './labels';

export function ExpiryPill({
  status,
  today,
}: {
  status: Pick<ResidenceStatus, 'validUntil'>;
  today: string;
}) {
  const state = expiryState(status, today);
  const days = daysUntilExpiry(status, today);
  if (state === 'none' || !status.validUntil) return null;
  if (state === 'expired') {
    return (
      <StatusPill tone="danger">
        {t('cases.residence.expired', { date: formatDay(status.validUntil) })}
      </StatusPill>
    );
  }
  if (state === 'expiring') {
    return (
      <StatusPill tone="warning">
        {days === 0
          ? t('cases.residence.expiresToday')
          : t('cases.residence.expiresInDays', { days: days ?? 0 })}
      </StatusPill>
    );
  }
  return (
    <StatusPill tone="neutral">
      {t('cases.residence.validUntilShort', { date: formatDay(status.validUntil) })}
    </StatusPill>
  );
}

export function ResidenceStatusSection({ caseId }: { caseId: string }) {
  const db = useDb();
  const statuses = useLiveQuery(
    async () =>
      (await db.statuses.where('caseId').equals(caseId).toArray()).sort(compareResidenceStatuses),
    [db, caseId],
  );
  const today = toLocalDate(new Date());
  const [current, ...earlier] = statuses ?? [];

  return (
    <Section
      title={t('cases.residence.title')}
      action={
        <LinkButton href={`/faelle/${caseId}/aufenthalt/neu`} variant="ghost">
          {t('cases.residence.add')}
        </LinkButton>
      }
    >
      {statuses && !current && <EmptyState>{t('cases.residence.empty')}</EmptyState>}
      {current && (
        <div class="card">
          <p class="hint">{t('cases.residence.current')}</p>
          <p>
            <a href={`/faelle/${caseId}/aufenthalt/${current.id}`}>
              <strong>{residenceKindLabel(current.kind)}</strong>
            </a>
            {current.basis ? ` · ${current.basis.replaceAll(/§\s+/g, '§\u00a0')}` : ''}
          </p>
          <p>
            <ExpiryPill status={current} today={today} />
          </p>
          <dl class="facts">
            {current.validUntil && (
              <>
                <dt>{t('cases.residence.validUntil')}</dt>
                <dd>{formatDay(current.validUntil)}</dd>
              </>
            )}
            {current.issuedOn && (
              <>
                <dt>{t('cases.residence.issuedOn')}</dt>
                <dd>{formatDay(current.issuedOn)}</dd>
              </>
            )}
            {current.workPermission && (
              <>
                <dt>{t('cases.residence.workPermission')}</dt>
                <dd>{t(`cases.workPermission.${current.workPermission}`)}</dd>
              </>
            )}
            {current.evidence && (
              <>
                <dt>{t('cases.residence.evidence')}</dt>
                <dd>{t(`cases.evidence.${current.evidence}`)}</dd>
              </>
            )}
            {current.authority && (
              <>
                <dt>{t('cases.residence.authority')}</dt>
                <dd>{current.authority}</dd>
              </>
            )}
          </dl>
        </div>
      )}
      {earlier.length > 0 && (
        <RowList label={t('cases.residence.history')}>
          {earlier.map((status) => (
            <ListRow
              key={status.id}
              href={`/faelle/${caseId}/aufenthalt/${status.id}`}
              title={residenceKindLabel(status.kind)}
              meta={[
                status.issuedOn && formatDay(status.issuedOn),
                status.validUntil &&
                  t('cases.residence.validUntilShort', { date: formatDay(status.validUntil) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          ))}
        </RowList>
      )}
      <p class="hint">{t('cases.residence.disclaimer')}</p>
    </Section>
  );
}
