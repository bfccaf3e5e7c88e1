// The one form helper (src/client/ui/use-draft-form.ts) through two real forms: the need form
// (case screens) and the partner form (network). What a THM notices: inline German errors linked
// to their field, focus on what to fix, a save that keeps the input when the device cannot store
// it, a toast and the way back after a save, and text stored trimmed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { choose, renderAt, signIn, signOut, writeCase } from '../cases/case-fixtures';
import { renderNetworkApp } from '../network/network-app';
import type { FeldakteDb } from '../../../src/local/db';

afterEach(() => {
  vi.restoreAllMocks();
  signOut();
});

/** Makes every write transaction of the device database fail the way the browser would. */
function failWrites(db: FeldakteDb, name: string) {
  const error = Object.assign(new Error('simulated'), { name });
  vi.spyOn(db, 'transaction').mockRejectedValue(error as never);
}

describe('need form through the draft helper', () => {
  it('a refused save: German errors at the fields, aria wiring, focus on the first one', async () => {
    const { db } = signIn();
    const id = await writeCase(db);
    renderAt(`/faelle/${id}/bedarfe/neu`);
    const category = await screen.findByLabelText(/^Bereich/);
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(category.getAttribute('aria-invalid')).toBe('true'));
    const errorId = category.getAttribute('aria-describedby')!;
    expect(document.getElementById(errorId)?.textContent).toBe('Bitte ausfüllen.');
    await waitFor(() => expect(document.activeElement).toBe(category));
    expect(screen.getByRole('alert').textContent).not.toBe('');
    expect(await db.needs.count()).toBe(0);
  });

  it('saves the draft, confirms with a toast and goes back to the case', async () => {
    const { db } = signIn();
    const id = await writeCase(db);
    renderAt(`/faelle/${id}/bedarfe/neu`);
    choose(await screen.findByLabelText(/^Bereich/), 'work');
    fireEvent.input(screen.getByLabelText(/^Nächster Schritt/), {
      target: { value: '  Lebenslauf schreiben  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    expect(await screen.findByText('Gespeichert')).toBeTruthy();
    await waitFor(() => expect(location.pathname).toBe(`/faelle/${id}`));
    const [need] = await db.needs.toArray();
    expect(need).toMatchObject({ category: 'work', nextStep: 'Lebenslauf schreiben' });
    expect(need).not.toHaveProperty('goal');
  });

  it('an emptied next step of a need in progress is refused at that field, not only above', async () => {
    const { db } = signIn();
    const id = await writeCase(db);
    renderAt(`/faelle/${id}/bedarfe/neu`);
    choose(await screen.findByLabelText(/^Bereich/), 'housing');
    fireEvent.input(screen.getByLabelText(/^Nächster Schritt/), {
      target: { value: 'Wohnungsamt anrufen' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(location.pathname).toBe(`/faelle/${id}`));
    const [need] = await db.needs.toArray();

    cleanup();
    renderAt(`/faelle/${id}/bedarfe/${need!.id}`);
    choose(await screen.findByLabelText(/^Status/), 'in_progress');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(async () => expect((await db.needs.get(need!.id))?.status).toBe('in_progress'));

    cleanup();
    renderAt(`/faelle/${id}/bedarfe/${need!.id}`);
    const step = await screen.findByLabelText(/^Nächster Schritt/);
    await waitFor(() => expect((step as HTMLInputElement).value).toBe('Wohnungsamt anrufen'));
    fireEvent.input(step, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(step.getAttribute('aria-invalid')).toBe('true'));
    await waitFor(() => expect(document.activeElement).toBe(step));
    expect((await db.needs.get(need!.id))?.nextStep).toBe('Wohnungsamt anrufen');
  });

  it('a storage failure of any kind shows a German message at the form and keeps the input', async () => {
    const { db } = signIn();
    const id = await writeCase(db);
    renderAt(`/faelle/${id}/bedarfe/neu`);
    choose(await screen.findByLabelText(/^Bereich/), 'language');
    const goal = screen.getByLabelText(/Ziel in eigenen Worten/);
    fireEvent.input(goal, { target: { value: 'Deutsch B1 bis Sommer' } });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    failWrites(db, 'UnknownError');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Speichern auf dem Gerät hat nicht geklappt/);
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect((goal as HTMLTextAreaElement).value).toBe('Deutsch B1 bis Sommer');
    expect(location.pathname).toBe(`/faelle/${id}/bedarfe/neu`);
    // What was logged names the error kind only, never the input.
    expect(JSON.stringify(vi.mocked(console.warn).mock.calls)).not.toMatch(/Deutsch B1/);
  });
});

describe('partner form through the draft helper', () => {
  it('stores text trimmed, and an emptied optional field as cleared (null)', async () => {
    const { db } = signIn();
    renderNetworkApp('/netzwerk/neu');
    fireEvent.input(await screen.findByLabelText(/^Name/), {
      target: { value: '  Jugendmigrationsdienst Süd ' },
    });
    choose(screen.getByLabelText(/^Art/), 'jmd');
    fireEvent.input(screen.getByLabelText(/^Ansprechperson/), { target: { value: '   ' } });
    fireEvent.input(screen.getByLabelText(/^Telefon/), { target: { value: ' 0201 123 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    await waitFor(async () => expect(await db.partners.count()).toBe(1));
    const [partner] = await db.partners.toArray();
    expect(partner).toMatchObject({
      name: 'Jugendmigrationsdienst Süd',
      phone: '0201 123',
      contactPerson: null,
    });
    expect(await screen.findByText('Gespeichert')).toBeTruthy();
  });

  it('a full disk: the quota message above the form, nothing stored, input kept', async () => {
    const { db } = signIn();
    renderNetworkApp('/netzwerk/neu');
    const name = await screen.findByLabelText(/^Name/);
    fireEvent.input(name, { target: { value: 'VHS Essen' } });
    choose(screen.getByLabelText(/^Art/), 'vhs');
    failWrites(db, 'QuotaExceededError');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Speicher des Geräts ist voll/);
    expect((name as HTMLInputElement).value).toBe('VHS Essen');
    vi.restoreAllMocks();
    expect(await db.partners.count()).toBe(0);
  });
});
