import { afterEach, describe, expect, it, vi } from 'vitest';
import { startReminderScheduler } from '../../../src/client/features/appointments/reminder-scheduler';
import { signIn, signOut, write, writeCase } from './appointment-fixtures';

afterEach(() => {
  signOut();
  vi.useRealTimers();
});

describe('page-side reminders', () => {
  it('shows "Termin in 30 Minuten" once, with no name or purpose, and nothing for cancelled ones', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    const start = Date.parse('2030-05-06T10:00:00.000Z');
    const fields = {
      caseId,
      mode: 'phone',
      purpose: 'counselling',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 30 * 60_000).toISOString(),
      reminderMinutes: 30,
    };
    const id = await write(db, 'appointments', { ...fields, status: 'confirmed' });
    await write(db, 'appointments', { ...fields, status: 'proposed', reminderMinutes: null });

    let now = start - 31 * 60_000;
    const shown: [string, string][] = [];
    const stop = startReminderScheduler(
      db,
      async (title, tag) => {
        shown.push([title, tag]);
        return true;
      },
      { intervalMs: 20, now: () => new Date(now) },
    );

    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(shown).toEqual([]);
    now = start - 30 * 60_000;
    await vi.waitFor(() => expect(shown).toEqual([['Termin in 30 Minuten', `termin-${id}-30`]]));
    now = start - 29 * 60_000;
    await new Promise((resolve) => setTimeout(resolve, 60));
    stop();
    expect(shown).toHaveLength(1);
  });
});
