import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { settingId } from '../../../src/shared/domain/setting';
import { renderAt, signIn, signOut, writeCase } from './appointment-fixtures';
import { hygieneItemLabel } from '../../../src/client/features/appointments/labels';

afterEach(() => {
  cleanup();
  signOut();
});

describe('hygiene checklist as a team setting', () => {
  it('saves the team’s items under the id derived from the team, and the form uses them', async () => {
    const { db, user } = signIn();
    // Off until the team switches it on (issue 27 item 9): no items, the old ones as suggestions.
    const caseId = await writeCase(db);
    renderAt(`/termine/neu?fall=${caseId}`);
    await screen.findByText('Amina Yousef');
    expect(screen.getByRole('radio', { name: 'Persönlich' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Hygiene-Checkliste' })).toBeNull();
    cleanup();
    renderAt('/termine/hygiene');
    await screen.findByText(/^Aus: persönliche Termine zeigen keine Checkliste/);
    for (const item of ['distance', 'masks', 'ventilation', 'contact_list', 'room_capacity'])
      fireEvent.click(
        screen.getByRole('button', {
          name: `„${hygieneItemLabel(item)}“ hinzufügen`,
        }),
      );
    await screen.findByText(/^An: persönliche Termine zeigen 5 Punkte/);
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

    renderAt(`/termine/neu?fall=${caseId}`);
    expect(await screen.findByLabelText('Desinfektionsmittel bereit')).toBeTruthy();
    expect(screen.queryByLabelText('Masken vorhanden')).toBeNull();
  });
});
