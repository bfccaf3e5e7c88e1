// Changes the server refused ([P5]), with its German reason. The device already shows the server's
// record again; dismissing only hides the note.
import { dismissRejection } from '../../../local/sync/dismiss-rejection';
import type { FeldakteDb, Rejection } from '../../../local/db';
import { formatDateTime, t } from '../../../shared/i18n/t';
import { renderKnown } from '../../../shared/i18n/message';
import { useDb } from '../../state/session';
import { useLiveQuery } from '../../ui/use-live-query';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { FormAlert } from '../../ui/form-alert';
import { useWriteAction } from '../../ui/write-action';
import { usePageTitle } from '../../state/page-title';
import { fieldLabel } from './change-labels';
import { recordHeading, recordName } from './record-name';
import './sync.css';

export function RejectionList() {
  usePageTitle(t('sync.rejections.title'), '/mehr');
  const db = useDb();
  const rejections = useLiveQuery(
    () => db.rejections.orderBy('mutationId').reverse().toArray(),
    [db],
  );

  return (
    <div class="change-list">
      <p class="page-intro">{t('sync.rejections.intro')}</p>
      {rejections && rejections.length === 0 && (
        <EmptyState>{t('sync.rejections.empty')}</EmptyState>
      )}
      <ul class="change-list__items">
        {rejections?.map((rejection) => (
          <li key={rejection.mutationId}>
            <RejectionItem db={db} rejection={rejection} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function RejectionItem({ db, rejection }: { db: FeldakteDb; rejection: Rejection }) {
  const action = useWriteAction();
  const dismiss = () =>
    action.run(async () => {
      await dismissRejection(db, rejection.mutationId);
      return { ok: true as const };
    });
  const headingId = `rejection-${rejection.mutationId}`;
  const fields = Object.keys(rejection.fields)
    .map((field) => fieldLabel(rejection.table, field))
    .join(', ');
  const name = useLiveQuery(
    () =>
      recordName(
        db,
        rejection.table,
        rejection.recordId,
        rejection.fields.caseId as string | undefined,
        rejection.fields,
      ),
    [db, rejection.table, rejection.recordId],
  );
  return (
    <article class="card" aria-labelledby={headingId}>
      <h2 id={headingId} class="section__title">
        {recordHeading(name, rejection.table)} · {formatDateTime(rejection.at)}
      </h2>
      <dl class="facts">
        <dt>{t('sync.rejections.reason')}</dt>
        <dd>{rejectionReason(rejection)}</dd>
        <dt>{t('sync.rejections.fields')}</dt>
        <dd>{rejection.op === 'delete' ? t('sync.rejections.deleted') : fields}</dd>
      </dl>
      {rejection.table !== 'conflicts' && caseLink(rejection)}
      <FormAlert message={action.message} />
      <div class="form-actions">
        <Button disabled={action.busy} onClick={() => void dismiss()}>
          {t('sync.rejections.dismiss')}
        </Button>
      </div>
    </article>
  );
}

function caseLink(rejection: Rejection) {
  const caseId =
    rejection.table === 'cases'
      ? rejection.recordId
      : (rejection.fields.caseId as string | undefined);
  return caseId ? (
    <p>
      <a href={`/faelle/${caseId}`}>{t('sync.conflicts.openRecord')}</a>
    </p>
  ) : null;
}

/** The reason in the chosen language, a named field by its label; the German reason for an
 * unknown key or a row stored by an older app. */
function rejectionReason(rejection: Rejection): string {
  const field = rejection.params?.field;
  const params =
    typeof field === 'string'
      ? { ...rejection.params, field: fieldLabel(rejection.table, field) }
      : rejection.params;
  return renderKnown(rejection.code, params, rejection.reason);
}
