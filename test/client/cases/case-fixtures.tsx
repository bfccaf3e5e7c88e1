// Test setup for the case screens: a signed-in THM with their own fresh database, records written
// the app's way (write-record), and the case routes rendered at a path.
import { act, cleanup, configure, render } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { useSession } from '../../../src/client/state/session';
import { caseRoutes } from '../../../src/client/features/cases/routes';
import { Toasts } from '../../../src/client/ui/toast';
import { openDatabase, type FeldakteDb } from '../../../src/local/db';
import { createRecord } from '../../../src/local/write-record';
import type { TableName } from '../../../src/shared/domain/tables';
import { newRecordId } from '../../../src/shared/domain/record-id';
import type { SessionUser } from '../../../src/shared/sync/protocol';

// Live queries and lazy screens settle asynchronously; a loaded test machine needs more than 1 s.
configure({ asyncUtilTimeout: 4000 });

/** Loads the lazy case screens up front, so a test's first find does not wait for the import. */
export async function preloadScreens(): Promise<void> {
  await Promise.all(
    caseRoutes.map((route) =>
      (route.component as { preload?: () => Promise<unknown> }).preload?.(),
    ),
  );
}

export function signIn(): { user: SessionUser; db: FeldakteDb } {
  const user: SessionUser = {
    id: newRecordId(),
    name: 'Lena Berger',
    email: 'lena@team.example',
    role: 'thm',
    team: { id: 'team-nord', name: 'Team Nord' },
  };
  // As in the app: the database name carries the user id (whose "mine" it is).
  const db = openDatabase(user.id);
  useSession.setState({ user, db });
  return { user, db };
}

/** Unmounts first: screens behind the gate never render without a database. */
export function signOut(): void {
  cleanup();
  useSession.getState().db?.close();
  useSession.setState({ user: null, db: null });
}

export async function write(
  db: FeldakteDb,
  table: TableName,
  fields: Record<string, unknown>,
): Promise<string> {
  const result = await createRecord(db, table, fields as never);
  if (!result.ok) throw new Error(`${table}: ${result.message} ${JSON.stringify(result.errors)}`);
  return result.id;
}

/** A case in the signed-in THM's charge, as "Neuer Fall" makes it. */
export function writeCase(db: FeldakteDb, fields: Record<string, unknown> = {}): Promise<string> {
  return write(db, 'cases', {
    givenName: 'Ahmad',
    familyName: 'Karimi',
    status: 'active',
    assignedTo: useSession.getState().user?.id ?? null,
    ...fields,
  });
}

export function renderAt(path: string) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <Router>
        {caseRoutes.map((route) => (
          <Route key={route.path} path={route.path} component={route.component} />
        ))}
      </Router>
      <Toasts />
    </LocationProvider>,
  );
}

/** Picks an option the way a browser does (fireEvent.change on a select misses happy-dom listeners). */
export function choose(select: HTMLElement, value: string): void {
  act(() => {
    (select as HTMLSelectElement).value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
