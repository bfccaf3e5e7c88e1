import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { MorePage } from '../../../src/client/features/settings/more-page';
import { chooseLanguage } from '../../../src/client/state/language';
import { useSession } from '../../../src/client/state/session';
import { createRecord } from '../../../src/local/write-record';
import { signInForTest } from '../sync/signed-in';

function fakeStorage(persisted: boolean, grant: boolean) {
  const storage = {
    estimate: vi.fn(async () => ({ usage: 12.5 * 1024 * 1024, quota: 2 * 1024 ** 3 })),
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      persisted = grant;
      return grant;
    }),
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  return storage;
}

afterEach(async () => {
  cleanup();
  await chooseLanguage('de');
  useSession.getState().signOut();
});

describe('Mehr', () => {
  it('shows the account, pending changes, storage use and persistence', async () => {
    fakeStorage(false, true);
    const { db } = signInForTest();
    await createRecord(db, 'cases', {
      givenName: 'Amina',
      familyName: 'Haddad',
      status: 'inquiry',
    });
    render(<MorePage />);
    expect(screen.getByText('Lena Berger')).toBeTruthy();
    expect(screen.getByText(/Team: Team Nord/)).toBeTruthy();
    expect(await screen.findByText(/1 Änderung offen/)).toBeTruthy();
    expect(await screen.findByText('12,5 MB belegt, 2,0 GB verfügbar')).toBeTruthy();
    expect(screen.getByText(/Nicht dauerhaft gespeichert/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Konflikte \(0\)/ })).toBeTruthy();
  });

  it('asks for persistent storage and shows the new state', async () => {
    const storage = fakeStorage(false, true);
    signInForTest();
    render(<MorePage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Dauerhaft speichern' }));
    expect(await screen.findByText(/Dauerhaft gespeichert: Der Browser löscht/)).toBeTruthy();
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('explains when the browser refuses persistence', async () => {
    fakeStorage(false, false);
    signInForTest();
    render(<MorePage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Dauerhaft speichern' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Der Browser hat die dauerhafte Speicherung abgelehnt.',
    );
  });

  it('switches the language to English and keeps the choice', async () => {
    fakeStorage(true, true);
    signInForTest();
    render(<MorePage />);
    fireEvent.click(screen.getByLabelText('English'));
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(localStorage.getItem('feldakte.language')).toBe('en');
  });

  it('offers the sign-out dialog', async () => {
    fakeStorage(true, true);
    signInForTest();
    render(<MorePage />);
    fireEvent.click(screen.getByRole('button', { name: 'Abmelden' }));
    expect(await screen.findByRole('dialog', { name: 'Abmelden' })).toBeTruthy();
    expect(screen.getByText('Was soll mit den Daten auf diesem Gerät passieren?')).toBeTruthy();
  });
});
