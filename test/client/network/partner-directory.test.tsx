// The partner directory: search, kind filter, a new partner through its form, the starter list.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { signInForTest, signOutForTest } from '../sync/signed-in';
import { choose, renderNetworkApp, seed } from './network-app';
import { starterNetwork } from '../../../src/shared/domain/starter-network';

afterEach(() => {
  cleanup();
  signOutForTest();
});

describe('partner directory', () => {
  it('finds partners by name or contact person, ignoring case and accents', async () => {
    const { db } = signInForTest();
    await seed(db, 'partners', {
      name: 'Jobcenter Nord',
      kind: 'jobcenter',
      agreement: 'none',
      contactPerson: 'Frau Müller',
    });
    await seed(db, 'partners', {
      name: 'VHS Mitte',
      kind: 'vhs',
      agreement: 'in_place',
      agreementOn: '2024-09-01',
    });
    renderNetworkApp('/netzwerk');
    const list = await screen.findByRole('list', { name: 'Netzwerk' });
    expect(within(list).getAllByRole('link')).toHaveLength(2);

    fireEvent.input(screen.getByLabelText(/Partner suchen/), { target: { value: 'mull' } });
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(1));
    expect(within(list).getByText('Jobcenter Nord')).toBeTruthy();

    fireEvent.input(screen.getByLabelText(/Partner suchen/), { target: { value: '' } });
    choose(screen.getByLabelText('Art'), 'vhs');
    expect(await within(list).findByText('VHS Mitte')).toBeTruthy();
    await waitFor(() => expect(within(list).queryByText('Jobcenter Nord')).toBeNull());
    expect(within(list).getByText('Besteht')).toBeTruthy();

    fireEvent.input(screen.getByLabelText(/Partner suchen/), { target: { value: 'xyz' } });
    expect(await screen.findByText('Kein Partner passt zur Suche.')).toBeTruthy();
  });

  it('adds a partner; an agreement in place asks for its date', async () => {
    const { db } = signInForTest();
    renderNetworkApp('/netzwerk/neu');
    fireEvent.input(await screen.findByLabelText(/^Name/), {
      target: { value: 'Berufskolleg Ost' },
    });
    choose(screen.getByLabelText(/^Art/), 'vocational_college');
    fireEvent.click(screen.getByLabelText('Besteht'));
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Bitte das Datum der Kooperationsvereinbarung eingeben.',
    );
    expect(await db.partners.count()).toBe(0);

    fireEvent.input(screen.getByLabelText(/Datum der Vereinbarung/), {
      target: { value: '2025-02-01' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(async () => expect(await db.partners.count()).toBe(1));
    expect((await db.partners.toArray())[0]).toMatchObject({
      name: 'Berufskolleg Ost',
      kind: 'vocational_college',
      agreement: 'in_place',
      agreementOn: '2025-02-01',
    });
    expect(await screen.findByRole('heading', { name: 'Angebote' })).toBeTruthy();
  });

  it('loads the starter list once; loading again adds nothing twice', async () => {
    const { db } = signInForTest();
    renderNetworkApp('/netzwerk');
    expect(await screen.findByText(/Noch keine Partner/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Startliste laden' }));
    const offers = starterNetwork.reduce((n, p) => n + p.offers.length, 0);
    expect(
      await screen.findByText(`${starterNetwork.length} Partner und ${offers} Angebote angelegt.`),
    ).toBeTruthy();
    expect(await db.partners.count()).toBe(starterNetwork.length);
    expect(await db.offers.count()).toBe(offers);
    expect(await db.outbox.count()).toBe(starterNetwork.length + offers);

    fireEvent.click(screen.getByRole('button', { name: 'Startliste laden' }));
    expect(
      await screen.findByText('Alle Partner der Startliste sind schon vorhanden.'),
    ).toBeTruthy();
    expect(await db.partners.count()).toBe(starterNetwork.length);
  });

  it('shows a partner with its offers, and adds an offer for some residence statuses', async () => {
    const { db } = signInForTest();
    const partnerId = await seed(db, 'partners', {
      name: 'Radverein',
      kind: 'club',
      agreement: 'none',
      phone: '0211 123',
    });
    renderNetworkApp(`/netzwerk/${partnerId}/angebote/neu`);
    fireEvent.input(await screen.findByLabelText(/^Titel/), { target: { value: 'Fahrradkurs' } });
    fireEvent.click(screen.getByLabelText('Duldung'));
    fireEvent.click(screen.getByLabelText('Aufenthaltsgestattung'));
    fireEvent.input(screen.getByLabelText('Freie Plätze'), { target: { value: '4' } });
    fireEvent.click(screen.getByLabelText('Fahrtkosten werden übernommen'));
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

    const offers = await screen.findByRole('list', { name: 'Angebote' });
    expect(within(offers).getByText('Fahrradkurs')).toBeTruthy();
    expect(within(offers).getByText('Plätze frei')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Anrufen' }).getAttribute('href')).toBe('tel:0211 123');
    expect((await db.offers.toArray())[0]).toMatchObject({
      partnerId,
      title: 'Fahrradkurs',
      targetStatuses: ['gestattung', 'duldung'],
      places: 4,
      travelCosts: true,
      active: true,
    });
  });
});
