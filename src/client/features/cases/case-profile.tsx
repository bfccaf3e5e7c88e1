// The top of the case: who the person is, the case status and its actions (edit, change status,
// reopen). Status changes run through the shared rules (caseStatusChange).
import { useState } from 'preact/hooks';
import { fullName, type Case } from '../../../shared/domain/case';
import { ageLimitDate, ageOn, isNearAgeLimit } from '../../../shared/domain/case-age';
import { toLocalDate } from '../../../shared/domain/common';
import { formatDay, t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { HandoverSheet } from '../team/handover-sheet';
import { memberName, useTeamMembers } from '../team/use-team-members';
import { Button, LinkButton } from '../../ui/button';
import { StatusPill } from '../../ui/status-pill';
import { caseStatusLabel, caseStatusTone, closingReasonLabel } from './labels';
import { CaseStatusSheet } from './case-status-sheet';
import { ReopenCaseButton } from './reopen-case-button';
import { PendingBadge } from '../sync/pending-badge';

export function CaseProfile({ record }: { record: Case }) {
  const [sheetOpen, setSheetOpen] = useState(false);
  const [handoverOpen, setHandoverOpen] = useState(false);
  const userId = useSession((state) => state.user?.id);
  const members = useTeamMembers(useDb());
  const today = toLocalDate(new Date());
  const age = ageOn(record.birthDate, today);
  const facts: [string, string | null | undefined][] = [
    [
      t('cases.fields.birthDate'),
      record.birthDate &&
        `${formatDay(record.birthDate)} (${t('cases.age.years', { age: age ?? 0 })})`,
    ],
    [t('cases.fields.otherNames'), record.otherNames?.join(', ')],
    [t('cases.fields.phone'), record.phone],
    [t('cases.fields.messenger'), record.messenger && t(`cases.messenger.${record.messenger}`)],
    [t('cases.fields.languages'), record.languages],
    [
      t('cases.fields.germanLevel'),
      record.germanLevel &&
        [
          t(`cases.germanLevel.${record.germanLevel}`),
          record.germanLevelSource && t(`cases.germanLevelSource.${record.germanLevelSource}`),
        ]
          .filter(Boolean)
          .join(', '),
    ],
    [
      t('cases.fields.interpreterNeeded'),
      record.interpreterNeeded
        ? [t('common.form.yes'), record.interpreterLanguage].filter(Boolean).join(', ')
        : null,
    ],
    [t('cases.fields.countryOfOrigin'), record.countryOfOrigin],
    [t('cases.fields.shelter'), record.shelter],
    [t('cases.fields.schooling'), record.schooling && t(`cases.schooling.${record.schooling}`)],
    [t('team.assigned'), memberName(members, record.assignedTo, userId)],
    [
      t('team.covered'),
      record.coveredBy &&
        (record.coveredUntil
          ? t('team.coveredUntil', {
              name: memberName(members, record.coveredBy, userId),
              date: formatDay(record.coveredUntil),
            })
          : memberName(members, record.coveredBy, userId)),
    ],
  ];
  const shown = facts.filter((fact): fact is [string, string] => !!fact[1]);

  return (
    <section class="card" aria-label={t('cases.detail.profile')}>
      <p>
        <StatusPill tone={caseStatusTone[record.status]}>
          {caseStatusLabel(record.status)}
        </StatusPill>{' '}
        <PendingBadge table="cases" id={record.id} />{' '}
        {record.birthDate && isNearAgeLimit(record.birthDate, today) && (
          <StatusPill tone="warning">
            {ageLimitDate(record.birthDate) <= today
              ? t('cases.age.overLimit', { date: formatDay(ageLimitDate(record.birthDate)) })
              : t('cases.age.nearLimit', { date: formatDay(ageLimitDate(record.birthDate)) })}
          </StatusPill>
        )}
      </p>
      <h2 class="profile-name">{fullName(record)}</h2>
      {record.status === 'closed' && record.closingReason && (
        <p>
          {t('cases.detail.closedBecause', {
            date: record.closedOn ? formatDay(record.closedOn) : '',
            reason: closingReasonLabel(record.closingReason),
          })}
          {record.closingNote ? ` – ${record.closingNote}` : ''}
          {record.retainUntil && (
            <span class="hint">
              {' '}
              {t('cases.detail.reopenUntil', { date: formatDay(record.retainUntil) })}
            </span>
          )}
        </p>
      )}
      {shown.length ? (
        <dl class="facts">
          {shown.map(([label, value]) => (
            <div key={label} style="display: contents">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="hint">{t('cases.detail.noDetails')}</p>
      )}
      <div class="form-actions">
        {record.status === 'closed' ? (
          <ReopenCaseButton record={record} />
        ) : (
          <Button variant="primary" block onClick={() => setSheetOpen(true)}>
            {t('cases.detail.changeStatus')}
          </Button>
        )}
        <LinkButton href={`/faelle/${record.id}/bearbeiten`} block>
          {t('cases.detail.editProfile')}
        </LinkButton>
        {record.status !== 'closed' && (
          <Button block onClick={() => setHandoverOpen(true)}>
            {t('team.handover.open')}
          </Button>
        )}
        <LinkButton href={`/faelle/${record.id}/uebergabe`} block>
          {t('cases.handoverPack.open')}
        </LinkButton>
        <LinkButton href={`/faelle/${record.id}/zusammenfuehren`} block>
          {t('cases.merge.open')}
        </LinkButton>
      </div>
      <CaseStatusSheet record={record} open={sheetOpen} onClose={() => setSheetOpen(false)} />
      <HandoverSheet record={record} open={handoverOpen} onClose={() => setHandoverOpen(false)} />
    </section>
  );
}
