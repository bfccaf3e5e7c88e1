import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { choose, renderAt, signIn, signOut, writeCase, preloadScreens } from './case-fixtures';

beforeAll(preloadScreens);
afterEach(signOut);

async function openStatusSheet() {
  fireEvent.click(await screen.findByRole('button', { name: 'Status ändern' }));
  return screen.findByRole('dialog');
}

describe('changing the case status', () => {
  it('offers only the transitions the rules allow', async () => {
    const { db } = signIn();
    const id = await writeCase(db, { status: 'active' });
    renderAt(`/faelle/${id}`);
    const sheet = await openStatusSheet();
    const offered = within(sheet)
      .getAllByRole('radio')
      .map((radio) => radio.closest('label')?.textContent);
    expect(offered).toEqual(['Pausiert', 'Nicht erreichbar', 'Abgeschlossen']);
  });

  it('closes a case only with a reason', async () => {
    const { db } = signIn();
    const id = await writeCase(db, { status: 'active' });
    renderAt(`/faelle/${id}`);
    const sheet = await openStatusSheet();
    fireEvent.click(within(sheet).getByRole('radio', { name: 'Abgeschlossen' }));
    fireEvent.click(within(sheet).getByRole('button', { name: 'Fall abschließen' }));

    const reason = within(sheet).getByLabelText(/Abschlussgrund/);
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(within(sheet).getByText('Bitte einen Abschlussgrund wählen.')).toBeTruthy();
    expect((await db.cases.get(id))?.status).toBe('active');

    choose(reason, 'training');
    fireEvent.click(within(sheet).getByRole('button', { name: 'Fall abschließen' }));
    await waitFor(async () => expect((await db.cases.get(id))?.status).toBe('closed'));
    expect(await db.cases.get(id)).toMatchObject({ closingReason: 'training' });
    expect(await screen.findByText(/Abgeschlossen am .*: Ausbildung/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks for a note when the reason is "other"', async () => {
    const { db } = signIn();
    const id = await writeCase(db, { status: 'active' });
    renderAt(`/faelle/${id}`);
    const sheet = await openStatusSheet();
    fireEvent.click(within(sheet).getByRole('radio', { name: 'Abgeschlossen' }));
    choose(within(sheet).getByLabelText(/Abschlussgrund/), 'other');
    fireEvent.click(within(sheet).getByRole('button', { name: 'Fall abschließen' }));
    expect(
      await within(sheet).findByText('Bitte den Abschlussgrund kurz beschreiben.', {
        selector: '.field__error',
      }),
    ).toBeTruthy();
    expect((await db.cases.get(id))?.status).toBe('active');
  });

  it('reopens a closed case', async () => {
    const { db } = signIn();
    const id = await writeCase(db, {
      status: 'closed',
      closingReason: 'moved',
      closedOn: '2025-01-10',
      retainUntil: '2099-01-10',
    });
    renderAt(`/faelle/${id}`);
    expect(screen.queryByRole('button', { name: 'Status ändern' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Fall wieder öffnen' }));
    await waitFor(async () => expect((await db.cases.get(id))?.status).toBe('active'));
    expect(await db.cases.get(id)).toMatchObject({ closingReason: null, retainUntil: null });
    expect(await screen.findByRole('button', { name: 'Status ändern' })).toBeTruthy();
  });
});
