import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import { SignInGate } from '../../../src/client/features/session/sign-in-gate';
import { useAuthUi } from '../../../src/client/features/session/auth-ui';
import { useSession } from '../../../src/client/state/session';
import { databaseName, openDatabase } from '../../../src/local/db';
import { getActiveUserId } from '../../../src/local/active-user';
import { createRecord } from '../../../src/local/write-record';
import { setMeta } from '../../../src/local/meta';
import { testUser } from '../sync/signed-in';
import { installFakeApi } from './fake-api';
import { useSyncRun } from '../../../src/client/features/sync/sync-run-state';

const PASSWORD = 'richtig-geheim-123';

function App() {
  const user = useSession((state) => state.user);
  return <p data-testid="app">Angemeldet als {user?.name}</p>;
}

beforeEach(() => localStorage.clear());
afterEach(async () => {
  // Let a sync in flight finish before its database is closed.
  await waitFor(() => expect(useSyncRun.getState().running).toBe(false));
  cleanup();
  useSession.getState().signOut();
  useAuthUi.setState({ reauthOpen: false, notice: null });
  vi.unstubAllGlobals();
});

async function signInWithForm(email: string, password: string) {
  fireEvent.input(await screen.findByLabelText(/E-Mail/), { target: { value: email } });
  fireEvent.input(screen.getByLabelText(/Passwort/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
}

async function addCase(userId: string) {
  const db = openDatabase(userId);
  const result = await createRecord(db, 'cases', {
    givenName: 'Amina',
    familyName: 'Haddad',
    status: 'inquiry',
  });
  db.close();
  if (!result.ok) throw new Error(result.message);
}

describe('first sign-in on a device', () => {
  it('needs the network and says so in German', async () => {
    installFakeApi({ offline: true });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    await signInWithForm('lena@team.example', PASSWORD);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Die erste Anmeldung auf diesem Gerät braucht das Internet',
    );
    expect(screen.queryByTestId('app')).toBeNull();
  });

  it('refuses a wrong password', async () => {
    const lena = testUser();
    installFakeApi({ accounts: new Map([[lena.email, [PASSWORD, lena]]]) });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    await signInWithForm(lena.email, 'falsch-falsch-falsch');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'E-Mail oder Passwort stimmt nicht.',
    );
  });

  it("opens the app with the user's own database and remembers only the account", async () => {
    const lena = testUser();
    installFakeApi({ accounts: new Map([[lena.email, [PASSWORD, lena]]]) });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    await signInWithForm(lena.email, PASSWORD);
    expect((await screen.findByTestId('app')).textContent).toBe('Angemeldet als Lena Berger');
    expect(useSession.getState().db?.name).toBe(databaseName(lena.id));
    expect(JSON.parse(localStorage.getItem('feldakte.user')!)).toEqual({
      id: lena.id,
      name: lena.name,
      email: lena.email,
      role: lena.role,
      team: lena.team,
    });
    await waitFor(async () => expect(await getActiveUserId()).toBe(lena.id));
  });
});

describe('later starts', () => {
  it("open offline with the last user's database, without waiting for the server", async () => {
    const lena = testUser();
    localStorage.setItem('feldakte.user', JSON.stringify(lena));
    const api = installFakeApi({ offline: true });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    expect(screen.getByTestId('app').textContent).toBe('Angemeldet als Lena Berger');
    expect(useSession.getState().db?.name).toBe(databaseName(lena.id));
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/session')).toBe(true));
    expect(screen.getByTestId('app')).toBeTruthy();
  });

  it("another user on the same phone never sees the first user's data", async () => {
    const lena = testUser();
    const omar = testUser({ name: 'Omar Said', email: 'omar@team.example' });
    await addCase(lena.id);
    localStorage.setItem('feldakte.user', JSON.stringify(lena));
    installFakeApi({ session: omar });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('app').textContent).toBe('Angemeldet als Omar Said'),
    );
    const db = useSession.getState().db!;
    expect(db.name).toBe(databaseName(omar.id));
    expect(await db.cases.count()).toBe(0);
    // Lena's data stay on the device for Lena only.
    const lenaDb = openDatabase(lena.id);
    expect(await lenaDb.cases.count()).toBe(1);
    lenaDb.close();
  });
});

describe('[S2] an expired session', () => {
  it('keeps the outbox, asks to sign in again, and syncs after signing in', async () => {
    const lena = testUser();
    localStorage.setItem('feldakte.user', JSON.stringify(lena));
    await addCase(lena.id);
    const api = installFakeApi({ accounts: new Map([[lena.email, [PASSWORD, lena]]]) });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Jetzt anmelden' }));
    expect(screen.getByTestId('app')).toBeTruthy();
    const db = useSession.getState().db!;
    expect(await db.outbox.count()).toBe(1);

    await signInWithForm(lena.email, PASSWORD);
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(api.calls.filter((call) => call.path === '/api/sync/push').length).toBeGreaterThan(0);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Jetzt anmelden' })).toBeNull(),
    );
  });

  it('shows "Bitte erneut anmelden" when the service worker\'s sync met the expiry', async () => {
    const lena = testUser();
    localStorage.setItem('feldakte.user', JSON.stringify(lena));
    const db = openDatabase(lena.id);
    await setMeta(db, 'lastSyncError', {
      kind: 'unauthorized',
      message: '',
      at: new Date().toISOString(),
    });
    db.close();
    installFakeApi({ offline: true });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    expect(await screen.findByText(/Bitte erneut anmelden/)).toBeTruthy();
  });
});

describe('a sign-out made offline', () => {
  it('ends the server session at the next start before anyone is let in', async () => {
    const lena = testUser();
    localStorage.setItem('feldakte.signedOut', '1');
    const api = installFakeApi({ session: lena });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    await screen.findByRole('button', { name: 'Anmelden' });
    expect(api.calls[0]).toEqual({ method: 'DELETE', path: '/api/session' });
    expect(api.session).toBeNull();
    expect(screen.queryByTestId('app')).toBeNull();
    expect(await Dexie.exists(databaseName(lena.id))).toBe(false);
  });
});
