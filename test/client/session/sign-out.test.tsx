import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import { SignOutDialog } from '../../../src/client/features/session/sign-out-dialog';
import { rememberUser } from '../../../src/client/features/session/remembered-user';
import { useSession } from '../../../src/client/state/session';
import { databaseName } from '../../../src/local/db';
import { getActiveUserId } from '../../../src/local/active-user';
import { createRecord } from '../../../src/local/write-record';
import { signInForTest, testUser } from '../sync/signed-in';
import { installFakeApi } from './fake-api';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  useSession.getState().signOut();
  vi.unstubAllGlobals();
});

async function signedInWithChanges(changes: number) {
  const user = testUser();
  await rememberUser(user);
  const { db } = signInForTest(user);
  await db.open();
  for (let i = 0; i < changes; i++) {
    await createRecord(db, 'cases', {
      givenName: `Person ${i}`,
      familyName: 'Test',
      status: 'inquiry',
    });
  }
  return { user, db };
}

describe('signing out', () => {
  it('removing the data is the default (issue 11)', async () => {
    await signedInWithChanges(0);
    render(<SignOutDialog open onClose={() => undefined} />);
    expect(
      (screen.getByLabelText(/Daten von diesem Gerät entfernen/) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('can keep the data on the device for the next sign-in', async () => {
    const { user } = await signedInWithChanges(0);
    const api = installFakeApi({ session: user });
    render(<SignOutDialog open onClose={() => undefined} />);
    expect(screen.getByText('Alle Änderungen sind synchronisiert.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Daten auf dem Gerät behalten/));
    fireEvent.click(screen.getByRole('button', { name: 'Abmelden' }));
    await waitFor(() => expect(useSession.getState().user).toBeNull());
    expect(api.session).toBeNull();
    expect(await Dexie.exists(databaseName(user.id))).toBe(true);
    expect(localStorage.getItem('feldakte.user')).toBeNull();
    expect(await getActiveUserId()).toBeNull();
  });

  it('can remove the data from the device', async () => {
    const { user } = await signedInWithChanges(0);
    installFakeApi({ session: user });
    render(<SignOutDialog open onClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Abmelden' }));
    await waitFor(async () => expect(await Dexie.exists(databaseName(user.id))).toBe(false));
    expect(useSession.getState().user).toBeNull();
  });

  it('warns with the number of unsynced changes and removes them only after confirmation', async () => {
    const { user } = await signedInWithChanges(3);
    installFakeApi({ session: user });
    render(<SignOutDialog open onClose={() => undefined} />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      '3 Änderungen sind noch nicht synchronisiert. Wenn Sie die Daten entfernen, gehen sie verloren.',
    );
    fireEvent.click(screen.getByLabelText(/Daten von diesem Gerät entfernen/));
    const signOut = screen.getByRole('button', { name: 'Abmelden' }) as HTMLButtonElement;
    expect(signOut.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/auch nicht synchronisierte Änderungen löschen/));
    expect(signOut.disabled).toBe(false);
    fireEvent.click(signOut);
    await waitFor(async () => expect(await Dexie.exists(databaseName(user.id))).toBe(false));
  });

  it('offline, it signs out on the device and ends the server session later', async () => {
    const { user, db } = await signedInWithChanges(1);
    installFakeApi({ offline: true });
    render(<SignOutDialog open onClose={() => undefined} />);
    fireEvent.click(screen.getByLabelText(/Daten auf dem Gerät behalten/));
    fireEvent.click(screen.getByRole('button', { name: 'Abmelden' }));
    await waitFor(() => expect(useSession.getState().user).toBeNull());
    expect(localStorage.getItem('feldakte.signedOut')).toBe('1');
    // Kept data keep their outbox: nothing is lost by signing out.
    await db.open();
    expect(await db.outbox.count()).toBe(1);
    db.close();
    expect(await Dexie.exists(databaseName(user.id))).toBe(true);
  });
});
