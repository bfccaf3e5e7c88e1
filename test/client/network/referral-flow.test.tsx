// Refer a case to an offer, hit the consent gate, record the consent, send, complete.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { signInForTest, signOutForTest } from '../sync/signed-in';
import { choose, renderNetworkApp, seedReferralScene } from './network-app';
import { addDays, toLocalDate } from '../../../src/shared/domain/common';

afterEach(() => {
  cleanup();
  signOutForTest();
});

describe('referral from a case', () => {
  it('goes from draft through the consent gate to sent and completed', async () => {
    const { db } = signInForTest();
    const { caseId, partnerId, offerId, needId } = await seedReferralScene(db);
    const today = toLocalDate(new Date());

    // 1. Refer to the offer (the hint's link carries only the offer id).
    renderNetworkApp(`/faelle/${caseId}/vermittlungen/neu?angebot=${offerId}`);
    expect(((await screen.findByLabelText(/^Partner/)) as HTMLSelectElement).value).toBe(partnerId);
    expect((screen.getByLabelText('Angebot') as HTMLSelectElement).value).toBe(offerId);
    choose(screen.getByLabelText('Bedarf'), needId);
    fireEvent.input(screen.getByLabelText('Anlass'), { target: { value: 'Möchte nähen lernen' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    // 2. The draft cannot be sent: the gate explains why (once), and "Senden" is disabled.
    expect(await screen.findByRole('heading', { name: 'Einwilligung nötig' })).toBeTruthy();
    expect(
      screen.getAllByText(/keine gültige Einwilligung zur Weitergabe an diesen Partner/),
    ).toHaveLength(1);
    expect((screen.getByRole('button', { name: 'Senden' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    const [referral] = await db.referrals.toArray();
    expect(referral).toMatchObject({
      status: 'draft',
      offerId,
      needId,
      reason: 'Möchte nähen lernen',
    });

    // 3. One tap to record the consent; purpose and partner are filled in.
    fireEvent.click(screen.getByRole('link', { name: 'Einwilligung erfassen' }));
    const purpose = (await screen.findByLabelText(/^Zweck/)) as HTMLSelectElement;
    expect(purpose.value).toBe('share_with_partner');
    expect((screen.getByLabelText(/^Partner/) as HTMLSelectElement).value).toBe(partnerId);
    // The language by its name, stored as its code (issue 27 item 8: no raw "ar" on screen).
    const language = screen.getByLabelText('Sprache des Formulars') as HTMLSelectElement;
    expect([...language.options].map((option) => option.text)).toContain('العربية (Arabisch)');
    fireEvent.change(language, { target: { value: 'ar' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    // 4. Back on the referral, the gate is gone; sending creates the follow-up task.
    await screen.findByRole('button', { name: 'Senden' });
    await waitFor(() => expect(screen.queryByText('Einwilligung nötig')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Senden' }));
    await screen.findByRole('button', { name: 'Angenommen' });
    const [consent] = await db.consents.toArray();
    expect(consent).toMatchObject({
      purpose: 'share_with_partner',
      partnerId,
      formLanguage: 'ar',
    });
    expect(await db.referrals.get(referral!.id)).toMatchObject({
      status: 'sent',
      sentOn: today,
      consentId: consent!.id,
    });
    const tasks = await db.tasks.toArray();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      caseId,
      kind: 'follow_up',
      sourceTable: 'referrals',
      sourceId: referral!.id,
      dueOn: addDays(today, 14),
    });
    expect(tasks[0]!.title).toContain('Nähwerkstatt e. V.');

    // 5. Accepted, started, completed: the linked need can be marked as met on the way.
    fireEvent.click(screen.getByRole('button', { name: 'Angenommen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Hat begonnen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Abgeschlossen' }));
    const sheet = await screen.findByRole('dialog', { name: 'Abgeschlossen' });
    fireEvent.input(within(sheet).getByLabelText('Ergebnis'), {
      target: { value: 'Kurs beendet' },
    });
    expect(
      (within(sheet).getByLabelText(/als erfüllt markieren/) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.click(within(sheet).getByRole('button', { name: 'Abgeschlossen' }));
    await waitFor(async () =>
      expect(await db.referrals.get(referral!.id)).toMatchObject({
        status: 'completed',
        outcome: 'Kurs beendet',
        closedOn: today,
      }),
    );
    expect(await db.needs.get(needId)).toMatchObject({ status: 'met', resolvedOn: today });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Zurückziehen' })).toBeNull());
  });

  it('withdrawing a draft needs no consent and ends the referral', async () => {
    const { db } = signInForTest();
    const { caseId, partnerId } = await seedReferralScene(db);
    renderNetworkApp(`/faelle/${caseId}/vermittlungen/neu`);
    choose(await screen.findByLabelText(/^Partner/), partnerId);
    await screen.findByRole('option', { name: 'Nähkurs' });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Zurückziehen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Vermittlung zurückziehen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zurückziehen' }));
    await waitFor(async () => expect((await db.referrals.toArray())[0]?.status).toBe('withdrawn'));
    expect(await db.tasks.count()).toBe(0);
  });
});
