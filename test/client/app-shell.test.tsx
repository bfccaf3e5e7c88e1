import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '../../src/client/app';
import { isTabActive } from '../../src/client/ui/bottom-nav';
import { useSession } from '../../src/client/state/session';
import { useSyncRun } from '../../src/client/state/sync-run';
import { createRecord } from '../../src/local/write-record';
import { installFakeApi } from './session/fake-api';
import { signInForTest, testUser } from './sync/signed-in';

// The shell is a lazy chunk (app.tsx); the app starts loading it at once. Here its first import
// compiles the whole app, which can outlast findBy's wait on a busy machine. The chunks loaded
// once Heute has settled are compiled here too: a test that ends first would otherwise leave
// their import running into the environment's teardown.
beforeAll(() =>
  Promise.all([
    import('../../src/client/shell'),
    import('../../src/client/features/appointments/reminder-scheduler'),
    import('../../src/local/case-search'),
  ]),
);

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
});
afterEach(async () => {
  await waitFor(() => expect(useSyncRun.getState().running).toBe(false));
  cleanup();
  useSession.getState().signOut();
  vi.unstubAllGlobals();
});

const nav = () => screen.getByRole('navigation', { name: 'Hauptnavigation' });

describe('app shell', () => {
  it('opens on "Heute" with five labelled tabs, the current one marked', async () => {
    // Signed in and unlocked (the PIN flow is tested in session/sign-in-gate.test.tsx).
    installFakeApi({ session: signInForTest(testUser()).user });
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Heute' })).toBeTruthy();
    const tabs = within(nav()).getAllByRole('link');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Heute',
      'Fälle',
      'Termine',
      'Netzwerk',
      'Mehr',
    ]);
    expect(tabs.map((tab) => tab.getAttribute('aria-current'))).toEqual([
      'page',
      null,
      null,
      null,
      null,
    ]);
  });

  it('moves between tabs in the page and shows the records of the device', async () => {
    const user = testUser();
    signInForTest(user);
    installFakeApi({ session: user });
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Heute' });
    const db = useSession.getState().db!;
    await createRecord(db, 'cases', {
      givenName: 'Amina',
      familyName: 'Haidari',
      status: 'active',
    });

    fireEvent.click(within(nav()).getByRole('link', { name: 'Fälle' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Fälle' })).toBeTruthy();
    expect(within(nav()).getByRole('link', { name: 'Fälle' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await screen.findByRole('link', { name: /Amina Haidari/ })).toBeTruthy();
    expect(location.pathname).toBe('/faelle');
  });

  it('says so for an unknown page', async () => {
    history.replaceState(null, '', '/gibt-es-nicht');
    // Signed in and unlocked (the PIN flow is tested in session/sign-in-gate.test.tsx).
    installFakeApi({ session: signInForTest(testUser()).user });
    render(<App />);
    expect(await screen.findByText('Diese Seite gibt es nicht.')).toBeTruthy();
  });
});

describe('tab matching', () => {
  it.each([
    ['/', '/', true],
    ['/', '/faelle', false],
    ['/faelle', '/faelle/0190-abc', true],
    ['/faelle', '/faelleX', false],
    ['/mehr', '/mehr/konflikte', true],
  ])('tab %s is active on %s: %s', (href, path, active) => {
    expect(isTabActive(href, path)).toBe(active);
  });
});
