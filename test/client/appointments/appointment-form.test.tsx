import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import {
  choose,
  renderAt,
  signIn,
  signOut,
  switchOnHygiene,
  todayAt,
  write,
  writeCase,
} from './appointment-fixtures';
import { instantToLocalDate } from '../../../src/client/features/appointments/local-time';

afterEach(() => {
  cleanup();
  signOut();
});

describe('appointment form', () => {
  it('creates a video appointment with a link for a case, owned by the THM', async () => {
    const { db, user } = signIn();
    const caseId = await writeCase(db);
    renderAt(`/termine/neu?fall=${caseId}&datum=2030-05-06`);
    expect(await screen.findByText('Amina Yousef')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Video' }));
    expect(screen.queryByLabelText('Ort')).toBeNull(); // no place or hygiene for remote meetings
    expect(screen.queryByRole('group', { name: 'Hygiene-Checkliste' })).toBeNull();
    fireEvent.input(screen.getByLabelText(/Video-Link/), {
      target: { value: 'https://meet.example.org/raum-12' },
    });
    fireEvent.input(screen.getByLabelText(/Beginn/), { target: { value: '14:00' } });
    fireEvent.input(screen.getByLabelText(/Ende/), { target: { value: '14:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Termin speichern' }));

    expect(await screen.findByRole('link', { name: 'Video-Raum öffnen' })).toBeTruthy();
    const [stored] = await db.appointments.toArray();
    expect(stored).toMatchObject({
      caseId,
      mode: 'video',
      videoLink: 'https://meet.example.org/raum-12',
      status: 'proposed',
      ownerId: user.id,
      placeKind: null,
      hygiene: null,
    });
    expect(instantToLocalDate(stored!.startsAt)).toBe('2030-05-06');
    expect(Date.parse(stored!.endsAt) - Date.parse(stored!.startsAt)).toBe(30 * 60_000);
    expect(location.pathname).toBe(`/termine/${stored!.id}`);
  });

  it('refuses a video link without https and an end before the start, inline and in German', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    renderAt(`/termine/neu?fall=${caseId}`);
    await screen.findByText('Amina Yousef');
    fireEvent.click(screen.getByRole('radio', { name: 'Video' }));
    fireEvent.input(screen.getByLabelText(/Video-Link/), { target: { value: 'meet.example.org' } });
    fireEvent.input(screen.getByLabelText(/Beginn/), { target: { value: '11:00' } });
    fireEvent.input(screen.getByLabelText(/Ende/), { target: { value: '10:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Termin speichern' }));
    expect(
      await screen.findByText('Bitte einen Link eingeben, der mit https:// beginnt'),
    ).toBeTruthy();
    expect(screen.getByText('Das Ende liegt vor dem Beginn.')).toBeTruthy();
    expect(await db.appointments.count()).toBe(0);
  });

  it('plans a group event without a case, with a title and head count', async () => {
    const { db } = signIn();
    renderAt('/termine/neu?datum=2030-05-07');
    fireEvent.click(screen.getByRole('button', { name: 'Termin speichern' }));
    expect(
      await screen.findByText('Bitte einen Titel für den Gruppentermin eingeben.'),
    ).toBeTruthy();
    fireEvent.input(screen.getByLabelText(/Titel/), {
      target: { value: 'Infoabend Unterkunft Nord' },
    });
    fireEvent.input(screen.getByLabelText('Anzahl Teilnehmende'), { target: { value: '14' } });
    choose(screen.getByLabelText('Anlass'), 'info_session');
    fireEvent.click(screen.getByRole('button', { name: 'Termin speichern' }));
    await waitFor(async () => expect(await db.appointments.count()).toBe(1));
    expect((await db.appointments.toArray())[0]).toMatchObject({
      caseId: null,
      title: 'Infoabend Unterkunft Nord',
      headCount: 14,
      purpose: 'info_session',
    });
  });

  it('warns on the day when a hygiene item is open, with the team’s items', async () => {
    const { db, user } = signIn();
    await switchOnHygiene(db, user);
    const caseId = await writeCase(db);
    renderAt(`/termine/neu?fall=${caseId}`); // today, in person by default
    const warning = await screen.findByText(/Heute noch offen:/);
    expect(warning.textContent).toContain('Abstand möglich');
    for (const label of [
      'Abstand möglich',
      'Masken vorhanden',
      'Raum gelüftet',
      'Kontaktliste geführt',
    ]) {
      fireEvent.click(screen.getByLabelText(label));
    }
    expect(screen.getByText(/Heute noch offen:/).textContent).toBe(
      'Heute noch offen: Raumbelegung eingehalten',
    );
    fireEvent.click(screen.getByLabelText('Raumbelegung eingehalten'));
    expect(screen.queryByText(/Heute noch offen:/)).toBeNull();
  });

  it('flags an overlap with another appointment of the same THM', async () => {
    const { db, user } = signIn();
    const caseId = await writeCase(db);
    await write(db, 'appointments', {
      caseId,
      startsAt: todayAt(9, 30, 1),
      endsAt: todayAt(10, 30, 1),
      mode: 'phone',
      status: 'confirmed',
      ownerId: user.id,
    });
    renderAt(`/termine/neu?fall=${caseId}&datum=${instantToLocalDate(todayAt(12, 0, 1))}`);
    expect(
      await screen.findByText(/Überschneidet sich mit einem anderen Termin: 09:30–10:30/),
    ).toBeTruthy();
    fireEvent.input(screen.getByLabelText(/Beginn/), { target: { value: '10:30' } });
    fireEvent.input(screen.getByLabelText(/Ende/), { target: { value: '11:00' } });
    await waitFor(() => expect(screen.queryByText(/Überschneidet sich/)).toBeNull());
  });
});
