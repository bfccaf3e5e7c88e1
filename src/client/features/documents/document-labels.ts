// Labels of a document: its kind, its pages, its file's state on this device.
import type { CaseDocument, DocumentKind } from '../../../shared/domain/document';
import { t } from '../../../shared/i18n/t';
import type { DocumentFileRow } from '../../../local/db';
import type { PillTone } from '../../ui/status-pill';

export function documentKindLabel(kind: DocumentKind): string {
  return t(`cases.documents.kind.${kind}`);
}

export function pagesLabel(document: Pick<CaseDocument, 'pages'>): string {
  return document.pages === 1
    ? t('cases.documents.onePage')
    : t('cases.documents.pagesCount', { count: document.pages });
}

/** The file's state as the THM reads it: waiting, uploading n %, uploaded, or on the server only. */
export function fileStateLabel(row: DocumentFileRow | undefined): { text: string; tone: PillTone } {
  if (!row) return { text: t('cases.documents.state.remote'), tone: 'muted' };
  if (row.error) return { text: t('cases.documents.state.failed'), tone: 'danger' };
  if (row.state === 'uploaded')
    return { text: t('cases.documents.state.uploaded'), tone: 'success' };
  if (row.state === 'uploading' && row.offset > 0) {
    const percent = Math.min(99, Math.floor((row.offset / row.size) * 100));
    return { text: t('cases.documents.state.uploading', { percent }), tone: 'info' };
  }
  return { text: t('cases.documents.state.local'), tone: 'warning' };
}
