// "Mit anderem Fall zusammenführen" on the phone (issue 26, SPEC [G1], [G3], [G6]): pick the other
// case from the probable duplicates, choose the case that stays and a value field by field, merge
// offline; the old address says where the case went; "Rückgängig machen" brings it back.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { preloadScreens, renderAt, signIn, signOut, write, writeCase } from './case-fixtures';

beforeAll(preloadScreens);
afterEach(signOut);

describe('merging two cases of one person', () => {
  it('[G3] offers the probable duplicate, merges with the chosen values and moves the records', async () => {
    const { db } = signIn();
    const keptId = await writeCase(db, { givenName: 'Zuleikha', familyName: 'Ahmadi' });
    const otherId = await writeCase(db, {
      givenName: 'Zulaika',
      familyName: 'Ahmadi',
      birthDate: '2004-03-12',
      phone: '0170 5551234',
    });
    const needId = await write(db, 'needs', {
      caseId: otherId,
      category: 'language',
      priority: 'high',
      source: 'self',
      status: 'open',
    });
    renderAt(`/faelle/${keptId}/zusammenfuehren`);
    const probable = await screen.findByRole('list', {
      name: 'Wahrscheinlich dieselbe Person',
    });
    fireEvent.click(within(probable).getByText('Zulaika Ahmadi'));
    await waitFor(() =>
      expect(location.pathname).toBe(`/faelle/${keptId}/zusammenfuehren/${otherId}`),
    );

    // The case that stays is the one the THM came from.
    expect(
      ((await screen.findByRole('radio', { name: /^Zuleikha Ahmadi/ })) as HTMLInputElement)
        .checked,
    ).toBe(true);
    const givenName = screen.getByRole('group', { name: 'Vorname' });
    expect(
      (within(givenName).getByRole('radio', { name: /^Zuleikha/ }) as HTMLInputElement).checked,
    ).toBe(true);
    // The THM takes the other spelling as the given name; the gaps are filled by themselves.
    fireEvent.click(within(givenName).getByRole('radio', { name: /^Zulaika/ }));
    expect(screen.queryByRole('group', { name: 'Telefon' })).toBeNull();
    expect(screen.getByText('Telefon: 0170 5551234')).toBeTruthy();
    expect(await screen.findByText('Bedarf: 1')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Zusammenführen' }));
    await waitFor(() => expect(location.pathname).toBe(`/faelle/${keptId}`));
    expect(await db.cases.get(otherId)).toBeUndefined();
    expect(await db.cases.get(keptId)).toMatchObject({
      givenName: 'Zulaika',
      phone: '0170 5551234',
      birthDate: '2004-03-12',
      // The name the kept case had is kept as another spelling.
      otherNames: ['Zuleikha Ahmadi'],
    });
    expect((await db.needs.get(needId))?.caseId).toBe(keptId);
    const outbox = await db.outbox.toArray();
    expect(outbox.at(-1)).toMatchObject({
      table: 'merges',
      fields: expect.objectContaining({
        caseId: keptId,
        mergedCaseId: otherId,
        taken: ['birthDate', 'phone', 'givenName'],
      }),
    });
    expect(await screen.findByText('Fälle zusammengeführt.')).toBeTruthy();
  });

  it('[G6] the kept case lists the merge and undoes it; the old address leads to the kept case', async () => {
    const { db } = signIn();
    const keptId = await writeCase(db, { givenName: 'Yonas', familyName: 'Tesfaye' });
    const otherId = await writeCase(db, { givenName: 'Yonas', familyName: 'Tesfay' });
    const { mergeCases } = await import('../../../src/local/merge-cases');
    const merged = await mergeCases(db, { keptId, mergedId: otherId, taken: [] });
    expect(merged.ok).toBe(true);

    renderAt(`/faelle/${otherId}`);
    expect(await screen.findByText('Dieser Fall wurde zusammengeführt.')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Zum Fall Yonas Tesfaye' }));
    await waitFor(() => expect(location.pathname).toBe(`/faelle/${keptId}`));
    const section = await screen.findByRole('region', { name: 'Zusammengeführt' });
    expect(within(section).getByText(/^Yonas Tesfay am .* zusammengeführt von ich$/)).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Rückgängig machen' }));
    await waitFor(async () => expect(await db.cases.get(otherId)).toBeTruthy());
    expect((await db.cases.get(otherId))?.familyName).toBe('Tesfay');
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Zusammengeführt' })).toBeNull(),
    );
  });
});
