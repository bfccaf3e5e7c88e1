// Issue 13 item 6: a screen that fails shows where to go on ("Zur Übersicht", "Neu laden") and says
// unsynced work is kept (nothing is cleared); a failed live query shows "Erneut versuchen" instead
// of an empty screen for ever, and trying again reads afresh.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { QuietBoundary, ScreenBoundary } from '../../../src/client/ui/screen-boundary';
import { useLiveQuery } from '../../../src/client/ui/use-live-query';
import { signInForTest, signOutForTest } from '../sync/signed-in';
import { createRecord } from '../../../src/local/write-record';
import { useDb } from '../../../src/client/state/session';

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
  signOutForTest();
});

function Broken(): never {
  throw new TypeError('cannot read properties of undefined');
}

function Overview() {
  return <p>Übersicht</p>;
}

let failReads = 0;

function CaseCount() {
  const db = useDb();
  const count = useLiveQuery(async () => {
    if (failReads > 0) {
      failReads -= 1;
      throw Object.assign(new Error('decrypt failed'), { name: 'OperationError' });
    }
    return db.cases.count();
  }, [db]);
  if (count === undefined) return <p>lädt …</p>;
  return <p>{`${count} Fälle`}</p>;
}

function Shell() {
  const { path, route } = useLocation();
  return (
    <ScreenBoundary path={path} onOverview={() => route('/')}>
      <Router>
        <Route path="/" component={Overview} />
        <Route path="/kaputt" component={Broken} />
        <Route path="/faelle" component={CaseCount} />
      </Router>
    </ScreenBoundary>
  );
}

function renderShell(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Shell />
    </LocationProvider>,
  );
}

describe('a screen that fails', () => {
  it('offers "Zur Übersicht" and "Neu laden", says work is kept, and clears nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { db } = signInForTest();
    await createRecord(db, 'cases', { givenName: 'Amina', familyName: 'Haddad', status: 'active' });
    renderShell('/kaputt');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Diese Ansicht ist auf einen Fehler gestoßen');
    expect(alert.textContent).toContain('noch nicht synchronisiert');
    expect(screen.getByRole('button', { name: 'Neu laden' })).toBeTruthy();
    expect(await db.outbox.count()).toBe(1);
    expect(await db.cases.count()).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: 'Zur Übersicht' }));
    expect(await screen.findByText('Übersicht')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('a live query that fails', () => {
  it('shows "Erneut versuchen" instead of loading for ever; trying again reads afresh', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { db } = signInForTest();
    await createRecord(db, 'cases', { givenName: 'Amina', familyName: 'Haddad', status: 'active' });
    failReads = 1;
    renderShell('/faelle');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('konnten auf dem Gerät nicht gelesen werden');
    expect(screen.queryByText('lädt …')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByText('1 Fälle')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a failure that persists shows the offer again, never an endless "lädt …"', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    signInForTest();
    failReads = 2;
    renderShell('/faelle');
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('nicht gelesen');
    fireEvent.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByText('0 Fälle')).toBeTruthy();
  });
});

describe('a banner outside the screens that fails', () => {
  it('disappears instead of taking the app down', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    signInForTest();
    failReads = 1;
    const { container } = render(
      <main>
        <QuietBoundary>
          <CaseCount />
        </QuietBoundary>
        <p>Der Rest der App</p>
      </main>,
    );
    expect(screen.getByText('lädt …')).toBeTruthy();
    // The banner goes once its read has failed, and nothing takes its place.
    await waitFor(() => expect(screen.queryByText('lädt …')).toBeNull());
    expect(failReads).toBe(0);
    expect(container.querySelector('main')!.textContent).toBe('Der Rest der App');
  });
});
