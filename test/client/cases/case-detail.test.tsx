import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { choose, renderAt, signIn, signOut, writeCase, preloadScreens } from './case-fixtures';

beforeAll(preloadScreens);
afterEach(signOut);

describe('case detail', () => {
  it('logs a contact in two taps: channel, save', async () => {
    const { db } = signIn();
    const id = await writeCase(db);
    renderAt(`/faelle/${id}`);
    fireEvent.click(await screen.findByRole('radio', { name: 'Telefon' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kontakt speichern' }));
    await waitFor(async () => expect(await db.contacts.count()).toBe(1));
    expect(await db.contacts.toArray()).toEqual([
      expect.objectContaining({ caseId: id, channel: 'phone', initiatedBy: 'thm' }),
    ]);
    const log = screen.getByRole('list', { name: 'Kontakte' });
    expect(within(log).getByText(/^Telefon · /)).toBeTruthy();
  });

  it('asks for a channel before saving a contact', async () => {
    const { db } = signIn();
    const id = await writeCase(db);
    renderAt(`/faelle/${id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Kontakt speichern' }));
    expect(await screen.findByText('Bitte einen Kontaktweg wählen.')).toBeTruthy();
    expect(await db.contacts.count()).toBe(0);
  });

  it('adding a residence status with a valid-until date creates an expiry task', async () => {
    const { db } = signIn();
    const id = await writeCase(db);
    renderAt(`/faelle/${id}/aufenthalt/neu`);
    choose(await screen.findByLabelText(/^Art/), 'duldung_ausbildung');
    fireEvent.input(screen.getByLabelText(/Gültig bis/), { target: { value: '2099-06-30' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Dokument gesehen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(location.pathname).toBe(`/faelle/${id}`));
    expect(await screen.findByText('Ausbildungsduldung (§ 60c)')).toBeTruthy();
    const tasks = await screen.findByRole('list', { name: 'Aufgaben' });
    expect(within(tasks).getByText(/läuft am 30\.06\.2099 ab/)).toBeTruthy();
    expect(await db.tasks.toArray()).toEqual([
      expect.objectContaining({ kind: 'document_expiry', caseId: id }),
    ]);
  });

  it('refuses a valid-until date before the issue date, at the field', async () => {
    const { db } = signIn();
    const id = await writeCase(db);
    renderAt(`/faelle/${id}/aufenthalt/neu`);
    choose(await screen.findByLabelText(/^Art/), 'duldung');
    fireEvent.input(screen.getByLabelText(/Ausgestellt am/), { target: { value: '2025-03-01' } });
    fireEvent.input(screen.getByLabelText(/Gültig bis/), { target: { value: '2025-02-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const until = screen.getByLabelText(/Gültig bis/);
    await waitFor(() => expect(until.getAttribute('aria-invalid')).toBe('true'));
    expect(await db.statuses.count()).toBe(0);
    expect(await db.tasks.count()).toBe(0);
  });

  it('adds a need with the goal in the person’s words, and starts work only with a next step', async () => {
    const { db } = signIn();
    const id = await writeCase(db);
    renderAt(`/faelle/${id}/bedarfe/neu`);
    choose(await screen.findByLabelText(/^Bereich/), 'language');
    fireEvent.input(screen.getByLabelText(/Ziel in eigenen Worten/), {
      target: { value: 'Ich will beim Arzt selbst sprechen.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(location.pathname).toBe(`/faelle/${id}`));
    expect(await screen.findByText('„Ich will beim Arzt selbst sprechen.“')).toBeTruthy();

    const [need] = await db.needs.toArray();
    renderAt(`/faelle/${id}/bedarfe/${need!.id}`);
    choose(await screen.findByLabelText(/^Status/), 'in_progress');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    const step = screen.getByLabelText(/Nächster Schritt/);
    await waitFor(() => expect(step.getAttribute('aria-invalid')).toBe('true'));
    expect((await db.needs.get(need!.id))?.status).toBe('open');

    fireEvent.input(step, { target: { value: 'Kurs bei der VHS anfragen' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(async () => expect((await db.needs.get(need!.id))?.status).toBe('in_progress'));
  });

  it('adds a task and ticks it off', async () => {
    const { db } = signIn();
    const id = await writeCase(db);
    renderAt(`/faelle/${id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Aufgabe hinzufügen' }));
    const sheet = await screen.findByRole('dialog');
    fireEvent.input(within(sheet).getByLabelText(/Was ist zu tun/), {
      target: { value: 'Zeugnis übersetzen' },
    });
    fireEvent.click(within(sheet).getByRole('button', { name: 'Speichern' }));
    const box = await screen.findByRole('checkbox', { name: 'Erledigt: Zeugnis übersetzen' });
    fireEvent.click(box);
    await waitFor(async () => expect((await db.tasks.toArray())[0]?.doneOn).toBeTruthy());
  });
});
