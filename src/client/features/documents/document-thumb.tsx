// A document's small picture: its sealed thumbnail, opened in memory; a PDF shows a label instead.
import { useEffect, useState } from 'preact/hooks';
import type { CaseDocument } from '../../../shared/domain/document';
import { openDocumentThumb } from '../../../local/documents/document-store';
import { errorName } from '../../../shared/error-name';
import { useObjectUrl } from './use-object-url';

export function DocumentThumb({
  document,
  alt,
}: {
  document: Pick<CaseDocument, 'fileId' | 'fileKey' | 'thumb'>;
  alt: string;
}) {
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  useEffect(() => {
    let live = true;
    setBytes(null);
    openDocumentThumb(document)
      .then((opened) => live && setBytes(opened))
      .catch((error: unknown) => console.warn('Thumbnail not shown', errorName(error)));
    return () => {
      live = false;
    };
  }, [document.fileId, document.thumb]);
  const url = useObjectUrl(bytes, 'image/jpeg');
  if (!document.thumb) {
    return (
      <span class="doc-thumb doc-thumb--pdf" aria-hidden="true">
        PDF
      </span>
    );
  }
  return url ? (
    <img class="doc-thumb" src={url} alt={alt} width={56} height={56} />
  ) : (
    <span class="doc-thumb" aria-hidden="true" />
  );
}
