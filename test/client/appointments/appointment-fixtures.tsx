// Test setup for the appointment screens: a signed-in THM with their own database, records
// written the app's way, and the feature's routes rendered at a path.
import { configure, fireEvent, render } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { useSession } from '../../../src/client/state/session';
import { appointmentRoutes } from '../../../src/client/features/appointments/routes';
import { Toasts } from '../../../src/client/ui/toast';
import type { FeldakteDb } from '../../../src/local/db';
import { createRecord, putRecord } from '../../../src/local/write-record';
import { settingId } from '../../../src/shared/domain/setting';
import type { TableName } from '../../../src/shared/domain/tables';
import { newRecordId } from '../../../src/shared/domain/record-id';
import type { SessionUser } from '../../../src/shared/sync/protocol';

// The screens are lazy chunks; their first import in a test process takes longer than the
// default second of findBy* on a slow machine.
configure({ asyncUtilTimeout: 5_000 });

export function signIn(): { user: SessionUser; db: FeldakteDb } {
  const user: SessionUser = {
    id: newRecordId(),
    name: 'Lena Berger',
    email: 'lena@team.example',
    role: 'thm',
    team: { id: `team-${newRecordId()}`, name: 'Team Nord' },
  };
  useSession.getState().signIn(user);
  return { user, db: useSession.getState().db! };
}

export function signOut(): void {
  useSession.getState().signOut();
}

export async function write(
  db: FeldakteDb,
  table: TableName,
  fields: Record<string, unknown>,
): Promise<string> {
  const result = await createRecord(db, table, fields as never);
  if (!result.ok)
    throw new Error(`${table} not written: ${result.message} ${JSON.stringify(result.errors)}`);
  return result.id;
}

/** A case in the signed-in THM's charge, as "Neuer Fall" makes it. */
export function writeCase(db: FeldakteDb, fields: Record<string, unknown> = {}): Promise<string> {
  return write(db, 'cases', {
    givenName: 'Amina',
    familyName: 'Yousef',
    status: 'active',
    assignedTo: useSession.getState().user?.id ?? null,
    ...fields,
  });
}

/** Local wall-clock time today (or `dayOffset` days away) as a UTC instant. */
export function todayAt(hours: number, minutes = 0, dayOffset = 0): string {
  const now = new Date();
  return new Date(
    now.getFullYear(),
    now.getMonth(),
    now.getDate() + dayOffset,
    hours,
    minutes,
  ).toISOString();
}

export function renderAt(path: string) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <Router>
        {appointmentRoutes.map((route) => (
          <Route key={route.path} path={route.path} component={route.component} />
        ))}
      </Router>
      <Toasts />
    </LocationProvider>,
  );
}

/** Picks an option the way a browser does (testing-library's fireEvent.change on a select does not
 * reach listeners under happy-dom). */
export function choose(select: HTMLElement, value: string): void {
  (select as HTMLSelectElement).value = value;
  fireEvent(select, new Event('change', { bubbles: true }));
}

/** The team switches its hygiene checklist on with these items (off by default, issue 27). */
export async function switchOnHygiene(
  db: FeldakteDb,
  user: SessionUser,
  items: readonly string[] = ['distance', 'masks', 'ventilation', 'contact_list', 'room_capacity'],
): Promise<void> {
  const result = await putRecord(db, 'settings', settingId(user.team.id, 'hygiene_items'), {
    key: 'hygiene_items',
    value: [...items],
  });
  if (!result.ok) throw new Error(result.message);
}
