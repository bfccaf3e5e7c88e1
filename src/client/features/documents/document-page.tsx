// One document: its pages decrypted in memory and shown (images; a PDF in the browser's viewer
// where the device has one), never written anywhere in clear; the object URLs go with the screen.
// A file not on this device is loaded from the server when opened ([D5]). "Offline verfügbar"
// keeps it here; delete removes it on every phone of the team ([D6]).
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { CaseDocument } from '../../../shared/domain/document';
import { formatDay, t } from '../../../shared/i18n/t';
import { errorName } from '../../../shared/error-name';
import {
  deleteDocument,
  dropLocalCopy,
  hasFile,
  openDocumentPages,
} from '../../../local/documents/document-store';
import type { DocumentPage } from '../../../local/documents/file-cipher';
import { writeFailureMessage } from '../../../local/write-failure';
import { usePageTitle } from '../../state/page-title';
import { useDb } from '../../state/session';
import { showToast } from '../../state/toast';
import { Button, LinkButton } from '../../ui/button';
import { CheckboxField } from '../../ui/field';
import { EmptyState } from '../../ui/empty-state';
import { FormAlert } from '../../ui/form-alert';
import { StatusPill } from '../../ui/status-pill';
import { useLiveQuery } from '../../ui/use-live-query';
import { documentKindLabel, fileStateLabel, pagesLabel } from './document-labels';
import { useObjectUrl } from './use-object-url';
import './documents.css';

type Loaded =
  | { state: 'loading' }
  | { state: 'shown'; pages: DocumentPage[] }
  | { state: 'failed'; message: string };

export function DocumentPage({ id: caseId, documentId }: { id: string; documentId: string }) {
  const db = useDb();
  const { route } = useLocation();
  const document = useLiveQuery(
    async () => (await db.documents.get(documentId)) ?? null,
    [db, documentId],
  );
  const fileRow = useLiveQuery(
    async () => (document ? ((await db.documentFiles.get(document.fileId)) ?? null) : null),
    [db, document?.fileId],
  );
  usePageTitle(document?.title ?? t('cases.documents.viewTitle'), `/faelle/${caseId}`);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    if (!document) return;
    let live = true;
    setLoaded({ state: 'loading' });
    void loadPages(document).then((result) => live && setLoaded(result));
    return () => {
      live = false;
    };
  }, [document?.fileId, attempt]);

  async function loadPages(doc: CaseDocument): Promise<Loaded> {
    try {
      if (await hasFile(db, doc.fileId)) {
        return { state: 'shown', pages: await openDocumentPages(db, doc) };
      }
      const { downloadFile } = await import('../../../local/documents/file-transfer');
      const result = await downloadFile(db, doc);
      if (result.ok) return { state: 'shown', pages: result.pages };
      const messages = {
        offline: 'cases.documents.offline',
        not_found: 'cases.documents.notFound',
        incomplete: 'cases.documents.notOnServer',
        session: 'cases.documents.offline',
        broken: 'cases.documents.broken',
      } as const;
      return { state: 'failed', message: t(messages[result.reason]) };
    } catch (error) {
      console.warn('Document not opened', errorName(error));
      return { state: 'failed', message: t('cases.documents.broken') };
    }
  }

  if (document === undefined) return <p class="hint">{t('cases.documents.loading')}</p>;
  if (document === null) {
    return (
      <EmptyState
        action={<LinkButton href={`/faelle/${caseId}`}>{t('cases.documents.back')}</LinkButton>}
      >
        {t('cases.documents.notFound')}
      </EmptyState>
    );
  }

  const state = fileStateLabel(fileRow ?? undefined);
  const onDelete = async () => {
    if (!window.confirm(t('cases.documents.deleteConfirm'))) return;
    try {
      const result = await deleteDocument(db, document.id);
      if (!result.ok) return setActionError(result.message);
    } catch (error) {
      return setActionError(writeFailureMessage(error));
    }
    showToast(t('cases.documents.deleted'));
    route(`/faelle/${caseId}`, true);
  };
  const onKeep = async (keep: boolean) => {
    setActionError(null);
    try {
      if (keep) {
        if (fileRow) await db.documentFiles.update(document.fileId, { keep: true });
        else setAttempt((n) => n + 1);
      } else {
        await dropLocalCopy(db, document.fileId);
      }
    } catch (error) {
      setActionError(writeFailureMessage(error));
    }
  };

  return (
    <>
      <FormAlert message={actionError} />
      <p class="doc-view__meta">
        {documentKindLabel(document.kind)} · {formatDay(document.date)} · {pagesLabel(document)}
      </p>
      <p>
        <StatusPill tone={state.tone}>{state.text}</StatusPill>
      </p>
      {loaded.state === 'loading' && (
        <p class="hint" role="status">
          {t('cases.documents.loading')}
        </p>
      )}
      {loaded.state === 'failed' && (
        <EmptyState
          action={
            <Button onClick={() => setAttempt((n) => n + 1)}>{t('cases.documents.retry')}</Button>
          }
        >
          {loaded.message}
        </EmptyState>
      )}
      {loaded.state === 'shown' &&
        loaded.pages.map((page, index) => (
          <PageView
            key={index}
            page={page}
            alt={t('cases.documents.pageAlt', {
              title: document.title,
              number: index + 1,
              count: loaded.pages.length,
            })}
          />
        ))}
      <CheckboxField
        name="keep"
        label={t('cases.documents.keepOffline')}
        checked={Boolean(fileRow?.keep)}
        onValue={(value) => void onKeep(value)}
      />
      <p class="hint">{t('cases.documents.keepOfflineHint')}</p>
      <div class="form-actions">
        <Button variant="danger" block onClick={() => void onDelete()}>
          {t('cases.documents.delete')}
        </Button>
        <LinkButton variant="ghost" block href={`/faelle/${caseId}`}>
          {t('cases.documents.back')}
        </LinkButton>
      </div>
    </>
  );
}

function PageView({ page, alt }: { page: DocumentPage; alt: string }) {
  const url = useObjectUrl(page.bytes, page.type);
  if (!url) return null;
  if (page.type === 'application/pdf') {
    return (
      <>
        <iframe class="doc-view__pdf" src={url} title={alt} />
        <p class="hint">{t('cases.documents.pdfFallback')}</p>
      </>
    );
  }
  return <img class="doc-view__page" src={url} alt={alt} />;
}
