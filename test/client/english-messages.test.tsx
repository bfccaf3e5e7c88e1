// Issue 13 item 7: in English mode the rules and the server speak English. A form's inline errors
// come from the shared schemas (message keys rendered with t()), a rejection card renders the
// server's `code`/`params`, and a rejection stored by an older app (German reason only) still shows.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { RejectionList } from '../../src/client/features/sync/rejection-list';
import { loadLanguage, setLanguage } from '../../src/shared/i18n/t';
import { newRecordId } from '../../src/shared/domain/record-id';
import { renderAt, signIn, signOut, preloadScreens, writeCase } from './cases/case-fixtures';

beforeAll(async () => {
  await preloadScreens();
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
