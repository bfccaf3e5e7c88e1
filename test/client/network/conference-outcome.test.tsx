// After a case conference: minutes into the appointment, agreed steps into tasks or needs.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { signInForTest, signOutForTest } from '../sync/signed-in';
import { choose, renderNetworkApp, seed, seedReferralScene } from './network-app';

afterEach(() => {
  cleanup();
  signOutForTest();
});

describe('case conference outcome', () => {
  it('stores the minutes and turns steps into a follow-up task and a need’s next step', async () => {
    const { db } = signInForTest();
    const { caseId, partnerId, needId } = await seedReferralScene(db);
    const appointmentId = await seed(db, 'appointments', {
      caseId,
      purpose: 'case_conference',
      startsAt: '2025-06-10T08:00:00.000Z',
      endsAt: '2025-06-10T09:00:00.000Z',
      mode: 'in_person',
      status: 'confirmed',
      participantPartnerIds: [partnerId],
    });
    renderNetworkApp(`/faelle/${caseId}/fallkonferenz/${appointmentId}`);

    // The consent check runs here too: no conference consent yet for the invited partner.
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Einwilligung zur Fallkonferenz/,
    );

    fireEvent.input(screen.getByLabelText('Protokoll'), { target: { value: 'Alle waren da.' } });
    fireEvent.input(screen.getByLabelText('Schritt 1'), {
      target: { value: 'Anmeldung zum Kurs' },
    });
    fireEvent.input(screen.getByLabelText('Fällig am'), { target: { value: '2025-06-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Schritt hinzufügen' }));
    fireEvent.input(await screen.findByLabelText('Schritt 2'), {
      target: { value: 'Nähmaschine leihen' },
    });
    const targets = screen.getAllByLabelText('Wird zu');
    choose(targets[1]!, needId);
    fireEvent.click(screen.getByRole('button', { name: 'Ergebnis speichern' }));

    await waitFor(async () =>
      expect((await db.appointments.get(appointmentId))?.notes).toBe('Alle waren da.'),
    );
    expect(await db.tasks.toArray()).toEqual([
      expect.objectContaining({
        caseId,
        title: 'Anmeldung zum Kurs',
        dueOn: '2025-06-20',
        kind: 'follow_up',
        sourceTable: 'appointments',
        sourceId: appointmentId,
      }),
    ]);
    expect((await db.needs.get(needId))?.nextStep).toBe('Nähmaschine leihen');
  });
});
