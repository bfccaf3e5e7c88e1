// "Dokumente" in the case: each document with its thumbnail, kind, date, pages and the state of
// its file on this device (waiting, uploading n %, uploaded, on the server). Read live, so a
// running upload counts up and a colleague's document appears after the next sync.
import { useState } from 'preact/hooks';
import { compareDocuments, type CaseDocument } from '../../../shared/domain/document';
import type { DocumentFileRow } from '../../../local/db';
import { writeFailureMessage } from '../../../local/write-failure';
import { Button } from '../../ui/button';
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
      {documents && documents.length > 0 && files && (
        <KeepAll caseId={caseId} documents={documents} onDevice={files} />
      )}
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
                    {/* Kind on a line of its own: "Aufenthaltsdokument" fits a 320 px row whole. */}
                    <span class="row__meta">{documentKindLabel(document.kind)}</span>
                    <span class="row__meta">
                      {formatDay(document.date)} · {pagesLabel(document)}
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

/** "Offline verfügbar" for the whole case: loads every document not on this phone and keeps it. */
function KeepAll({
  documents,
  onDevice,
}: {
  caseId: string;
  documents: CaseDocument[];
  onDevice: Map<string, DocumentFileRow>;
}) {
  const db = useDb();
  const [note, setNote] = useState<string | null>(null);
  const missing = documents.filter((document) => !onDevice.has(document.fileId));
  const unkept = documents.filter((document) => onDevice.get(document.fileId)?.keep === false);
  if (missing.length === 0 && unkept.length === 0 && !note) return null;
  const keepAll = async () => {
    let failed = 0;
    const { downloadFile } = await import('../../../local/documents/file-transfer');
    for (const [index, document] of missing.entries()) {
      setNote(t('cases.documents.keepAllLoading', { done: index, count: missing.length }));
      const loaded = await downloadFile(db, document, { keep: true });
      if (!loaded.ok) failed += 1;
    }
    try {
      await db.documentFiles.bulkUpdate(
        unkept.map((document) => ({ key: document.fileId, changes: { keep: true } })),
      );
    } catch (error) {
      return setNote(writeFailureMessage(error));
    }
    setNote(
      failed > 0
        ? t('cases.documents.keepAllFailed', { count: failed })
        : t('cases.documents.keepAllDone'),
    );
  };
  return (
    <div class="doc-keep-all">
      {(missing.length > 0 || unkept.length > 0) && (
        <Button variant="secondary" block onClick={() => void keepAll()}>
          {t('cases.documents.keepAll')}
        </Button>
      )}
      {note && (
        <p class="hint" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
