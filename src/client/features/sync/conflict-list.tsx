// "Konflikte": concurrent edits of one field where a value lost ([M4]). Each shows the field, the
// overwritten value, the kept value, who wrote it and when; the THM can write their value back
// (a normal edit that syncs) or leave the kept one.
import type { FeldakteDb } from '../../../local/db';
import { dismissConflict, reapplyConflict } from '../../../local/sync/resolve-conflict';
import type { Conflict } from '../../../shared/domain/conflict';
import { t } from '../../../shared/i18n/t';
import { useDb, useSession } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { FormAlert } from '../../ui/form-alert';
import { useWriteAction } from '../../ui/write-action';
import { usePageTitle } from '../../state/page-title';
import { fieldLabel, hlcTime, valueLabel } from './change-labels';
import { recordHeading, recordName } from './record-name';
import { useTeamMembers } from '../team/use-team-members';
import { myKeptConflicts, myOpenConflicts } from './my-conflicts';
import './sync.css';

export function ConflictList() {
  usePageTitle(t('sync.conflicts.title'), '/mehr');
  const db = useDb();
  const userId = useSession((state) => state.user?.id ?? '');
  const conflicts = useLiveQuery(() => myOpenConflicts(db, userId), [db, userId]);
  const kept = useLiveQuery(() => myKeptConflicts(db, userId), [db, userId]);

  return (
    <div class="change-list">
      <p class="page-intro">{t('sync.conflicts.intro')}</p>
      {conflicts && conflicts.length === 0 && <EmptyState>{t('sync.conflicts.empty')}</EmptyState>}
      <ul class="change-list__items">
        {conflicts?.map((conflict) => (
          <li key={conflict.id}>
            <ConflictItem db={db} conflict={conflict} />
          </li>
        ))}
      </ul>
      {kept && kept.length > 0 && (
        <section aria-labelledby="kept-conflicts">
          <h2 id="kept-conflicts" class="section__title">
            {t('sync.conflicts.keptTitle')}
          </h2>
          <p class="hint">{t('sync.conflicts.keptIntro')}</p>
          <ul class="change-list__items">
            {kept.map((conflict) => (
              <li key={conflict.id}>
                <KeptItem db={db} conflict={conflict} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** A conflict my value won: what was overwritten and whose it was; nothing to do here. */
function KeptItem({ db, conflict }: { db: FeldakteDb; conflict: Conflict }) {
  const members = useTeamMembers(db);
  const name = useLiveQuery(
    () => recordName(db, conflict.table, conflict.recordId, conflict.caseId),
    [db, conflict.table, conflict.recordId, conflict.caseId],
  );
  const colleague =
    members?.find((m) => m.id === conflict.losingUserId)?.name ?? t('sync.conflicts.someone');
  const headingId = `kept-${conflict.id}`;
  return (
    <article class="card card--quiet" aria-labelledby={headingId}>
      <h3 id={headingId} class="section__title">
        {recordHeading(name, conflict.table)}: {fieldLabel(conflict.table, conflict.field)}
      </h3>
      <dl class="facts">
        <dt>{t('sync.conflicts.kept')}</dt>
        <dd>{valueLabel(conflict.field, conflict.keptValue, conflict.table)}</dd>
        <dt>{t('sync.conflicts.theirs')}</dt>
        <dd>{valueLabel(conflict.field, conflict.losingValue, conflict.table)}</dd>
      </dl>
      <p class="hint">
        {t('sync.conflicts.overwrittenBy', {
          who: colleague,
          time: hlcTime(conflict.losingHlc),
        })}
      </p>
    </article>
  );
}

function ConflictItem({ db, conflict }: { db: FeldakteDb; conflict: Conflict }) {
  const userId = useSession((state) => state.user?.id ?? '');
  const action = useWriteAction();
  const members = useTeamMembers(db);
  const name = useLiveQuery(
    () => recordName(db, conflict.table, conflict.recordId, conflict.caseId),
    [db, conflict.table, conflict.recordId, conflict.caseId],
  );
  const colleague = members?.find((m) => m.id === conflict.keptUserId)?.name;
  const keptBy =
    conflict.keptUserId === userId
      ? t('sync.conflicts.you')
      : (colleague ?? t('sync.conflicts.someone'));
  const headingId = `conflict-${conflict.id}`;

  const resolve = (how: 'reapply' | 'dismiss') =>
    action.run(() =>
      how === 'reapply'
        ? reapplyConflict(db, conflict, { resolvedBy: userId })
        : dismissConflict(db, conflict, { resolvedBy: userId }),
    );

  return (
    <article class="card" aria-labelledby={headingId}>
      <h2 id={headingId} class="section__title">
        {recordHeading(name, conflict.table)}: {fieldLabel(conflict.table, conflict.field)}
      </h2>
      <dl class="facts">
        <dt>{t('sync.conflicts.yours')}</dt>
        <dd>{valueLabel(conflict.field, conflict.losingValue)}</dd>
        <dt>{t('sync.conflicts.kept')}</dt>
        <dd>{valueLabel(conflict.field, conflict.keptValue)}</dd>
      </dl>
      <p class="hint">{t('sync.conflicts.by', { who: keptBy, time: hlcTime(conflict.keptHlc) })}</p>
      {conflict.caseId && (
        <p>
          <a href={`/faelle/${conflict.caseId}`}>{t('sync.conflicts.openRecord')}</a>
        </p>
      )}
      <FormAlert message={action.message} />
      <div class="form-actions">
        <Button variant="primary" disabled={action.busy} onClick={() => void resolve('reapply')}>
          {t('sync.conflicts.reapply')}
        </Button>
        <Button disabled={action.busy} onClick={() => void resolve('dismiss')}>
          {t('sync.conflicts.dismiss')}
        </Button>
      </div>
    </article>
  );
}
