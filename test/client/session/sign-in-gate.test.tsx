import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import { SignInGate } from '../../../src/client/features/session/sign-in-gate';
import { useAuthUi } from '../../../src/client/state/auth-ui';
import { useSession } from '../../../src/client/state/session';
import { databaseName, type FeldakteDb } from '../../../src/local/db';
import { pinWaitMs } from '../../../src/local/crypto/vault';
import { preparedDevice, useRealKeys } from '../../support/real-keys';
import { getActiveUserId } from '../../../src/local/active-user';
import { createRecord } from '../../../src/local/write-record';
import { setMeta } from '../../../src/local/meta';
import { testUser } from '../sync/signed-in';
import { installFakeApi } from './fake-api';
import { useSyncRun } from '../../../src/client/state/sync-run';

const PASSWORD = 'richtig-geheim-123';

// PIN derivation is PBKDF2 with 600,000 iterations: on a machine busy with other tests one unlock
// can take seconds, longer than testing-library's default wait of 1 s.
configure({ asyncUtilTimeout: 20_000 });

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
  useAuthUi.setState({
    reauthOpen: false,
    notice: null,
    pinSetupFor: null,
    foreignDataFor: null,
    forgotPin: false,
    passwordChangeFor: null,
  });
  vi.unstubAllGlobals();
});

async function signInWithForm(email: string, password: string) {
  fireEvent.input(await screen.findByLabelText(/E-Mail/), { target: { value: email } });
  fireEvent.input(screen.getByLabelText(/Passwort/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
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

  it('after the first sign-in asks for a PIN, refuses an easy one, then opens the app; only the id is remembered', async () => {
    const lena = testUser();
    useRealKeys(lena.id);
    installFakeApi({ accounts: new Map([[lena.email, [PASSWORD, lena]]]) });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    await signInWithForm(lena.email, PASSWORD);
    await screen.findByRole('heading', { name: 'PIN für dieses Gerät festlegen' });
    await setNewPin('123456');
    expect((await screen.findByText(/zu leicht zu erraten/)).textContent).toBeTruthy();
    await setNewPin('482915');
    expect((await screen.findByTestId('app')).textContent).toBe('Angemeldet als Lena Berger');
    expect(useSession.getState().db?.name).toBe(databaseName(lena.id));
    // Name, e-mail and team are personal data: only the id stays in localStorage.
    expect(JSON.parse(localStorage.getItem('feldakte.user')!)).toEqual({ id: lena.id });
    await waitFor(async () => expect(await getActiveUserId()).toBe(lena.id));
  });
});

describe('sign-in with a one-time password (issue 14)', () => {
  it('asks for a new password before anything else, inline in German, then goes on to the PIN', async () => {
    const lena = { ...testUser(), passwordChangeRequired: true as const };
    useRealKeys(lena.id);
    const api = installFakeApi({ accounts: new Map([[lena.email, ['abcd-efgh-jkmn', lena]]]) });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    await signInWithForm(lena.email, 'abcd-efgh-jkmn');
    await screen.findByRole('heading', { name: 'Neues Passwort festlegen' });
    expect(screen.queryByRole('heading', { name: 'PIN für dieses Gerät festlegen' })).toBeNull();
    expect(screen.queryByTestId('app')).toBeNull();

    const password = screen.getByLabelText(/^Neues Passwort \(/);
    const repeat = screen.getByLabelText(/^Neues Passwort wiederholen/);
    fireEvent.input(password, { target: { value: 'kurz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Passwort speichern' }));
    await waitFor(() => expect(document.activeElement).toBe(password));
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(document.body.textContent).toContain(
      'Das neue Passwort muss mindestens 10 Zeichen lang sein.',
    );
    fireEvent.input(password, { target: { value: 'mein-eigenes-passwort' } });
    fireEvent.input(repeat, { target: { value: 'mein-eigenes-passwert' } });
    fireEvent.click(screen.getByRole('button', { name: 'Passwort speichern' }));
    await waitFor(() => expect(document.activeElement).toBe(repeat));
    expect(document.body.textContent).toContain('Die beiden Eingaben stimmen nicht überein.');
    expect(api.calls.some((call) => call.path === '/api/session/password')).toBe(false);

    fireEvent.input(repeat, { target: { value: 'mein-eigenes-passwort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Passwort speichern' }));
    await screen.findByRole('heading', { name: 'PIN für dieses Gerät festlegen' });
    // Nothing else was asked of the server before the password was set; the new one now signs in.
    const paths = api.calls.map((call) => call.path);
    expect(paths.slice(0, paths.indexOf('/api/session/password'))).not.toContain('/api/sync/pull');
    expect(api.accounts.get(lena.email)![0]).toBe('mein-eigenes-passwort');
    await setNewPin('482915');
    expect((await screen.findByTestId('app')).textContent).toBe('Angemeldet als Lena Berger');
    expect(useSession.getState().user?.passwordChangeRequired).toBeUndefined();
  });

  it('"Abbrechen und abmelden" ends the session and shows the sign-in again', async () => {
    const lena = { ...testUser(), passwordChangeRequired: true as const };
    const api = installFakeApi({ accounts: new Map([[lena.email, ['abcd-efgh-jkmn', lena]]]) });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    await signInWithForm(lena.email, 'abcd-efgh-jkmn');
    fireEvent.click(await screen.findByRole('button', { name: 'Abbrechen und abmelden' }));
    await screen.findByRole('button', { name: 'Anmelden' });
    expect(api.session).toBeNull();
    expect(screen.queryByTestId('app')).toBeNull();
  });
});

async function setNewPin(pin: string) {
  fireEvent.input(screen.getByLabelText(/Neue PIN/), { target: { value: pin } });
  fireEvent.input(screen.getByLabelText(/Wiederholen/), { target: { value: pin } });
  fireEvent.click(screen.getByRole('button', { name: 'Festlegen und öffnen' }));
}

async function unlock(pin: string) {
  fireEvent.input(await screen.findByLabelText('PIN'), { target: { value: pin } });
  fireEvent.click(screen.getByRole('button', { name: 'Entsperren' }));
}

const caseOf = (db: FeldakteDb) =>
  createRecord(db, 'cases', { givenName: 'Amina', familyName: 'Haddad', status: 'inquiry' }).then(
    () => undefined,
  );

describe('later starts', () => {
  it('open locked, offline, with nothing personal on the lock screen; the PIN opens the app', async () => {
    const lena = testUser();
    await preparedDevice(lena, '482915', caseOf);
    localStorage.setItem('feldakte.user', JSON.stringify({ id: lena.id }));
    installFakeApi({ offline: true });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    await screen.findByRole('heading', { name: 'Feldakte ist gesperrt' });
    expect(document.body.textContent).not.toMatch(/Lena|Berger|Amina|Haddad|lena@/);
    await unlock('482915');
    expect((await screen.findByTestId('app')).textContent).toBe('Angemeldet als Lena Berger');
  });

  it('a wrong PIN says so with the tries left; from the fifth on it says what a wipe would lose', async () => {
    const lena = testUser();
    await preparedDevice(lena, '482915', caseOf);
    localStorage.setItem('feldakte.user', JSON.stringify({ id: lena.id }));
    installFakeApi({ offline: true });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    // From the 4th try on a try waits ([K8], lock-screen-wait.test.tsx): the clock runs it off.
    // Only Date is faked: timers stay real, and the clock moves when the test says.
    vi.useFakeTimers({ toFake: ['Date'] });
    await unlock('000111');
    expect((await screen.findByText('PIN falsch. Noch 9 Versuche.')).textContent).toBeTruthy();
    for (let i = 0; i < 4; i++) {
      // The last try's answer first (its wrong PIN is stored with the time), then the jump.
      await screen.findByText(`PIN falsch. Noch ${9 - i} Versuche.`);
      // Just past the wait (45 s in all), so no later test meets a clock far ahead.
      vi.setSystemTime(Date.now() + pinWaitMs(i + 1) + 1000);
      await waitFor(() =>
        expect(
          (screen.getByRole('button', { name: 'Entsperren' }) as HTMLButtonElement).disabled,
        ).toBe(false),
      );
      await unlock('000111');
    }
    expect((await screen.findByText('PIN falsch. Noch 5 Versuche.')).textContent).toBeTruthy();
    expect(
      screen.getByText(
        'Nach 5 weiteren Fehlversuchen werden alle Daten auf diesem Gerät gelöscht.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('1 Änderung ist noch nicht synchronisiert und ginge dabei verloren.'),
    ).toBeTruthy();
    vi.useRealTimers();
  }, 60_000);

  it("another user's session on the same phone never opens the first user's data", async () => {
    const lena = testUser();
    const omar = testUser({ name: 'Omar Said', email: 'omar@team.example' });
    await preparedDevice(lena, '482915', caseOf);
    localStorage.setItem('feldakte.user', JSON.stringify({ id: lena.id }));
    installFakeApi({ session: omar });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    // Omar has no key on this device: he signs in with his password (and sets his PIN).
    await screen.findByRole('button', { name: 'Anmelden' });
    expect(screen.queryByTestId('app')).toBeNull();
    expect(await Dexie.exists(databaseName(lena.id))).toBe(true);
  });
});

describe('[K6] a revoked device', () => {
  it('deletes its data at the start when the server says device_revoked, and says why', async () => {
    const lena = testUser();
    await preparedDevice(lena, '482915', caseOf);
    localStorage.setItem('feldakte.user', JSON.stringify({ id: lena.id }));
    installFakeApi({ revoked: 'device_revoked' });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    expect(await screen.findByText(/Dieses Gerät wurde gesperrt/)).toBeTruthy();
    await waitFor(async () => expect(await Dexie.exists(databaseName(lena.id))).toBe(false));
    expect(localStorage.getItem('feldakte.user')).toBeNull();
  });
});

describe('[S2] an expired session', () => {
  it('keeps the outbox, asks to sign in again, and syncs after signing in', async () => {
    const lena = testUser();
    await preparedDevice(lena, '482915', caseOf);
    localStorage.setItem('feldakte.user', JSON.stringify({ id: lena.id }));
    const api = installFakeApi({ accounts: new Map([[lena.email, [PASSWORD, lena]]]) });
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    await unlock('482915');
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
    await preparedDevice(lena, '482915', (db) =>
      setMeta(db, 'lastSyncError', {
        kind: 'unauthorized',
        message: '',
        at: new Date().toISOString(),
      }),
    );
    localStorage.setItem('feldakte.user', JSON.stringify({ id: lena.id }));
    // The sync after unlock meets the expiry too; the status stays 'unauthorized'.
    installFakeApi({});
    render(
      <SignInGate>
        <App />
      </SignInGate>,
    );
    await unlock('482915');
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
