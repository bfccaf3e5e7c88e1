// Adding a document: kind, title, date, and its pages, photographed in the app (the camera's input
// with `capture`, so the photo never reaches the gallery) or picked (images, PDF). Each page is
// prepared at once (prepare-page.ts: type by content, re-encoded without metadata, PDFs up to the
// limit) and kept in memory only until "Dokument speichern" seals and stores them ([D1], [D3]).
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { saveDocument } from '../../../local/documents/document-store';
import type { DocumentPage } from '../../../local/documents/file-cipher';
import { toLocalDate } from '../../../shared/domain/common';
import {
  documentKinds,
  documentLinks,
  MAX_DOCUMENT_PAGES,
  type DocumentKind,
  type DocumentLinkField,
} from '../../../shared/domain/document';
import { UUID_PATTERN } from '../../../shared/domain/common';
import { t } from '../../../shared/i18n/t';
import { usePageTitle } from '../../state/page-title';
import { useDb } from '../../state/session';
import { Button } from '../../ui/button';
import { DateField, SelectField, TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { optionsOf } from '../../ui/select-options';
import { refused, useDraftForm } from '../../ui/use-draft-form';
import { documentKindLabel } from './document-labels';
import { formatBytes, preparePage } from './prepare-page';
import { useObjectUrl } from './use-object-url';
import './documents.css';

interface Draft {
  kind: string;
  title: string;
  date: string;
}

interface PreparedItem {
  key: number;
  page: DocumentPage;
  thumb: Uint8Array | null;
}

export function DocumentFormPage({ id: caseId }: { id: string }) {
  usePageTitle(t('cases.documents.addTitle'), `/faelle/${caseId}`);
  const db = useDb();
  const { route, query } = useLocation();
  // Opened from a consent or a residence status: the document belongs to that record too.
  const links = Object.fromEntries(
    Object.keys(documentLinks).flatMap((field) => {
      const id = query[field];
      return id && UUID_PATTERN.test(id) ? [[field, id]] : [];
    }),
  ) as Partial<Record<DocumentLinkField, string>>;
  const initialKind: DocumentKind = links.consentId
    ? 'signed_consent'
    : links.statusId
      ? 'id_document'
      : links.referralId || links.contactId
        ? 'letter'
        : 'id_document';
  const [pages, setPages] = useState<PreparedItem[]>([]);
  const [preparing, setPreparing] = useState(0);
  const [pageErrors, setPageErrors] = useState<string[]>([]);
  const nextKey = useRef(1);
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);

  const { field, formProps, message } = useDraftForm({
    initial: { kind: initialKind, title: '', date: toLocalDate(new Date()) } as Draft,
    save: async (draft) => {
      if (preparing > 0) return refused(t('cases.documents.preparing'));
      if (pages.length === 0) return refused(t('cases.documents.noPages'));
      return saveDocument(db, {
        caseId,
        kind: draft.kind as DocumentKind,
        title: draft.title,
        date: draft.date,
        pages: pages.map((item) => item.page),
        thumb: pages.find((item) => item.thumb)?.thumb ?? null,
        links,
      });
    },
    savedMessage: t('cases.documents.saved'),
    onSaved: () => route(`/faelle/${caseId}`, true),
  });

  const addFiles = async (input: HTMLInputElement | null) => {
    const files = [...(input?.files ?? [])];
    // The input keeps no file once read: nothing of it stays in the page's form state.
    if (input) input.value = '';
    if (files.length === 0) return;
    const room = MAX_DOCUMENT_PAGES - pages.length;
    const errors: string[] = [];
    if (files.length > room)
      errors.push(t('cases.documents.tooManyPages', { max: MAX_DOCUMENT_PAGES }));
    const taken = files.slice(0, Math.max(0, room));
    setPreparing((count) => count + taken.length);
    for (const file of taken) {
      try {
        const prepared = await preparePage(file);
        if (prepared.ok) {
          const key = nextKey.current++;
          setPages((list) => [...list, { key, page: prepared.page, thumb: prepared.thumb }]);
        } else {
          errors.push(prepared.message);
        }
      } finally {
        setPreparing((count) => count - 1);
      }
    }
    setPageErrors(errors);
  };

  return (
    <form {...formProps}>
      <FormAlert message={message} />
      <SelectField
        {...field('kind')}
        label={t('cases.documents.kindLabel')}
        allowEmpty={false}
        required
        options={optionsOf(documentKinds, documentKindLabel)}
      />
      <TextField
        {...field('title')}
        label={t('cases.documents.titleLabel')}
        hint={t('cases.documents.titleHint')}
        required
      />
      <DateField {...field('date')} label={t('cases.documents.dateLabel')} required />

      <fieldset class="group">
        <legend>{t('cases.documents.pagesTitle')}</legend>
        {pages.length > 0 && (
          <ul class="doc-pages">
            {pages.map((item, index) => (
              <PageRow
                key={item.key}
                item={item}
                number={index + 1}
                onRemove={() => setPages((list) => list.filter((other) => other.key !== item.key))}
              />
            ))}
          </ul>
        )}
        {preparing > 0 && (
          <p class="hint" role="status">
            {t('cases.documents.preparing')}
          </p>
        )}
        {pageErrors.map((text) => (
          <p key={text} class="form-alert" role="alert">
            {text}
          </p>
        ))}
        <div class="doc-capture">
          <Button variant="secondary" block onClick={() => camera.current?.click()}>
            {t('cases.documents.takePhoto')}
          </Button>
          <Button variant="secondary" block onClick={() => picker.current?.click()}>
            {t('cases.documents.pickFile')}
          </Button>
        </div>
        <p class="hint">{t('cases.documents.photoHint')}</p>
        <input
          ref={camera}
          type="file"
          accept="image/*"
          capture="environment"
          autoComplete="off"
          hidden
          data-testid="document-camera"
          onChange={(event) => void addFiles(event.currentTarget)}
        />
        <input
          ref={picker}
          type="file"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          multiple
          autoComplete="off"
          hidden
          data-testid="document-picker"
          onChange={(event) => void addFiles(event.currentTarget)}
        />
      </fieldset>

      <div class="form-actions">
        <Button type="submit" variant="primary" block disabled={preparing > 0}>
          {t('cases.documents.save')}
        </Button>
        <a class="button button--ghost button--block" href={`/faelle/${caseId}`}>
          {t('common.actions.cancel')}
        </a>
      </div>
    </form>
  );
}

function PageRow({
  item,
  number,
  onRemove,
}: {
  item: PreparedItem;
  number: number;
  onRemove(): void;
}) {
  const url = useObjectUrl(item.thumb, 'image/jpeg');
  const label = t('cases.documents.pageLine', { number });
  return (
    <li class="doc-page">
      {url ? (
        <img class="doc-thumb" src={url} alt={label} width={56} height={56} />
      ) : (
        <span class="doc-thumb doc-thumb--pdf" aria-hidden="true">
          PDF
        </span>
      )}
      <span class="doc-page__label">
        {label}
        {item.page.type === 'application/pdf' && (
          <>
            <br />
            <span class="hint">
              {t('cases.documents.pdfPage', { size: formatBytes(item.page.bytes.length) })}
            </span>
          </>
        )}
      </span>
      <Button
        variant="ghost"
        onClick={onRemove}
        aria-label={t('cases.documents.removePage', { number })}
      >
        <span aria-hidden="true">✕</span>
      </Button>
    </li>
  );
}
