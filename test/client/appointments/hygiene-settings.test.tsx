import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { settingId } from '../../../src/shared/domain/setting';
import { renderAt, signIn, signOut, writeCase } from './appointment-fixtures';

afterEach(() => {
  cleanup();
  signOut();
});

describe('hygiene checklist as a team setting', () => {
  it('saves the team’s items under the id derived from the team, and the form uses them', async () => {
    const { db, user } = signIn();
    renderAt('/termine/hygiene');
    fireEvent.click(await screen.findByRole('button', { name: '„Masken vorhanden“ entfernen' }));
    fireEvent.input(screen.getByLabelText('Neuer Punkt'), {
      target: { value: 'Desinfektionsmittel bereit' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Punkt hinzufügen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Checkliste speichern' }));

    const id = settingId(user.team.id, 'hygiene_items');
    await waitFor(async () =>
      expect((await db.settings.get(id))?.value).toEqual([
        'distance',
        'ventilation',
        'contact_list',
        'room_capacity',
        'Desinfektionsmittel bereit',
      ]),
    );
    expect(await db.settings.count()).toBe(1);
    cleanup();

    const caseId = await writeCase(db);
    renderAt(`/termine/neu?fall=${caseId}`);
    expect(await screen.findByLabelText('Desinfektionsmittel bereit')).toBeTruthy();
    expect(screen.queryByLabelText('Masken vorhanden')).toBeNull();
  });
});
