// One case in the list: name, age (flagged near 27), current residence status, case status.
import { fullName } from '../../../shared/domain/case';
import { ageLimitDate, ageOn, isNearAgeLimit } from '../../../shared/domain/case-age';
import type { Case } from '../../../shared/domain/case';
import {
  daysUntilExpiry,
  expiryState,
  type ResidenceStatus,
} from '../../../shared/domain/residence-status';
import { t } from '../../../shared/i18n/t';
import { ListRow } from '../../ui/list-row';
import { StatusPill } from '../../ui/status-pill';
import { caseStatusLabel, caseStatusTone, residenceKindLabel } from './labels';

export interface CaseRowProps {
  record: Case;
  current: ResidenceStatus | undefined;
  today: string;
}

export function CaseRow({ record, current, today }: CaseRowProps) {
  const age = ageOn(record.birthDate, today);
  const meta = [
    age !== null ? t('cases.age.years', { age }) : null,
    current ? residenceKindLabel(current.kind) : null,
    record.otherNames?.length ? record.otherNames.join(', ') : null,
  ].filter(Boolean);
  const expiry = current ? expiryState(current, today) : 'none';
  return (
    <ListRow
      href={`/faelle/${record.id}`}
      title={fullName(record)}
      meta={meta.join(' · ') || undefined}
      trailing={
        <>
          {record.birthDate && isNearAgeLimit(record.birthDate, today) && (
            <StatusPill tone="warning">
              {ageLimitDate(record.birthDate) <= today
                ? t('cases.age.flagOver')
                : t('cases.age.flagNear')}
            </StatusPill>
          )}
          {(expiry === 'expiring' || expiry === 'expired') && (
            // The same colours as in the case: amber while it runs out, red once it has.
            <StatusPill tone={expiry === 'expired' ? 'danger' : 'warning'}>
              {expiry === 'expired'
                ? t('cases.residence.expiredShort')
                : t('cases.residence.expiresInDays', {
                    days: daysUntilExpiry(current!, today) ?? 0,
                  })}
            </StatusPill>
          )}
          <StatusPill tone={caseStatusTone[record.status]}>
            {caseStatusLabel(record.status)}
          </StatusPill>
        </>
      }
    />
  );
}
