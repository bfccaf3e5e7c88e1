import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { renderAt, signIn, signOut, todayAt, write, writeCase } from './appointment-fixtures';

afterEach(() => {
  cleanup();
  signOut();
});

async function confirmedVisit(
  db: Parameters<typeof write>[0],
  user: { id: string },
  patch: Record<string, unknown> = {},
) {
  const caseId = await writeCase(db);
  const id = await write(db, 'appointments', {
    caseId,
    startsAt: todayAt(9, 0, -1),
    endsAt: todayAt(9, 45, -1),
    mode: 'in_person',
    placeKind: 'shelter',
    purpose: 'counselling',
    status: 'confirmed',
    ownerId: user.id,
    ...patch,
  });
  return { caseId, id };
}

describe('appointment lifecycle', () => {
  it('marking attended offers the prefilled contact entry: two taps document the visit', async () => {
    const { db, user } = signIn();
    const { caseId, id } = await confirmedVisit(db, user);
    renderAt(`/termine/${id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Hat stattgefunden' })); // tap 1
    const sheet = await screen.findByRole('dialog', { name: 'Kontakt dokumentieren' });
    expect((within(sheet).getByLabelText('Kontaktweg') as HTMLSelectElement).value).toBe(
      'in_person',
    );
    expect((within(sheet).getByLabelText('Dauer (Minuten)') as HTMLInputElement).value).toBe('45');
    fireEvent.click(within(sheet).getByRole('button', { name: 'Kontakt speichern' })); // tap 2

    await waitFor(async () => expect(await db.contacts.count()).toBe(1));
    const [contact] = await db.contacts.toArray();
    expect(contact).toMatchObject({
      caseId,
      channel: 'in_person',
      durationMinutes: 45,
      appointmentId: id,
      authorId: user.id,
      initiatedBy: 'thm',
    });
    expect((await db.appointments.get(id))?.status).toBe('attended');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('a phone appointment is logged as a phone contact', async () => {
    const { db, user } = signIn();
    const { id } = await confirmedVisit(db, user, { mode: 'phone', placeKind: null });
    renderAt(`/termine/${id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Hat stattgefunden' }));
    const sheet = await screen.findByRole('dialog', { name: 'Kontakt dokumentieren' });
    fireEvent.click(within(sheet).getByRole('button', { name: 'Kontakt speichern' }));
    await waitFor(async () => expect((await db.contacts.toArray())[0]?.channel).toBe('phone'));
  });

  it('offers only the moves the status machine allows', async () => {
    const { db, user } = signIn();
    const { id } = await confirmedVisit(db, user, { status: 'proposed' });
    renderAt(`/termine/${id}`);
    await screen.findByRole('button', { name: 'Bestätigen' });
    expect(screen.queryByRole('button', { name: 'Hat stattgefunden' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Verschieben' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Ich sage ab' }));
    const sheet = await screen.findByRole('dialog', { name: 'Ich sage ab' });
    fireEvent.click(within(sheet).getByRole('button', { name: 'Abgesagt (THM)' }));
    await waitFor(async () =>
      expect((await db.appointments.get(id))?.status).toBe('cancelled_thm'),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Bestätigen' })).toBeNull());
    expect(await db.contacts.count()).toBe(0);
  });

  it('rescheduling creates the new appointment linked to the old one', async () => {
    const { db, user } = signIn();
    const { id } = await confirmedVisit(db, user);
    renderAt(`/termine/${id}/verschieben`);
    fireEvent.input(await screen.findByLabelText(/Datum/), { target: { value: '2030-06-03' } });
    fireEvent.input(screen.getByLabelText(/Beginn/), { target: { value: '13:00' } });
    fireEvent.input(screen.getByLabelText(/Ende/), { target: { value: '13:45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Neuen Termin anlegen' }));

    await waitFor(async () => expect(await db.appointments.count()).toBe(2));
    const old = await db.appointments.get(id);
    expect(old?.status).toBe('rescheduled');
    const next = await db.appointments.get(old!.rescheduledToId!);
    expect(next).toMatchObject({
      status: 'proposed',
      rescheduledFromId: id,
      purpose: 'counselling',
      caseId: old!.caseId,
    });
    expect(await screen.findByRole('link', { name: 'Ursprünglicher Termin' })).toBeTruthy();
  });
});
