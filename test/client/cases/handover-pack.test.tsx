// "Übergabepaket" (issue 26 item 4): a printable summary for the body taking the case over, only
// with what the person's consent to share with that body covers, naming what was left out; no
// sheet at all without a valid consent.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/preact';
import {
  choose,
  preloadScreens,
  renderAt,
  signIn,
  signOut,
  write,
  writeCase,
} from './case-fixtures';

beforeAll(preloadScreens);
afterEach(signOut);

describe('handover pack', () => {
  it('shows only what the consent covers and names the rest as left out', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db, {
      givenName: 'Yonas',
      familyName: 'Tesfaye',
      birthDate: '2003-11-30',
      phone: '0170 1234567',
      schooling: 'msa',
    });
    const jobcenter = await write(db, 'partners', {
      name: 'Jobcenter Mitte',
      kind: 'jobcenter',
      agreement: 'none',
    });
    const kim = await write(db, 'partners', {
      name: 'KIM Kreis',
      kind: 'other',
      agreement: 'none',
    });
    await write(db, 'consents', {
      caseId,
      purpose: 'share_with_partner',
      partnerId: jobcenter,
      givenOn: '2026-01-05',
      sharedData: ['name', 'birth_date', 'need'],
    });
    await write(db, 'needs', {
      caseId,
      category: 'work',
      priority: 'high',
      source: 'self',
      status: 'open',
      description: 'Ausbildung als Elektriker',
    });
    await write(db, 'statuses', { caseId, kind: 'duldung', validUntil: '2099-01-01' });
    renderAt(`/faelle/${caseId}/uebergabe`);

    choose(await screen.findByLabelText('An welche Stelle?'), kim);
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('Keine gültige Einwilligung zur Weitergabe an diese Stelle'),
    );
    expect(screen.queryByRole('article')).toBeNull();

    choose(screen.getByLabelText('An welche Stelle?'), jobcenter);
    const sheet = await screen.findByRole('article', { name: 'Übergabe: Zusammenfassung' });
    expect(within(sheet).getByText('Yonas Tesfaye')).toBeTruthy();
    expect(within(sheet).getByText('30.11.2003')).toBeTruthy();
    expect(within(sheet).getByText('Arbeit: Ausbildung als Elektriker')).toBeTruthy();
    // Not covered: never on the sheet, but named.
    expect(sheet.textContent).not.toContain('0170 1234567');
    expect(sheet.textContent).not.toContain('Duldung');
    expect(sheet.textContent).not.toContain('Mittlerer Schulabschluss');
    expect(
      within(sheet).getByText(/^Nicht enthalten, weil die Einwilligung es nicht abdeckt:/)
        .textContent,
    ).toContain('Aufenthaltsstatus');
    expect(
      within(sheet).getByText(/Einwilligung zur Weitergabe erteilt am 05\.01\.2026/),
    ).toBeTruthy();
  });
});
