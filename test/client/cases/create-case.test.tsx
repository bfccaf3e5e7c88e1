import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderAt, signIn, signOut, preloadScreens } from './case-fixtures';
import { createRecord } from '../../../src/local/write-record';

beforeAll(preloadScreens);
afterEach(signOut);

describe('creating a case', () => {
  it('shows German errors under the empty name fields and focuses the first one', async () => {
    const { db } = signIn();
    renderAt('/faelle/neu');
    fireEvent.click(await screen.findByRole('button', { name: 'Speichern' }));

    const given = await screen.findByLabelText(/Vorname/);
    await waitFor(() => expect(given.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(given.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Bitte den Vornamen eingeben',
    );
    expect(screen.getByText('Bitte den Nachnamen eingeben')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Bitte die markierten Felder korrigieren.');
    await waitFor(() => expect(document.activeElement).toBe(given));
    expect(await db.cases.count()).toBe(0);
  });

  it('saves the case, assigned to the THM, and opens it', async () => {
    const { db, user } = signIn();
    renderAt('/faelle/neu');
    fireEvent.input(await screen.findByLabelText(/Vorname/), { target: { value: ' Ahmad ' } });
    fireEvent.input(screen.getByLabelText(/Nachname/), { target: { value: 'Karimi' } });
    fireEvent.input(screen.getByLabelText(/Andere Schreibweisen/), {
      target: { value: 'Ahmed, Karimy' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    await waitFor(async () => expect(await db.cases.count()).toBe(1));
    const [stored] = await db.cases.toArray();
    expect(stored).toMatchObject({
      givenName: 'Ahmad',
      familyName: 'Karimi',
      otherNames: ['Ahmed', 'Karimy'],
      status: 'intake',
      assignedTo: user.id,
    });
    expect(await db.outbox.count()).toBe(1);
    await waitFor(() => expect(location.pathname).toBe(`/faelle/${stored!.id}`));
    expect(location.pathname).not.toMatch(/Ahmad/);
  });

  it('refuses a malformed phone number inline and keeps what was typed', async () => {
    signIn();
    renderAt('/faelle/neu');
    fireEvent.input(await screen.findByLabelText(/Vorname/), { target: { value: 'Amina' } });
    fireEvent.input(screen.getByLabelText(/Nachname/), { target: { value: 'Haidari' } });
    fireEvent.input(screen.getByLabelText(/Telefon/), { target: { value: 'abends' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(
      await screen.findByText('Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden'),
    ).toBeTruthy();
    expect((screen.getByLabelText(/Vorname/) as HTMLInputElement).value).toBe('Amina');
  });

  it('shows a probable duplicate under the name while the THM types (issue 26)', async () => {
    const { db } = signIn();
    await createRecord(db, 'cases', {
      givenName: 'Zuleikha',
      familyName: 'Rahimi',
      birthDate: '2003-04-12',
      status: 'active',
    });
    renderAt('/faelle/neu');
    fireEvent.input(await screen.findByLabelText(/Vorname/), { target: { value: 'Rahimi' } });
    fireEvent.input(screen.getByLabelText(/Nachname/), { target: { value: 'Zulaika' } });
    const hint = await screen.findByText(/Vielleicht schon erfasst/);
    const box = hint.closest('[role="status"]') as HTMLElement;
    expect(box.textContent).toContain('Zuleikha Rahimi');
    expect(box.textContent).toContain('Vor- und Nachname vertauscht');
    const link = box.querySelector('a')!;
    const [stored] = await db.cases.toArray();
    expect(link.getAttribute('href')).toBe(`/faelle/${stored!.id}`);
    // Another birth date: another person, the hint goes.
    fireEvent.input(screen.getByLabelText(/Geburtsdatum/), { target: { value: '1998-11-20' } });
    await waitFor(() => expect(box.textContent).toBe(''));
  });
});
