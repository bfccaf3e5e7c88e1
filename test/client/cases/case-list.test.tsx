import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderAt, signIn, signOut, write, writeCase, preloadScreens } from './case-fixtures';
import { setCaseListFilter } from '../../../src/client/state/case-list-filter';

beforeAll(preloadScreens);
afterEach(() => {
  signOut();
  setCaseListFilter({ query: '', status: 'open', mine: false, withOpenTasks: false });
});

const rowNames = () =>
  screen.queryAllByRole('listitem').map((row) => row.querySelector('.row__title')?.textContent);

describe('case list', () => {
  it('searches instantly, accent-insensitive, across other spellings', async () => {
    const { db } = signIn();
    await writeCase(db, { givenName: 'Jonas', familyName: 'Müller' });
    await writeCase(db, {
      givenName: 'Mohammed',
      familyName: 'Al-Hassan',
      otherNames: ['Muhammad'],
    });
    renderAt('/faelle');
    await waitFor(() => expect(rowNames()).toEqual(['Mohammed Al-Hassan', 'Jonas Müller']));

    fireEvent.input(screen.getByLabelText('Name suchen'), { target: { value: 'muller' } });
    await waitFor(() => expect(rowNames()).toEqual(['Jonas Müller']));
    fireEvent.input(screen.getByLabelText('Name suchen'), { target: { value: 'muham' } });
    await waitFor(() => expect(rowNames()).toEqual(['Mohammed Al-Hassan']));
    fireEvent.input(screen.getByLabelText('Name suchen'), { target: { value: 'xyz' } });
    expect(await screen.findByText(/Keine Fälle gefunden/)).toBeTruthy();
  });

  it('filters by my cases and by open tasks', async () => {
    const { db, user } = signIn();
    await writeCase(db, { givenName: 'Amina', familyName: 'Haidari', assignedTo: user.id });
    const other = await writeCase(db, {
      givenName: 'Jonas',
      familyName: 'Müller',
      assignedTo: 'someone',
    });
    await write(db, 'tasks', {
      caseId: other,
      title: 'Anrufen',
      dueOn: '2025-03-20',
      kind: 'follow_up',
    });
    renderAt('/faelle');
    await waitFor(() => expect(rowNames()).toHaveLength(2));

    fireEvent.click(screen.getByRole('button', { name: 'Meine' }));
    await waitFor(() => expect(rowNames()).toEqual(['Amina Haidari']));
    expect(screen.getByRole('button', { name: 'Meine' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Meine' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mit offenen Aufgaben' }));
    await waitFor(() => expect(rowNames()).toEqual(['Jonas Müller']));
  });

  it('shows a case added elsewhere without a reload (live query)', async () => {
    const { db } = signIn();
    renderAt('/faelle');
    expect(await screen.findByText(/Noch keine Fälle/)).toBeTruthy();
    await writeCase(db, { givenName: 'Amina', familyName: 'Haidari' });
    await waitFor(() => expect(rowNames()).toEqual(['Amina Haidari']));
    expect(screen.getByRole('link', { name: /Amina Haidari/ }).getAttribute('href')).toMatch(
      /^\/faelle\/[0-9a-f-]+$/,
    );
  });
});
