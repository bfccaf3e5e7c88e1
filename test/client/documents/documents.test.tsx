// The document screens (issue 25) with a real device database: adding a PDF from a consent (the
// document is linked to it and stored with its upload state), the refusals of the picker (type by
// content, the PDF size limit) in German, and the "Dokumente" section and the status screen
// showing what belongs to them.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { caseRoutes } from '../../../src/client/features/cases/routes';
import { documentRoutes } from '../../../src/client/features/documents/routes';
import { Toasts } from '../../../src/client/ui/toast';
import { MAX_PDF_BYTES } from '../../../src/shared/domain/document';
import { signIn, signOut, write, writeCase } from '../cases/case-fixtures';
import { saveDocument } from '../../../src/local/documents/document-store';

const routes = [...documentRoutes, ...caseRoutes];

beforeAll(async () => {
  await Promise.all(
    routes.map((route) => (route.component as { preload?: () => Promise<unknown> }).preload?.()),
  );
});
afterEach(signOut);

function renderAt(path: string) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <Router>
        {routes.map((route) => (
          <Route key={route.path} path={route.path} component={route.component} />
        ))}
      </Router>
      <Toasts />
    </LocationProvider>,
  );
}

function pick(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const pdf = (bytes = 3000) =>
  new File([new TextEncoder().encode('%PDF-1.7\n'), new Uint8Array(bytes)], 'bescheid.pdf', {
    type: 'application/pdf',
  });

describe('adding a document', () => {
  it('[D1] from a consent: a picked PDF becomes a signed consent linked to it, waiting for upload', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    const consentId = await write(db, 'consents', {
      caseId,
      purpose: 'store_data',
      givenOn: '2026-01-10',
      howGiven: 'written',
    });
    const { container } = renderAt(`/faelle/${caseId}/dokumente/neu?consentId=${consentId}`);
    const kind = (await screen.findByLabelText(/Art des Dokuments/)) as HTMLSelectElement;
    expect(kind.value).toBe('signed_consent');
    fireEvent.input(screen.getByLabelText(/^Titel/), {
      target: { value: 'Einwilligung unterschrieben' },
    });
    pick(container.querySelector('[data-testid=document-picker]')!, pdf());
    expect(await screen.findByText(/PDF, 3 KB/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dokument speichern' }));
    await waitFor(async () => expect(await db.documents.count()).toBe(1));
    const [document] = await db.documents.toArray();
    expect(document).toMatchObject({
      caseId,
      consentId,
      kind: 'signed_consent',
      title: 'Einwilligung unterschrieben',
      pages: 1,
      thumb: null,
    });
    expect(await db.documentFiles.get(document!.fileId)).toMatchObject({ state: 'local' });
    // Back in the case: the section lists it with its state.
    expect(await screen.findByText('Einwilligung unterschrieben')).toBeTruthy();
    expect(await screen.findByText('Wartet auf Upload')).toBeTruthy();
  });

  it('[D1] refuses a file by its content and a PDF above the limit, and saves nothing without a page', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    const { container } = renderAt(`/faelle/${caseId}/dokumente/neu`);
    const picker = (await waitFor(() =>
      container.querySelector('[data-testid=document-picker]'),
    )) as HTMLInputElement;
    pick(picker, new File(['<html>kein Bild</html>'], 'foto.jpg', { type: 'image/jpeg' }));
    expect(await screen.findByText(/„foto.jpg“ ist kein Bild/)).toBeTruthy();
    const big = pdf();
    Object.defineProperty(big, 'size', { value: MAX_PDF_BYTES + 1 });
    pick(picker, big);
    expect(await screen.findByText(/Erlaubt sind bis zu 20,0 MB/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText(/^Titel/), { target: { value: 'Brief' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dokument speichern' }));
    expect(
      await screen.findByText('Bitte mindestens eine Seite aufnehmen oder wählen.'),
    ).toBeTruthy();
    expect(await db.documents.count()).toBe(0);
  });

  it('the residence status screen offers its documents', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    const statusId = await write(db, 'statuses', { caseId, kind: 'duldung' });
    renderAt(`/faelle/${caseId}/aufenthalt/${statusId}`);
    const add = await screen.findByRole('link', { name: 'Dokument hinzufügen' });
    expect(add.getAttribute('href')).toBe(`/faelle/${caseId}/dokumente/neu?statusId=${statusId}`);
  });

  it('"Alle offline verfügbar" keeps what is here and says what could not be loaded', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    const here = await saveDocument(db, {
      caseId,
      kind: 'letter',
      title: 'Brief hier',
      date: '2026-05-01',
      pages: [{ type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7') }],
    });
    const away = await saveDocument(db, {
      caseId,
      kind: 'letter',
      title: 'Brief auf dem Server',
      date: '2026-05-02',
      pages: [{ type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7') }],
    });
    if (!here.ok || !away.ok) throw new Error('not saved');
    const [kept, gone] = [(await db.documents.get(here.id))!, (await db.documents.get(away.id))!];
    // One was downloaded without the mark, the other is on the server only.
    await db.documentFiles.update(kept.fileId, { keep: false, state: 'uploaded' });
    await db.fileChunks.where('fileId').equals(gone.fileId).delete();
    await db.documentFiles.delete(gone.fileId);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    try {
      renderAt(`/faelle/${caseId}`);
      fireEvent.click(await screen.findByRole('button', { name: 'Alle offline verfügbar machen' }));
      expect(await screen.findByText(/1 Dokument konnte nicht geladen werden/)).toBeTruthy();
      expect((await db.documentFiles.get(kept.fileId))?.keep).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
