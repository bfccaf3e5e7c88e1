// Issue 13 item 4: "Heute" shows my own work with the team one tap away; a case is handed over or
// covered (Vertretung) by a colleague chosen from the team's members on the device.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import {
  preloadScreens,
  renderAt,
  signIn,
  signOut,
  write,
  writeCase,
} from '../cases/case-fixtures';
import { setMeta } from '../../../src/local/meta';
import type { FeldakteDb } from '../../../src/local/db';
import { useScope } from '../../../src/client/state/scope';
import { addDays, toLocalDate } from '../../../src/shared/domain/common';

beforeAll(preloadScreens);
afterEach(() => {
  signOut();
  useScope.setState({ scope: 'mine' });
});

const today = toLocalDate(new Date());
const OMAR = 'user-omar';

async function withTeam(db: FeldakteDb, me: string) {
  await setMeta(db, 'team', {
    team: { id: 'team-nord', name: 'Team Nord' },
    members: [
      { id: me, name: 'Lena Berger', active: true },
      { id: OMAR, name: 'Omar Said', active: true },
      { id: 'user-gone', name: 'Petra Alt', active: false },
    ],
    fetchedAt: new Date().toISOString(),
  });
}

describe('mine and the team on Heute', () => {
  it('shows my tasks and appointments, the colleague’s after one tap', async () => {
    const { db } = signIn();
    const mine = await writeCase(db, { givenName: 'Amina', familyName: 'Haidari' });
    const his = await writeCase(db, { givenName: 'Yusuf', familyName: 'Nazari', assignedTo: OMAR });
    await write(db, 'tasks', {
      caseId: mine,
      title: 'Jobcenter anrufen',
      dueOn: today,
      kind: 'follow_up',
    });
    await write(db, 'tasks', {
      caseId: his,
      title: 'Schule fragen',
      dueOn: today,
      kind: 'follow_up',
    });
    const start = new Date();
    start.setHours(23, 0, 0, 0);
    await write(db, 'appointments', {
      caseId: his,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
      mode: 'phone',
      status: 'confirmed',
      title: 'Omars Beratung',
      ownerId: OMAR,
    });
    renderAt('/');

    const due = await screen.findByRole('list', { name: 'Heute fällig' });
    expect(within(due).getByText('Jobcenter anrufen')).toBeTruthy();
    expect(screen.queryByText('Schule fragen')).toBeNull();
    const appointments = screen.getByRole('region', { name: 'Termine heute' });
    expect(within(appointments).queryByText(/Yusuf Nazari/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Meine' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Ganzes Team' }));
    expect(await screen.findByText('Schule fragen')).toBeTruthy();
    expect(await within(appointments).findByText(/Yusuf Nazari/)).toBeTruthy();
  });

  it('a case I cover counts as mine until the cover ends', async () => {
    const { db, user } = signIn();
    const covered = await writeCase(db, {
      assignedTo: OMAR,
      coveredBy: user.id,
      coveredUntil: today,
    });
    const ended = await writeCase(db, {
      assignedTo: OMAR,
      coveredBy: user.id,
      coveredUntil: addDays(today, -1),
    });
    await write(db, 'tasks', {
      caseId: covered,
      title: 'In Vertretung',
      dueOn: today,
      kind: 'follow_up',
    });
    await write(db, 'tasks', { caseId: ended, title: 'Vorbei', dueOn: today, kind: 'follow_up' });
    renderAt('/');
    expect(await screen.findByText('In Vertretung')).toBeTruthy();
    expect(screen.queryByText('Vorbei')).toBeNull();
  });
});

describe('handover and cover', () => {
  it('hands the case to a colleague from the team list; the profile names him', async () => {
    const { db, user } = signIn();
    await withTeam(db, user.id);
    const id = await writeCase(db);
    renderAt(`/faelle/${id}`);
    expect(await screen.findByText('ich')).toBeTruthy();

    fireEvent.click(await screen.findByRole('button', { name: 'Übergeben oder vertreten' }));
    const sheet = await screen.findByRole('dialog');
    await within(sheet).findByLabelText('Omar Said');
    // The person in charge and a former colleague are not offered.
    expect(within(sheet).queryByLabelText(/Lena Berger/)).toBeNull();
    expect(within(sheet).queryByLabelText('Petra Alt')).toBeNull();
    fireEvent.click(within(sheet).getByLabelText('Omar Said'));
    fireEvent.click(within(sheet).getByRole('button', { name: 'Fall übergeben' }));

    await waitFor(async () => expect((await db.cases.get(id))?.assignedTo).toBe(OMAR));
    expect(await screen.findByText('Omar Said')).toBeTruthy();
    expect(await db.outbox.where({ table: 'cases', recordId: id }).count()).toBe(2);
  });

  it('asks for a person, refuses a cover ending in the past, and records one until a date', async () => {
    const { db, user } = signIn();
    await withTeam(db, user.id);
    const id = await writeCase(db);
    renderAt(`/faelle/${id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Übergeben oder vertreten' }));
    const sheet = await screen.findByRole('dialog');
    await within(sheet).findByLabelText('Omar Said');
    fireEvent.click(within(sheet).getByLabelText('Vertretung während einer Abwesenheit'));
    fireEvent.click(within(sheet).getByRole('button', { name: 'Vertretung eintragen' }));
    expect(await within(sheet).findByText('Bitte eine Person wählen.')).toBeTruthy();

    fireEvent.click(within(sheet).getByLabelText('Omar Said'));
    const until = within(sheet).getByLabelText(/Vertretung bis/);
    fireEvent.input(until, { target: { value: addDays(today, -1) } });
    fireEvent.click(within(sheet).getByRole('button', { name: 'Vertretung eintragen' }));
    expect(
      await within(sheet).findByText('Das Ende der Vertretung liegt in der Vergangenheit.'),
    ).toBeTruthy();
    expect((await db.cases.get(id))?.coveredBy ?? null).toBeNull();

    fireEvent.input(until, { target: { value: addDays(today, 14) } });
    fireEvent.click(within(sheet).getByRole('button', { name: 'Vertretung eintragen' }));
    await waitFor(async () =>
      expect(await db.cases.get(id)).toMatchObject({
        assignedTo: user.id,
        coveredBy: OMAR,
        coveredUntil: addDays(today, 14),
      }),
    );
    expect(await screen.findByText(/Omar Said bis/)).toBeTruthy();
  });
});
