import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import {
  renderAt,
  signIn,
  signOut,
  write,
  writeCase,
  preloadScreens,
} from '../cases/case-fixtures';
import { addDays, toLocalDate } from '../../../src/shared/domain/common';

beforeAll(preloadScreens);
afterEach(signOut);

const today = toLocalDate(new Date());

describe('Heute', () => {
  it('lists overdue and today’s tasks with the case name, and ticks one off', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db, { givenName: 'Amina', familyName: 'Haidari' });
    await write(db, 'tasks', {
      caseId,
      title: 'Jobcenter anrufen',
      dueOn: addDays(today, -2),
      kind: 'follow_up',
    });
    await write(db, 'tasks', {
      caseId,
      title: 'Bewerbung abschicken',
      dueOn: today,
      kind: 'deadline',
    });
    await write(db, 'tasks', {
      caseId,
      title: 'Später',
      dueOn: addDays(today, 3),
      kind: 'follow_up',
    });
    renderAt('/');

    const overdue = await screen.findByRole('list', { name: 'Überfällig' });
    expect(within(overdue).getByText('Jobcenter anrufen')).toBeTruthy();
    expect(within(overdue).getByRole('link', { name: 'Amina Haidari' }).getAttribute('href')).toBe(
      `/faelle/${caseId}`,
    );
    const due = screen.getByRole('list', { name: 'Heute fällig' });
    expect(within(due).getByText('Bewerbung abschicken')).toBeTruthy();
    expect(screen.queryByText('Später')).toBeNull();

    fireEvent.click(within(due).getByRole('checkbox', { name: 'Erledigt: Bewerbung abschicken' }));
    expect(await screen.findByText('Heute ist nichts fällig. Gute Arbeit!')).toBeTruthy();
  });

  it('shows current statuses expiring within 30 days, for open cases only', async () => {
    const { db } = signIn();
    const soon = await writeCase(db, { givenName: 'Amina', familyName: 'Haidari' });
    const later = await writeCase(db, { givenName: 'Jonas', familyName: 'Müller' });
    const replaced = await writeCase(db, { givenName: 'Omid', familyName: 'Rahimi' });
    const closed = await writeCase(db, {
      givenName: 'Sara',
      familyName: 'Ali',
      status: 'closed',
      closingReason: 'work',
    });
    await write(db, 'statuses', {
      caseId: soon,
      kind: 'duldung',
      issuedOn: addDays(today, -100),
      validUntil: addDays(today, 10),
    });
    await write(db, 'statuses', {
      caseId: later,
      kind: 'gestattung',
      issuedOn: addDays(today, -100),
      validUntil: addDays(today, 45),
    });
    await write(db, 'statuses', {
      caseId: replaced,
      kind: 'duldung',
      issuedOn: addDays(today, -200),
      validUntil: addDays(today, 5),
    });
    await write(db, 'statuses', {
      caseId: replaced,
      kind: 'aufenthaltserlaubnis',
      issuedOn: addDays(today, -1),
      validUntil: addDays(today, 700),
    });
    await write(db, 'statuses', { caseId: closed, kind: 'duldung', validUntil: addDays(today, 3) });
    renderAt('/');

    const list = await screen.findByRole('list', { name: /Aufenthaltsstatus läuft/ });
    const rows = within(list).getAllByRole('link');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('Amina Haidari');
    expect(rows[0]?.textContent).toContain('läuft in 10 Tagen ab');
  });

  it('shows the oldest overdue tasks first and the rest on request', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db, { givenName: 'Amina', familyName: 'Haidari' });
    for (let i = 0; i < 25; i++) {
      await write(db, 'tasks', {
        caseId,
        title: `Rückruf ${String(i).padStart(2, '0')}`,
        dueOn: addDays(today, -30 + i),
        kind: 'follow_up',
      });
    }
    renderAt('/');

    await screen.findByText('Rückruf 00');
    expect(screen.getByText('Rückruf 19')).toBeTruthy();
    expect(screen.queryByText('Rückruf 20')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Alle 25 überfälligen Aufgaben zeigen' }));
    expect(await screen.findByText('Rückruf 24')).toBeTruthy();
  });

  it('says so when nothing is due', async () => {
    signIn();
    renderAt('/');
    expect(await screen.findByText('Heute ist nichts fällig. Gute Arbeit!')).toBeTruthy();
    expect(await screen.findByText(/Kein Aufenthaltsstatus läuft/)).toBeTruthy();
  });

  it('adds a task for a case found by name; the app-made kinds are not offered', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db, { givenName: 'Yusuf', familyName: 'Rahimi' });
    renderAt('/');
    fireEvent.click(await screen.findByRole('button', { name: 'Aufgabe hinzufügen' }));
    const sheet = await screen.findByRole('dialog', { name: 'Aufgabe hinzufügen' });
    const kinds = [...(within(sheet).getByLabelText('Art') as HTMLSelectElement).options].map(
      (option) => option.textContent,
    );
    expect(kinds).not.toContain('Altersgrenze');
    expect(kinds).not.toContain('Dokument läuft ab');
    fireEvent.input(within(sheet).getByLabelText(/Was ist zu tun/), {
      target: { value: 'Wohnungsamt anrufen' },
    });
    fireEvent.input(within(sheet).getByLabelText(/Für welchen Fall/), {
      target: { value: 'Rahimi' },
    });
    fireEvent.click(await within(sheet).findByRole('button', { name: 'Yusuf Rahimi' }));
    await within(sheet).findByText('Yusuf Rahimi');
    fireEvent.click(within(sheet).getByRole('button', { name: 'Speichern' }));
    await waitFor(async () => expect(await db.tasks.count()).toBe(1));
    expect((await db.tasks.toArray())[0]).toMatchObject({
      caseId,
      title: 'Wohnungsamt anrufen',
      kind: 'follow_up',
    });
  });

  it('offers to note a gap in one tap (the form is its own page)', async () => {
    signIn();
    renderAt('/');
    const link = await screen.findByRole('link', { name: 'Lücke notieren' });
    expect(link.getAttribute('href')).toBe('/luecken/neu');
  });
});
