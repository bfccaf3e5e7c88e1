// Issue 12 on the phone: the store_data banner follows the team's legal basis, erasure needs a
// reason and the typed word, the texts come in the person's language (right to left, review
// state), and "Löschfristen" lists closed cases due within 30 days.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { useSession } from '../../../src/client/state/session';
import { caseRoutes } from '../../../src/client/features/cases/routes';
import { privacyRoutes } from '../../../src/client/features/privacy/routes';
import { confirmsErasure } from '../../../src/client/features/privacy/erase-page';
import { DEFAULT_TEAM_SETTINGS } from '../../../src/shared/domain/team-settings';
import { addYears, toLocalDate } from '../../../src/shared/domain/common';
import { quickContactFields } from '../../../src/shared/domain/contact';
import { signIn, signOut, write, writeCase } from '../cases/case-fixtures';

const routes = [...privacyRoutes, ...caseRoutes];

function renderAt(path: string) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <Router>
        {routes.map((route) => (
          <Route key={route.path} path={route.path} component={route.component} />
        ))}
      </Router>
    </LocationProvider>,
  );
}

function withSettings(settings: Partial<typeof DEFAULT_TEAM_SETTINGS>) {
  const { user } = useSession.getState();
  useSession.setState({
    user: {
      ...user!,
      team: { ...user!.team, settings: { ...DEFAULT_TEAM_SETTINGS, ...settings } },
    },
  });
}

beforeAll(async () => {
  await Promise.all(
    routes.map((route) => (route.component as { preload?: () => Promise<unknown> }).preload?.()),
  );
});

afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('the store_data banner', () => {
  it('asks for the consent when the team works on consent, and not once it is given', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    renderAt(`/faelle/${caseId}`);
    await screen.findByText('Einwilligung zur Speicherung fehlt');
    // A region named by its heading (an aside may not be a status: axe aria-allowed-role).
    expect(screen.getByRole('region', { name: 'Einwilligung zur Speicherung fehlt' })).toBeTruthy();
    await write(db, 'consents', {
      caseId,
      purpose: 'store_data',
      givenOn: toLocalDate(new Date()),
    });
    await waitFor(() =>
      expect(screen.queryByText('Einwilligung zur Speicherung fehlt')).toBeNull(),
    );
  });

  it('stays away when the team works under a public task (Art. 6(1)(e))', async () => {
    const { db } = signIn();
    withSettings({ legalBasis: 'public_task' });
    const caseId = await writeCase(db);
    renderAt(`/faelle/${caseId}`);
    await screen.findByText('Datenschutz');
    expect(screen.queryByText('Einwilligung zur Speicherung fehlt')).toBeNull();
  });
});

describe('Person löschen', () => {
  it.each([
    ['LÖSCHEN', true],
    ['löschen', true],
    [' Loeschen ', true],
    ['LOSCHEN', false],
    ['ja', false],
  ])('"%s" confirms: %s', (typed, ok) => {
    expect(confirmsErasure(typed, 'LÖSCHEN')).toBe(ok);
  });

  it('needs a reason and the typed word before it asks the server; offline it says so', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    const fetchMock = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    vi.stubGlobal('fetch', fetchMock);
    renderAt(`/faelle/${caseId}/loeschen`);
    const submit = await screen.findByRole('button', { name: 'Endgültig löschen' });
    fireEvent.click(submit);
    await screen.findByText('Bitte einen Grund für die Löschung angeben.');
    await screen.findByText('Bitte genau LÖSCHEN eingeben.');
    // The form helper: focus on the first field to fix.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText(/Grund der Löschung/)),
    );
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.input(screen.getByLabelText(/Grund der Löschung/), {
      target: { value: 'Antrag der Person' },
    });
    fireEvent.input(screen.getByLabelText(/Zur Bestätigung/), { target: { value: 'LÖSCHEN' } });
    fireEvent.click(submit);
    await screen.findByText(/Keine Verbindung. Löschen geht nur online/);
    expect(fetchMock).toHaveBeenCalledWith(
      `/api/cases/${caseId}/erase`,
      expect.objectContaining({ method: 'POST', body: '{"reason":"Antrag der Person"}' }),
    );
    expect(await db.cases.get(caseId)).toBeDefined();
  });
});

describe('texts for the person', () => {
  it('shows Farsi right to left, marked ungeprüft, with the team settings filled in', async () => {
    signIn();
    withSettings({ controller: 'Stadt Beispielstadt, Markt 1', retentionYears: 5 });
    renderAt('/datenschutz?lang=fa&text=store_data');
    const title = await screen.findByRole('heading', { name: 'رضایت‌نامه: ذخیره داده‌های من' });
    const article = title.closest('article')!;
    expect(article.getAttribute('dir')).toBe('rtl');
    expect(article.getAttribute('lang')).toBe('fa');
    expect(article.textContent).toContain('ungeprüft');
    expect(article.textContent).toContain('Stadt Beispielstadt, Markt 1');
    expect(article.textContent).toContain('تا 5 سال');
  });

  it('German is the original: left to right, no review mark; the legal basis follows the team', async () => {
    signIn();
    withSettings({ legalBasis: 'public_task' });
    renderAt('/datenschutz');
    const title = await screen.findByRole('heading', { name: 'Informationen zum Datenschutz' });
    const article = title.closest('article')!;
    expect(article.getAttribute('dir')).toBe('ltr');
    expect(article.textContent).not.toContain('ungeprüft');
    expect(article.textContent).toContain('Aufgabe im öffentlichen Interesse');
    expect(article.textContent).toContain('LDI NRW');
    expect(article.textContent).toContain(
      '[Verantwortliche Stelle: vom Team noch nicht eingetragen]',
    );
  });

  it('warns before showing, printing or recording a text with a placeholder (issue 27 item 2)', async () => {
    signIn();
    renderAt('/datenschutz');
    const warning = await screen.findByText('Die Texte sind noch nicht vollständig');
    expect(warning.parentElement!.textContent).toContain(
      'noch nicht eingetragen: die verantwortliche Stelle, die Datenschutzbeauftragte Person.',
    );
    signOut();
    signIn();
    withSettings({ controller: 'Stadt Beispielstadt, Markt 1' });
    const { unmount } = renderAt('/datenschutz');
    await screen.findByRole('heading', { name: 'Informationen zum Datenschutz' });
    expect(screen.getByText(/Ihr Team hat noch nicht eingetragen/).textContent).toBe(
      'Ihr Team hat noch nicht eingetragen: die Datenschutzbeauftragte Person. Die Texte zeigen dort einen Platzhalter in eckigen Klammern. Bitten Sie die Teamleitung, die Angaben einzutragen, bevor Sie die Texte zeigen, drucken oder eine Einwilligung damit erfassen.',
    );
    unmount();
    withSettings({ controller: 'Stadt Beispielstadt', dataProtectionOfficer: 'dsb@example.org' });
    renderAt(`/datenschutz`);
    await screen.findByRole('heading', { name: 'Informationen zum Datenschutz' });
    expect(screen.queryByText('Die Texte sind noch nicht vollständig')).toBeNull();
  });

  it('from a case, "record consent" carries purpose, language and text version', async () => {
    const { db } = signIn();
    const caseId = await writeCase(db);
    renderAt(`/faelle/${caseId}/datenschutz?lang=ar&text=messenger`);
    const link = await screen.findByRole('link', { name: 'Einwilligung mit diesem Text erfassen' });
    expect(link.getAttribute('href')).toBe(
      `/faelle/${caseId}/einwilligungen/neu?zweck=messenger&sprache=ar&version=2026-11`,
    );
  });
});

describe('Löschfristen', () => {
  it('lists closed cases due within 30 days, oldest deadline first, and nothing else', async () => {
    const { db } = signIn();
    const today = toLocalDate(new Date());
    const soon = toLocalDate(new Date(Date.now() + 10 * 86_400_000));
    const later = toLocalDate(new Date(Date.now() + 60 * 86_400_000));
    const closed = { status: 'closed', closingReason: 'work', closedOn: addYears(today, -3) };
    await writeCase(db, { ...closed, familyName: 'Bald', retainUntil: soon });
    await writeCase(db, { ...closed, familyName: 'Später', retainUntil: later });
    await writeCase(db, { familyName: 'Offen' });
    renderAt('/mehr/loeschfristen');
    await screen.findByText('Ahmad Bald');
    expect(screen.queryByText('Ahmad Später')).toBeNull();
    expect(screen.queryByText('Ahmad Offen')).toBeNull();
    expect(screen.getByRole('button', { name: 'Verlängern' })).toBeTruthy();
  });
});

describe('Löschfrist verlängern', () => {
  it('checks date and reason inline, shows the server refusal at its field, then saves', async () => {
    const { db } = signIn();
    const today = toLocalDate(new Date());
    const soon = toLocalDate(new Date(Date.now() + 10 * 86_400_000));
    const later = toLocalDate(new Date(Date.now() + 400 * 86_400_000));
    await writeCase(db, {
      status: 'closed',
      closingReason: 'work',
      closedOn: addYears(today, -3),
      familyName: 'Bald',
      retainUntil: soon,
    });
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(
        new Response(
          JSON.stringify({
            error: 'too_late',
            message: 'Eine Verlängerung reicht höchstens 10 Jahre in die Zukunft.',
            field: 'until',
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
      )
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ retainUntil: later }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/mehr/loeschfristen');
    fireEvent.click(await screen.findByRole('button', { name: 'Verlängern' }));
    const save = await screen.findByRole('button', { name: 'Frist verlängern' });
    fireEvent.click(save);
    const until = screen.getByLabelText(/Aufbewahren bis/);
    await waitFor(() => expect(document.activeElement).toBe(until));
    expect(until.getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.input(until, { target: { value: later } });
    fireEvent.input(screen.getByLabelText(/Grund \(wird protokolliert/), {
      target: { value: 'Verfahren läuft' },
    });
    fireEvent.click(save);
    await screen.findByText('Eine Verlängerung reicht höchstens 10 Jahre in die Zukunft.');
    await waitFor(() => expect(document.activeElement).toBe(until));

    fireEvent.click(save);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Frist verlängern' })).toBeNull(),
    );
    expect(fetchMock).toHaveBeenLastCalledWith(
      expect.stringContaining('/retention'),
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify({ until: later, reason: 'Verfahren läuft' }),
      }),
    );
  });
});

describe('Auskunft (Art. 15)', () => {
  it('labels every field and value in German: no raw keys on the page', async () => {
    const { db } = signIn();
    const now = new Date();
    const caseId = await writeCase(db, {
      gender: 'female',
      germanLevel: 'A2',
      interpreterNeeded: true,
      reachedVia: 'outreach',
      languages: 'Farsi, Englisch',
      birthDate: '2003-04-01',
    });
    await write(db, 'statuses', { caseId, kind: 'duldung', issuedOn: '2025-01-01' });
    await write(db, 'needs', {
      caseId,
      category: 'language',
      priority: 'high',
      source: 'self',
      status: 'open',
      goal: 'Deutsch B1',
    });
    await write(db, 'contacts', quickContactFields(caseId, 'in_person', 'Erstgespräch', now));
    await write(db, 'consents', {
      caseId,
      purpose: 'store_data',
      givenOn: toLocalDate(now),
      formLanguage: 'fa',
    });
    await write(db, 'appointments', {
      caseId,
      startsAt: new Date(now.getTime() + 86_400_000).toISOString(),
      endsAt: new Date(now.getTime() + 90_000_000).toISOString(),
      mode: 'phone',
      status: 'confirmed',
      reminderMinutes: 30,
      ownerId: useSession.getState().user!.id,
    });
    await write(db, 'tasks', {
      caseId,
      kind: 'follow_up',
      title: 'Anrufen',
      dueOn: toLocalDate(now),
    });
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    renderAt(`/faelle/${caseId}/auskunft`);
    await screen.findByText(/Keine Verbindung: gezeigt wird der Stand dieses Geräts/);
    const shown = [
      ...document.querySelectorAll('.export-doc dt, .export-doc dd, .export-doc h2'),
    ].map((element) => element.textContent!.trim());
    const raw = shown.filter((text) =>
      /^[a-z]+([A-Z][a-zA-Z]*)+$|^[a-z0-9]+(_[a-z0-9]+)+$/.test(text),
    );
    expect(raw).toEqual([]);
    // Enum values by their label, colleagues by name, minutes as a phrase; no stored id.
    expect(shown).toEqual(
      expect.arrayContaining([
        'Geschlecht',
        'weiblich',
        'Persönlich',
        'Wiedervorlage',
        '30 Minuten vorher',
        'Lena Berger',
        'Duldung',
      ]),
    );
    expect(shown.join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // In the order the forms show the fields: the name before the birth date.
    expect(shown.indexOf('Vorname')).toBeLessThan(shown.indexOf('Geburtsdatum'));
  });
});
