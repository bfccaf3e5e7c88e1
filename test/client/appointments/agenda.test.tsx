import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { setAgendaView } from '../../../src/client/state/agenda-view';
import { TodayAppointments } from '../../../src/client/features/appointments/today-appointments';
import { CaseAppointments } from '../../../src/client/features/appointments/case-appointments';
import { toLocalDate } from '../../../src/shared/domain/common';
import {
  renderAt,
  signIn,
  signOut,
  switchOnHygiene,
  todayAt,
  write,
  writeCase,
} from './appointment-fixtures';

afterEach(() => {
  cleanup();
  signOut();
  setAgendaView({ view: 'day', day: toLocalDate(new Date()) });
  vi.restoreAllMocks();
});

type Db = Parameters<typeof write>[0];
const plan = (db: Db, fields: Record<string, unknown>) =>
  write(db, 'appointments', { mode: 'in_person', status: 'confirmed', ...fields });

describe('agenda', () => {
  it('opens on today with the appointments of all cases and group events, in time order', async () => {
    const { db, user } = signIn();
    const caseId = await writeCase(db);
    await plan(db, {
      caseId,
      startsAt: todayAt(14),
      endsAt: todayAt(15),
      ownerId: user.id,
      mode: 'phone',
    });
    await plan(db, {
      title: 'Infoabend Unterkunft Nord',
      headCount: 12,
      startsAt: todayAt(9),
      endsAt: todayAt(10),
      ownerId: user.id,
    });
    await plan(db, {
      caseId,
      startsAt: todayAt(9, 0, 1),
      endsAt: todayAt(10, 0, 1),
      ownerId: user.id,
    }); // tomorrow
    renderAt('/termine');

    expect(await screen.findByRole('heading', { name: /^Heute, / })).toBeTruthy();
    const list = await screen.findByRole('list');
    const rows = within(list).getAllByRole('link');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('09:00–10:00 Infoabend Unterkunft Nord'),
      expect.stringContaining('14:00–15:00 Amina Yousef'),
    ]);
    expect(rows[0]!.textContent).toContain('12 Personen');
  });

  it('shows the week, day by day, and flags overlapping appointments', async () => {
    const { db, user } = signIn();
    const caseId = await writeCase(db);
    await plan(db, { caseId, startsAt: todayAt(9), endsAt: todayAt(10), ownerId: user.id });
    await plan(db, {
      caseId,
      startsAt: todayAt(9, 30),
      endsAt: todayAt(10, 30),
      ownerId: user.id,
      mode: 'phone',
    });
    renderAt('/termine');
    await screen.findAllByText('Überschneidung');
    expect(screen.getAllByText('Überschneidung')).toHaveLength(2);

    fireEvent.click(screen.getByRole('radio', { name: 'Woche' }));
    expect(await screen.findByRole('heading', { name: /^KW \d+:/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: /^Heute, / })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Woche exportieren (.ics)' })).toBeTruthy();
  });

  it('moves to the next day and back to today', async () => {
    signIn();
    renderAt('/termine');
    await screen.findByText('Keine Termine an diesem Tag.');
    expect(screen.getByRole('button', { name: 'Heute' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Nächster Tag' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).not.toMatch(/^Heute/);
    fireEvent.click(screen.getByRole('button', { name: 'Heute' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/^Heute/);
  });

  it('exports a week with initials unless the THM opts in to names', async () => {
    const { db, user } = signIn();
    const caseId = await writeCase(db);
    await plan(db, { caseId, startsAt: todayAt(9), endsAt: todayAt(10), ownerId: user.id });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:feldakte/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    renderAt('/termine');
    fireEvent.click(await screen.findByRole('radio', { name: 'Woche' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Woche exportieren (.ics)' }));
    fireEvent.click(screen.getByLabelText('Namen statt Initialen exportieren'));
    fireEvent.click(screen.getByRole('button', { name: 'Woche exportieren (.ics)' }));
    const [plain, named] = await Promise.all(blobs.map((blob) => blob.text()));
    expect(plain).toContain('SUMMARY:Termin – A. Y.');
    expect(plain).not.toContain('Amina');
    expect(named).toContain('Amina Yousef');
    expect(blobs[0]!.type).toBe('text/calendar;charset=utf-8');
  });
});

describe('Heute and the case detail', () => {
  it('Heute lists today’s appointments with the open hygiene items', async () => {
    const { db, user } = signIn();
    await switchOnHygiene(db, user);
    const caseId = await writeCase(db);
    await plan(db, {
      caseId,
      startsAt: todayAt(23, 0),
      endsAt: todayAt(23, 30),
      ownerId: user.id,
      hygiene: { masks: true },
    });
    render(<TodayAppointments />);
    expect(await screen.findByText(/23:00–23:30 Amina Yousef/)).toBeTruthy();
    // The team's hygiene items come from a query of their own: the row can show before them.
    expect(
      await screen.findByText(/Heute noch offen: Abstand möglich, Raum gelüftet/),
    ).toBeTruthy();
  });

  it('the case shows its planned appointments and folds the earlier ones', async () => {
    const { db, user } = signIn();
    const caseId = await writeCase(db);
    const other = await writeCase(db, { givenName: 'Omid' });
    await plan(db, {
      caseId,
      startsAt: todayAt(10, 0, 3),
      endsAt: todayAt(11, 0, 3),
      ownerId: user.id,
    });
    await plan(db, {
      caseId,
      startsAt: todayAt(10, 0, -3),
      endsAt: todayAt(11, 0, -3),
      ownerId: user.id,
      status: 'proposed',
    });
    await plan(db, {
      caseId: other,
      startsAt: todayAt(10, 0, 1),
      endsAt: todayAt(11, 0, 1),
      ownerId: user.id,
    });
    render(<CaseAppointments caseId={caseId} />);
    expect((await screen.findByRole('link', { name: 'Termin planen' })).getAttribute('href')).toBe(
      `/termine/neu?fall=${caseId}`,
    );
    const planned = await screen.findByRole('list', { name: 'Termine' });
    expect(within(planned).getAllByRole('link')).toHaveLength(1);
    expect(screen.getByText('Frühere Termine (1)')).toBeTruthy();
  });
});
