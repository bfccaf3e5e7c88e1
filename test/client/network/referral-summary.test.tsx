// The printable summary shows only data the consent covers and the THM picks; nothing else leaks.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { signInForTest, signOutForTest } from '../sync/signed-in';
import { renderNetworkApp, seed, seedReferralScene } from './network-app';
import { addDays, toLocalDate } from '../../../src/shared/domain/common';
import { putRecord } from '../../../src/local/write-record';
import { saveDocument } from '../../../src/local/documents/document-store';

afterEach(() => {
  cleanup();
  signOutForTest();
});

const today = toLocalDate(new Date());

async function scene(sharedData: string[]) {
  const { db } = signInForTest();
  const s = await seedReferralScene(db);
  await putRecord(db, 'cases', s.caseId, {
    birthDate: '2003-04-05',
    phone: '0170 1234567',
    schooling: 'msa',
    lifeWorldNotes: 'Geheime Notiz zur Lebenswelt',
  });
  await seed(db, 'statuses', { caseId: s.caseId, kind: 'duldung', issuedOn: '2025-01-01' });
  await seed(db, 'consents', {
    caseId: s.caseId,
    purpose: 'share_with_partner',
    partnerId: s.partnerId,
    givenOn: addDays(today, -3),
    sharedData,
  });
  const referralId = await seed(db, 'referrals', {
    caseId: s.caseId,
    partnerId: s.partnerId,
    direction: 'out',
    status: 'sent',
    offerId: s.offerId,
    reason: 'Möchte nähen lernen',
  });
  return { db, ...s, referralId };
}

describe('referral summary for a partner', () => {
  it('offers only covered data, shows only what is ticked, and never the rest', async () => {
    const { caseId, referralId } = await scene(['name', 'contact', 'reason']);
    renderNetworkApp(`/faelle/${caseId}/vermittlungen/${referralId}/zusammenfassung`);
    const sheet = await screen.findByRole('article');

    // Only the reason is preselected; the picker lists just what the consent covers.
    expect(sheet.textContent).toContain('Möchte nähen lernen');
    expect(sheet.textContent).not.toContain('Haddad');
    expect(screen.queryByLabelText('Geburtsdatum')).toBeNull();
    expect(screen.queryByLabelText('Aufenthaltsstatus')).toBeNull();

    fireEvent.click(screen.getByLabelText('Name'));
    await waitFor(() => expect(sheet.textContent).toContain('Amina Haddad'));
    expect(sheet.textContent).not.toContain('0170 1234567');
    fireEvent.click(screen.getByLabelText('Kontakt (Telefon, E-Mail)'));
    await waitFor(() => expect(sheet.textContent).toContain('0170 1234567'));

    for (const secret of [
      '05.04.2003',
      'Duldung',
      'Mittlerer',
      'Geheime Notiz',
      'Sinnvolle Freizeit',
    ]) {
      expect(sheet.textContent).not.toContain(secret);
    }
    expect(sheet.textContent).toContain('Nähwerkstatt e. V.');
    expect(sheet.textContent).toContain('Nähkurs');
    expect(sheet.getAttribute('lang')).toBe('de');
    expect(screen.getByRole('button', { name: 'Drucken' })).toBeTruthy();
  });

  it('prints the sheet alone only while it is on screen; other pages print as they are', async () => {
    const { db, caseId, referralId } = await scene(['reason']);
    renderNetworkApp(`/faelle/${caseId}/vermittlungen/${referralId}/zusammenfassung`);
    await screen.findByRole('article');
    // network.css hides everything but .print-sheet in print under this class only.
    await waitFor(() =>
      expect(document.body.classList.contains('prints-referral-sheet')).toBe(true),
    );
    cleanup();
    expect(document.body.classList.contains('prints-referral-sheet')).toBe(false);

    const [consent] = await db.consents.toArray();
    await putRecord(db, 'consents', consent!.id, { withdrawnOn: today });
    // Every time the class appears, is the sheet on screen? Watched from the withdrawn state (no
    // sheet, an alert) until a new consent brings the sheet back and the class with it: the effects
    // of the alert's render have run by then, so no fixed wait is needed.
    const sheetShownWhenAdded: boolean[] = [];
    const observer = new MutationObserver(() => {
      if (document.body.classList.contains('prints-referral-sheet')) {
        sheetShownWhenAdded.push(document.querySelector('article.print-sheet') !== null);
      }
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
    try {
      renderNetworkApp(`/faelle/${caseId}/vermittlungen/${referralId}/zusammenfassung`);
      await screen.findByRole('alert');
      expect(document.body.classList.contains('prints-referral-sheet')).toBe(false);
      await seed(db, 'consents', {
        caseId,
        purpose: 'share_with_partner',
        partnerId: consent!.partnerId,
        givenOn: today,
        sharedData: ['reason'],
      });
      await screen.findByRole('article');
      await waitFor(() =>
        expect(document.body.classList.contains('prints-referral-sheet')).toBe(true),
      );
    } finally {
      observer.disconnect();
    }
    expect(sheetShownWhenAdded).not.toEqual([]);
    expect(sheetShownWhenAdded.every(Boolean)).toBe(true);
  });

  it('names the person for the THM on the screen, outside the printed sheet', async () => {
    const { caseId, referralId } = await scene(['contact', 'reason']);
    renderNetworkApp(`/faelle/${caseId}/vermittlungen/${referralId}/zusammenfassung`);
    const sheet = await screen.findByRole('article');
    expect(screen.getByText(/^Für Amina Haddad:/)).toBeTruthy();
    expect(sheet.textContent).not.toContain('Amina');
  });

  it('the referral detail names the person and links to the case', async () => {
    const { caseId, referralId } = await scene(['reason']);
    renderNetworkApp(`/faelle/${caseId}/vermittlungen/${referralId}`);
    const link = await screen.findByRole('link', { name: 'für Amina Haddad' });
    expect(link.getAttribute('href')).toBe(`/faelle/${caseId}`);
  });

  it('without a valid consent there is no summary at all', async () => {
    const { db, caseId, referralId } = await scene(['name', 'reason']);
    const [consent] = await db.consents.toArray();
    await putRecord(db, 'consents', consent!.id, { withdrawnOn: today });
    renderNetworkApp(`/faelle/${caseId}/vermittlungen/${referralId}/zusammenfassung`);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Keine gültige Einwilligung/);
    expect(screen.queryByRole('article')).toBeNull();
    expect(document.body.textContent).not.toContain('Möchte nähen lernen');
  });

  it('names the documents of the referral only when the consent covers them, never attaches them', async () => {
    for (const covered of [false, true]) {
      const { db, caseId, referralId } = await scene(
        covered ? ['reason', 'documents'] : ['reason'],
      );
      const saved = await saveDocument(db, {
        caseId,
        kind: 'certificate',
        title: 'Zeugnis Berufskolleg',
        date: '2026-05-01',
        pages: [{ type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7') }],
        links: { referralId },
      });
      expect(saved.ok).toBe(true);
      renderNetworkApp(`/faelle/${caseId}/vermittlungen/${referralId}/zusammenfassung`);
      const sheet = await screen.findByRole('article');
      if (covered) {
        fireEvent.click(screen.getByLabelText('Dokumente (nur genannt, nicht beigefügt)'));
        await waitFor(() =>
          expect(sheet.textContent).toContain('Zeugnis Berufskolleg (01.05.2026)'),
        );
        expect(sheet.querySelector('img, iframe, object, a[href^="blob:"]')).toBeNull();
      } else {
        expect(screen.queryByLabelText('Dokumente (nur genannt, nicht beigefügt)')).toBeNull();
        expect(sheet.textContent).not.toContain('Zeugnis');
      }
      cleanup();
      signOutForTest();
    }
  });
});
