// A confirmed withdrawal stops new sharing at once and shows on every open referral.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { signInForTest, signOutForTest } from '../sync/signed-in';
import { renderNetworkApp, seed, seedReferralScene } from './network-app';
import { addDays, toLocalDate } from '../../../src/shared/domain/common';
import { putRecord } from '../../../src/local/write-record';

afterEach(() => {
  cleanup();
  signOutForTest();
});

const today = toLocalDate(new Date());

async function sentReferralWithConsent() {
  const { db } = signInForTest();
  const scene = await seedReferralScene(db);
  const consentId = await seed(db, 'consents', {
    caseId: scene.caseId,
    purpose: 'share_with_partner',
    partnerId: scene.partnerId,
    givenOn: addDays(today, -10),
    sharedData: ['name', 'reason'],
  });
  const referralId = await seed(db, 'referrals', {
    caseId: scene.caseId,
    partnerId: scene.partnerId,
    direction: 'out',
    status: 'sent',
    offerId: scene.offerId,
  });
  return { db, ...scene, consentId, referralId };
}

describe('consent withdrawal', () => {
  it('a confirmed withdrawal shows on the open referral as a warning', async () => {
    const { db, caseId, consentId } = await sentReferralWithConsent();
    renderNetworkApp(`/faelle/${caseId}`);
    const referrals = await screen.findByRole('list', { name: 'Vermittlungen' });
    expect(await within(referrals).findByText('Gesendet')).toBeTruthy();
    expect(within(referrals).queryByText(/widerrufen/)).toBeNull();

    const consents = screen.getByRole('list', { name: 'Einwilligungen' });
    expect(within(consents).getByText('Gültig')).toBeTruthy();
    fireEvent.click(within(consents).getByRole('button', { name: /^Widerrufen: Weitergabe/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Einwilligung widerrufen' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Widerrufen' }));

    await waitFor(() => expect(within(consents).getByText('Widerrufen')).toBeTruthy());
    expect((await db.consents.get(consentId))?.withdrawnOn).toBe(today);
    const warning = await within(referrals).findByText(/Einwilligung am .* widerrufen/);
    expect(warning.textContent).toContain('keine weiteren Daten an diesen Partner weitergeben');
  });

  it('after withdrawal the referral page warns and offers no summary; a new referral cannot be sent', async () => {
    const { db, caseId, partnerId, consentId, referralId } = await sentReferralWithConsent();
    await putRecord(db, 'consents', consentId, { withdrawnOn: today });
    const draftId = await seed(db, 'referrals', {
      caseId,
      partnerId,
      direction: 'out',
      status: 'draft',
    });

    renderNetworkApp(`/faelle/${caseId}/vermittlungen/${referralId}`);
    expect((await screen.findByRole('alert')).textContent).toMatch(/widerrufen/);
    expect(screen.queryByRole('link', { name: 'Zusammenfassung für den Partner' })).toBeNull();
    cleanup();

    renderNetworkApp(`/faelle/${caseId}/vermittlungen/${draftId}`);
    // "Senden" is disabled and points at its reason, which shows once (in the consent gate).
    const send = (await screen.findByRole('button', { name: 'Senden' })) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    const reason = document.getElementById(send.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toMatch(/erst mit gültiger Einwilligung/);
    expect(screen.getAllByText(/wurde am .* widerrufen/)).toHaveLength(1);
    fireEvent.click(send);
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await db.referrals.get(draftId))?.status).toBe('draft');
  });

  it('a withdrawal cannot be taken back', async () => {
    const { db, consentId } = await sentReferralWithConsent();
    await putRecord(db, 'consents', consentId, { withdrawnOn: today });
    const result = await putRecord(db, 'consents', consentId, { withdrawnOn: null });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toMatch(/nicht zurücknehmen/);
  });
});
