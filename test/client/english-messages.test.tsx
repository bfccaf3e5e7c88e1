// Issue 13 item 7: in English mode the rules and the server speak English. A form's inline errors
// come from the shared schemas (message keys rendered with t()), a rejection card renders the
// server's `code`/`params`, and a rejection stored by an older app (German reason only) still shows.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { RejectionList } from '../../src/client/features/sync/rejection-list';
import { loadLanguage, setLanguage } from '../../src/shared/i18n/t';
import { newRecordId } from '../../src/shared/domain/record-id';
import { renderAt, signIn, signOut, preloadScreens, writeCase } from './cases/case-fixtures';
import { LocationProvider, Route, Router } from 'preact-iso';
import { privacyRoutes } from '../../src/client/features/privacy/routes';
import { saveResidenceStatus } from '../../src/local/save-residence-status';
import { saveCase } from '../../src/local/save-case';
import { taskTitle } from '../../src/client/features/cases/task-title';

function renderPrivacyAt(path: string) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <Router>
        {privacyRoutes.map((route) => (
          <Route key={route.path} path={route.path} component={route.component} />
        ))}
      </Router>
    </LocationProvider>,
  );
}

beforeAll(async () => {
  await preloadScreens();
  await Promise.all(
    privacyRoutes.map((route) =>
      (route.component as { preload?: () => Promise<unknown> }).preload?.(),
    ),
  );
  await loadLanguage('en');
});
afterEach(() => {
  cleanup();
  signOut();
});
afterAll(() => setLanguage('de'));

describe('English mode', () => {
  it('a form shows the schema messages in English, focused on the first, and no German', async () => {
    const { db } = signIn();
    renderAt('/faelle/neu');
    fireEvent.input(await screen.findByLabelText(/Given name/), { target: { value: 'Amina' } });
    fireEvent.input(screen.getByLabelText(/Family name/), { target: { value: 'x'.repeat(201) } });
    fireEvent.input(screen.getByLabelText(/^Phone/), { target: { value: 'abends' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const family = screen.getByLabelText(/Family name/);
    await waitFor(() => expect(family.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(family.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Please enter at most 200 characters',
    );
    expect(screen.getByText('Please use only digits, spaces and + ( ) / -')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Please correct the marked fields.');
    await waitFor(() => expect(document.activeElement).toBe(family));
    expect(document.body.textContent).not.toMatch(/Bitte|höchstens|Zeichen|Ziffern/);
    expect(await db.cases.count()).toBe(0);
  });

  it('a rejection card renders the server code in English, the German reason not at all', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    await db.rejections.put({
      mutationId: 9,
      table: 'consents',
      recordId: newRecordId(),
      op: 'put',
      fields: { caseId, purpose: 'reporting', givenOn: '2025-03-14', withdrawnOn: '2025-03-01' },
      reason: 'Der Widerruf liegt vor dem Datum der Einwilligung.',
      code: 'rules.consents.withdrawnBeforeGiven',
      at: '2025-03-14T10:00:00.000Z',
    });
    await db.rejections.put({
      mutationId: 10,
      table: 'cases',
      recordId: caseId,
      op: 'put',
      fields: { familyName: 'x'.repeat(201) },
      reason: 'Bitte höchstens 200 Zeichen eingeben',
      code: 'rules.validation.maxLength',
      params: { max: 200 },
      at: '2025-03-14T10:05:00.000Z',
    });
    await db.rejections.put({
      mutationId: 13,
      table: 'contacts',
      recordId: newRecordId(),
      op: 'put',
      fields: { caseId },
      reason: 'Das Feld „caseId“ lässt sich nach dem Anlegen nicht mehr ändern.',
      code: 'server.sync.frozenField',
      params: { field: 'caseId' },
      at: '2025-03-14T10:06:00.000Z',
    });
    render(<RejectionList />);
    expect(
      await screen.findByText('The withdrawal is before the date of the consent.'),
    ).toBeTruthy();
    // A named field reads as its label, not as the record key.
    expect(
      screen.getByText('The field “Case” cannot be changed after it was created.'),
    ).toBeTruthy();
    expect(screen.getByText('Please enter at most 200 characters')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Widerruf liegt|höchstens|Bitte|caseId/);
    expect(screen.getAllByRole('button', { name: 'Noted' })).toHaveLength(3);
  });

  it('a rejection stored by an older app, with only the German reason, still shows it', async () => {
    const { db } = signIn();
    await db.rejections.put({
      mutationId: 11,
      table: 'cases',
      recordId: newRecordId(),
      op: 'put',
      fields: { status: 'closed' },
      reason: 'Zum Abschließen fehlt der Abschlussgrund.',
      at: '2025-03-14T10:00:00.000Z',
    });
    await db.rejections.put({
      mutationId: 12,
      table: 'cases',
      recordId: newRecordId(),
      op: 'put',
      fields: { status: 'closed' },
      reason: 'Eine Nachricht eines neueren Servers.',
      code: 'rules.some.futureKey',
      at: '2025-03-14T10:01:00.000Z',
    });
    render(<RejectionList />);
    expect(await screen.findByText('Zum Abschließen fehlt der Abschlussgrund.')).toBeTruthy();
    // A key this app does not know yet (a newer server): the German text that came with it.
    expect(screen.getByText('Eine Nachricht eines neueren Servers.')).toBeTruthy();
  });
});

describe('English mode, first week (issue 27 item 5)', () => {
  it('tasks the app made read in English; the German title stays stored for others', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    const saved = await saveResidenceStatus(db, {
      caseId,
      kind: 'duldung',
      issuedOn: '2026-01-02',
      validUntil: '2099-06-30',
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await saveCase(db, { birthDate: '2005-05-01' }, caseId)).toMatchObject({ ok: true });
    renderAt(`/faelle/${caseId}`);
    await screen.findByText('Residence document expires on 30/06/2099: discuss renewal');
    expect(screen.getByText('Age limit: 27 years on 01/05/2032: plan the transition')).toBeTruthy();
    const stored = await db.tasks.where('caseId').equals(caseId).toArray();
    expect(stored.map((task) => task.title).sort()).toEqual([
      'Altersgrenze: 27 Jahre am 01.05.2032 — Übergang planen',
      'Aufenthaltsdokument läuft am 30.06.2099 ab: Verlängerung besprechen',
    ]);
    // A key this app does not know (a newer app made the task): the stored title.
    expect(taskTitle({ title: 'Neu', titleKey: 'cases.tasks.auto.future', titleParams: {} })).toBe(
      'Neu',
    );
  });

  it('erasing asks for DELETE, and the texts for the person open in English', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    renderPrivacyAt(`/faelle/${caseId}/loeschen`);
    expect(await screen.findByLabelText(/Type DELETE to confirm/)).toBeTruthy();
    cleanup();
    renderPrivacyAt(`/faelle/${caseId}/datenschutz`);
    await screen.findByRole('heading', { name: 'Information about data protection' });
    expect(document.body.textContent).not.toMatch(/Verantwortliche Stelle|Datenschutz-Texte/);
  });
});
