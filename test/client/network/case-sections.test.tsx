// Offer hints on a case, the conference consent check, and a referral a partner makes.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { signInForTest, signOutForTest } from '../sync/signed-in';
import { choose, renderNetworkApp, seed, seedReferralScene } from './network-app';
import { ConferenceConsentCheck } from '../../../src/client/features/network/conference-consent-check';
import { CaseOfferHints } from '../../../src/client/features/network/case-offer-hints';
import { addDays, toLocalDate } from '../../../src/shared/domain/common';

afterEach(() => {
  cleanup();
  signOutForTest();
});

const today = toLocalDate(new Date());

describe('offer hints on a case', () => {
  it('suggests offers for the current status with the "hint, not legal advice" text', async () => {
    const { db } = signInForTest();
    const { caseId, partnerId, offerId } = await seedReferralScene(db);
    await seed(db, 'offers', {
      partnerId,
      title: 'Kurs für Aufenthaltserlaubnis',
      targetStatuses: ['aufenthaltserlaubnis'],
    });
    await seed(db, 'statuses', { caseId, kind: 'aufenthaltserlaubnis', issuedOn: '2023-01-01' });
    await seed(db, 'statuses', { caseId, kind: 'duldung', issuedOn: '2025-01-01' });
    render(
      <LocationProvider>
        <CaseOfferHints caseId={caseId} />
      </LocationProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Passende Angebote' });
    const link = within(list).getByRole('link');
    expect(link.textContent).toContain('Nähkurs');
    expect(link.getAttribute('href')).toBe(
      `/faelle/${caseId}/vermittlungen/neu?angebot=${offerId}`,
    );
    expect(within(list).queryByText('Kurs für Aufenthaltserlaubnis')).toBeNull();
    expect(screen.getByText(/Hinweis, keine Rechtsberatung/)).toBeTruthy();
    expect(screen.getByText('Für: Duldung')).toBeTruthy();
    // Why the other offer is missing (issue 13).
    expect(screen.getByText('Nicht gezeigt: 1 für andere Aufenthaltsstatus.')).toBeTruthy();
  });

  it('says so when no status is recorded', async () => {
    const { db } = signInForTest();
    const { caseId } = await seedReferralScene(db);
    render(
      <LocationProvider>
        <CaseOfferHints caseId={caseId} />
      </LocationProvider>,
    );
    expect(await screen.findByText(/Ohne erfassten Aufenthaltsstatus/)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });
});

describe('case conference consent check', () => {
  it('warns per partner without a conference consent and links to record one', async () => {
    const { db } = signInForTest();
    const { caseId, partnerId } = await seedReferralScene(db);
    const jobcenter = await seed(db, 'partners', {
      name: 'Jobcenter',
      kind: 'jobcenter',
      agreement: 'none',
    });
    const abh = await seed(db, 'partners', {
      name: 'Ausländerbehörde',
      kind: 'abh',
      agreement: 'none',
    });
    await seed(db, 'consents', {
      caseId,
      purpose: 'case_conference',
      partnerId,
      givenOn: addDays(today, -2),
    });
    const withdrawn = await seed(db, 'consents', {
      caseId,
      purpose: 'case_conference',
      partnerId: abh,
      givenOn: addDays(today, -20),
    });
    await db.consents.update(withdrawn, { withdrawnOn: today });
    render(
      <LocationProvider>
        <ConferenceConsentCheck caseId={caseId} partnerIds={[partnerId, jobcenter, abh]} />
      </LocationProvider>,
    );
    const rows = await screen.findAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByText('Einwilligung liegt vor')).toBeTruthy();
    expect(within(rows[1]!).getByRole('alert').textContent).toMatch(/nennt einen anderen Partner/);
    expect(within(rows[2]!).getByRole('alert').textContent).toMatch(/widerrufen/);
    const record = within(rows[1]!).getByRole('link', { name: /Einwilligung erfassen: Jobcenter/ });
    expect(record.getAttribute('href')).toBe(
      `/faelle/${caseId}/einwilligungen/neu?zweck=case_conference&partner=${jobcenter}`,
    );
  });
});

describe('referral from a partner', () => {
  it('takes a referral for a new person: a case in inquiry and a received referral', async () => {
    const { db } = signInForTest();
    const partnerId = await seed(db, 'partners', {
      name: 'JMD Süd',
      kind: 'jmd',
      agreement: 'none',
    });
    renderNetworkApp('/netzwerk/eingang');
    choose(await screen.findByLabelText(/Von welchem Partner/), partnerId);
    fireEvent.input(screen.getByLabelText(/^Vorname/), { target: { value: 'Yusuf' } });
    fireEvent.input(screen.getByLabelText(/^Nachname/), { target: { value: 'Karimi' } });
    fireEvent.input(screen.getByLabelText(/Was hat der Partner bemerkt/), {
      target: { value: 'Sucht Ausbildung' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Vermittlung aufnehmen' }));

    expect(await screen.findByRole('button', { name: 'Erstkontakt hatte statt' })).toBeTruthy();
    const [person] = await db.cases.toArray();
    expect(person).toMatchObject({
      givenName: 'Yusuf',
      familyName: 'Karimi',
      status: 'inquiry',
      referredByPartnerId: partnerId,
    });
    const [referral] = await db.referrals.toArray();
    expect(referral).toMatchObject({
      caseId: person!.id,
      partnerId,
      direction: 'in',
      status: 'received',
      reason: 'Sucht Ausbildung',
      receivedOn: today,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Erstkontakt hatte statt' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Übernehmen' }));
    await waitFor(async () =>
      expect((await db.referrals.get(referral!.id))?.status).toBe('taken_on'),
    );
  });

  it('joins an existing case without creating another', async () => {
    const { db } = signInForTest();
    const { caseId, partnerId } = await seedReferralScene(db);
    renderNetworkApp('/netzwerk/eingang');
    choose(await screen.findByLabelText(/Von welchem Partner/), partnerId);
    fireEvent.click(screen.getByLabelText('Bestehender Fall'));
    fireEvent.input(await screen.findByLabelText('Fall suchen'), { target: { value: 'hadd' } });
    await screen.findByRole('option', { name: 'Amina Haddad' });
    choose(screen.getByLabelText(/^Bestehender Fall/, { selector: 'select' }), caseId);
    fireEvent.click(screen.getByRole('button', { name: 'Vermittlung aufnehmen' }));
    await waitFor(async () => expect(await db.referrals.count()).toBe(1));
    expect(await db.cases.count()).toBe(1);
    expect((await db.referrals.toArray())[0]).toMatchObject({
      caseId,
      direction: 'in',
      status: 'received',
    });
  });
});
