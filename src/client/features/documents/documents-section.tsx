// "Dokumente" in the case: each document with its thumbnail, kind, date, pages and the state of
// its file on this device (waiting, uploading n %, uploaded, on the server). Read live, so a
// running upload counts up and a colleague's document appears after the next sync.
import { compareDocuments } from '../../../shared/domain/document';
import { formatDay, t } from '../../../shared/i18n/t';
import { useDb } from '../../state/session';
import { LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { Section } from '../../ui/section';
import { StatusPill } from '../../ui/status-pill';
import { useLiveQuery } from '../../ui/use-live-query';
import { Icon } from '../../ui/icon';
import { documentKindLabel, fileStateLabel, pagesLabel } from './document-labels';
import { DocumentThumb } from './document-thumb';
import './documents.css';

export function DocumentsSection({ caseId }: { caseId: string }) {
  const db = useDb();
  const documents = useLiveQuery(
    async () =>
      (await db.documents.where('caseId').equals(caseId).toArray()).sort(compareDocuments),
    [db, caseId],
  );
  const files = useLiveQuery(
    async () =>
      new Map(
        (await db.documentFiles.where('caseId').equals(caseId).toArray()).map((row) => [
          row.fileId,
          row,
        ]),
      ),
    [db, caseId],
  );

  return (
    <Section
      title={t('cases.documents.title')}
      action={
        <LinkButton variant="ghost" href={`/faelle/${caseId}/dokumente/neu`}>
          {t('cases.documents.add')}
        </LinkButton>
      }
    >
      {documents && documents.length === 0 && <EmptyState>{t('cases.documents.empty')}</EmptyState>}
      {documents && documents.length > 0 && (
        <ul class="rows" aria-label={t('cases.documents.title')}>
          {documents.map((document) => {
            const state = fileStateLabel(files?.get(document.fileId));
            return (
              <li class="row" key={document.id}>
                <a
                  class="row__link doc-row"
                  href={`/faelle/${caseId}/dokumente/${document.id}`}
                  aria-label={t('cases.documents.open', { title: document.title })}
                >
                  <DocumentThumb document={document} alt="" />
                  <span class="row__main">
                    <span class="row__title">{document.title}</span>
                    <span class="row__meta">
                      {documentKindLabel(document.kind)} · {formatDay(document.date)} ·{' '}
                      {pagesLabel(document)}
                    </span>
                    <span class="row__badges">
                      <StatusPill tone={state.tone}>{state.text}</StatusPill>
                    </span>
                  </span>
                  <Icon name="chevron" size={20} class="row__chevron" />
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
