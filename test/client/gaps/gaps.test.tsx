// Gaps on the phone: noted without any person, listed as "mine", edited and deleted, and noted in
// one tap from a need with its area prefilled.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { caseRoutes } from '../../../src/client/features/cases/routes';
import { gapRoutes } from '../../../src/client/features/gaps/routes';
import { Toasts } from '../../../src/client/ui/toast';
import { choose, signIn, signOut, write, writeCase } from '../cases/case-fixtures';

const routes = [...caseRoutes, ...gapRoutes];

beforeAll(async () => {
  await Promise.all(
    routes.map((route) => (route.component as { preload?: () => Promise<unknown> }).preload?.()),
  );
});
afterEach(signOut);

function renderAt(path: string) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <Router>
        {routes.map((route) => (
          <Route key={route.path} path={route.path} component={route.component} />
        ))}
      </Router>
      <Toasts />
    </LocationProvider>,
  );
}

describe('gaps in the support system', () => {
  it('warns not to name a person, refuses an empty gap and stores nothing', async () => {
    const { db } = signIn();
    renderAt('/luecken/neu');
    expect(await screen.findByText(/nennt nie eine Person/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Bitte einen Bereich aus der Liste wählen')).toBeTruthy();
    expect(await db.gaps.count()).toBe(0);
  });

  it('notes a gap with its author, lists it as mine, edits and deletes it', async () => {
    const { db, user } = signIn();
    // Another THM's gap is not in my list.
    await write(db, 'gaps', {
      category: 'housing',
      description: 'Fremde Lücke',
      date: '2026-01-02',
      authorId: 'someone-else',
    });
    renderAt('/luecken/neu');
    choose(await screen.findByLabelText(/Bereich/), 'language');
    fireEvent.input(screen.getByLabelText(/Was fehlt/), {
      target: { value: 'Kein Sprachkurs mit Kinderbetreuung' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Kein Sprachkurs mit Kinderbetreuung')).toBeTruthy();
    expect(screen.queryByText('Fremde Lücke')).toBeNull();
    const [mine] = await db.gaps.where('date').above('2026-01-02').toArray();
    expect(mine).toMatchObject({ category: 'language', authorId: user.id });

    fireEvent.click(screen.getByText('Kein Sprachkurs mit Kinderbetreuung'));
    const text = (await screen.findByLabelText(/Was fehlt/)) as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toBe('Kein Sprachkurs mit Kinderbetreuung'));
    fireEvent.input(text, { target: { value: 'Kein Abendkurs A1 mit Kinderbetreuung' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Kein Abendkurs A1 mit Kinderbetreuung')).toBeTruthy();

    fireEvent.click(screen.getByText('Kein Abendkurs A1 mit Kinderbetreuung'));
    const confirm = window.confirm;
    window.confirm = () => true;
    try {
      fireEvent.click(await screen.findByRole('button', { name: 'Löschen' }));
      await screen.findByText('Sie haben noch keine Lücke notiert.');
    } finally {
      window.confirm = confirm;
    }
    expect(await db.gaps.get(mine!.id)).toBeUndefined();
    const entries = (await db.outbox.toArray()).filter((entry) => entry.recordId === mine!.id);
    expect(entries.at(-1)).toMatchObject({ op: 'delete' });
  });

  it('notes a gap with only its area (the text is optional)', async () => {
    const { db } = signIn();
    renderAt('/luecken/neu');
    choose(await screen.findByLabelText(/Bereich/), 'housing');
    expect(screen.getByLabelText(/Was fehlt/).getAttribute('aria-required')).not.toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await screen.findByRole('list', { name: /Lücken/ });
    const [gap] = await db.gaps.toArray();
    expect(gap).toMatchObject({ category: 'housing' });
    expect(gap?.description ?? null).toBeNull();
  });

  it('"Angebot fehlt" on a need opens the gap form with its area prefilled', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    const needId = await write(db, 'needs', {
      caseId,
      category: 'housing',
      priority: 'high',
      source: 'self',
      status: 'open',
    });
    renderAt(`/faelle/${caseId}/bedarfe/${needId}`);
    const link = await screen.findByRole('link', { name: 'Angebot fehlt' });
    expect(link.getAttribute('href')).toBe('/luecken/neu?bereich=housing');
    fireEvent.click(link);
    const area = (await screen.findByLabelText(/Bereich/)) as HTMLSelectElement;
    expect(area.value).toBe('housing');
  });
});
