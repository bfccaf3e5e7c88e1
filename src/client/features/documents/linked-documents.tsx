// The documents of one record (a consent's signed form, the paper of a residence status), shown
// at that record with a way to add one already linked to it.
import type { DocumentLinkField } from '../../../shared/domain/document';
import { compareDocuments } from '../../../shared/domain/document';
import { t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { LinkButton } from '../../ui/button';
import { useLiveQuery } from '../../ui/use-live-query';
import './documents.css';

export function LinkedDocuments({
  caseId,
  field,
  recordId,
  context,
}: {
  caseId: string;
  field: DocumentLinkField;
  recordId: string;
  /** What the record is called where several are listed ("Datenspeicherung"), for screen readers. */
  context?: string;
}) {
  const db = useDb();
  const documents = useLiveQuery(
    async () =>
      (await db.documents.where('caseId').equals(caseId).toArray())
        .filter((document) => document[field] === recordId)
        .sort(compareDocuments),
    [db, caseId, field, recordId],
  );
  return (
    <div class="doc-links">
      {documents?.map((document) => (
        <LinkButton
          key={document.id}
          variant="ghost"
          href={`/faelle/${caseId}/dokumente/${document.id}`}
        >
          {t('cases.documents.open', { title: document.title })}
        </LinkButton>
      ))}
      <LinkButton
        variant="ghost"
        href={`/faelle/${caseId}/dokumente/neu?${field}=${encodeURIComponent(recordId)}`}
        {...(context ? { 'aria-label': `${t('cases.documents.add')}: ${context}` } : {})}
      >
        {t('cases.documents.add')}
      </LinkButton>
    </div>
  );
}
