// The console (coordinators, admins): signing in opens no device database; the report shows its
// charts beside their tables, "<5" for small counts, a CSV link; offline and an ended session are
// said clearly; gaps by area; a reset password is shown once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { SignInGate } from '../../../src/client/features/session/sign-in-gate';
import { useSession } from '../../../src/client/state/session';
import { useAuthUi } from '../../../src/client/state/auth-ui';
import { getActiveUserId } from '../../../src/local/active-user';
import { buildCaseload, buildSummary } from '../../../src/server/reports/summary';
import type { SessionUser } from '../../../src/shared/sync/protocol';
import { testUser } from '../sync/signed-in';
import { choose } from '../cases/case-fixtures';

const coordinator = testUser({ role: 'coordinator', name: 'Clara Koordination' });
const admin = testUser({ role: 'admin', name: 'Anton Verwaltung' });

function summary(from: string, to: string) {
  const report = teamSummary(from, to);
  report.caseload = buildCaseload(
    { from, to },
    {
      thms: [{ id: 'u-lena', name: 'Lena Teilhabe' }],
      cases: [{ thm: 'u-lena', stage: 'ongoing', month: null, n: 8, k: 0 }],
      contacts: [{ thm: 'u-lena', month: from.slice(0, 7), n: 3, k: 0 }],
    },
  );
  return report;
}

function teamSummary(from: string, to: string) {
  return buildSummary(
    { id: 'team-1', name: 'Team Nord' },
    { from, to },
    {
      persons: [
        { stage: 'new', gender: 'female', age: 19, residence: 'duldung', n: 12, k: 0 },
        { stage: 'ongoing', gender: 'male', age: 22, residence: 'gestattung', n: 3, k: 0 },
      ],
      contacts: [
        { channel: 'in_person', month: `${from.slice(0, 7)}`, n: 30, k: 0 },
        { channel: 'phone', month: `${from.slice(0, 7)}`, n: 2, k: 0 },
        { channel: 'video', month: `${from.slice(0, 7)}`, n: 9, k: 0 },
      ],
      appointments: [{ mode: 'in_person', status: 'attended', n: 14, k: 0 }],
      conferences: { n: 6, k: 0 },
      referralsOut: [
        { partnerKind: 'vhs', offer: 'Deutschkurs B1', status: 'accepted', n: 8, k: 0 },
        { partnerKind: 'jobcenter', offer: '', status: 'completed', n: 7, k: 0 },
      ],
      referralsIn: [],
      closing: [],
      needs: [{ category: 'language', met: false, n: 9, k: 0 }],
      gaps: [
        // Five language gaps in one month: their texts are listed; one housing gap: not.
        ...['Kein Sprachkurs mit Kinderbetreuung', 'A', 'B', 'C', 'D'].map((description, i) => ({
          category: 'language',
          description,
          date: `${from.slice(0, 7)}-1${i}`,
          k: i,
        })),
        { category: 'housing', description: 'Keine WG-Zimmer unter 400 €', date: from, k: 7 },
      ],
    },
    false,
  );
}

interface Fake {
  session: SessionUser | null;
  offline: boolean;
  calls: string[];
  /** Bodies of PATCH /api/admin/teams/team-1/settings the server got. */
  settingsSent?: unknown[];
  /** Bodies of POST /api/admin/users and /api/admin/teams the server got. */
  accountsSent?: Record<string, string>[];
  teamsSent?: Record<string, string>[];
}

const teamSettings = {
  retentionYears: 3,
  legalBasis: 'consent',
  reportsNeedConsent: false,
  controller: null,
  dataProtectionOfficer: null,
};

function installFetch(fake: Fake) {
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://app.test');
      const method = init.method ?? 'GET';
      fake.calls.push(`${method} ${url.pathname}${url.search}`);
      if (fake.offline) throw new TypeError('Failed to fetch');
      if (url.pathname === '/api/session' && method === 'DELETE') {
        fake.session = null;
        return new Response(null, { status: 204 });
      }
      if (!fake.session) return json(401, { error: 'not_signed_in', message: 'Bitte anmelden.' });
      if (url.pathname === '/api/session/password' && method === 'POST') {
        const { passwordChangeRequired: _done, ...user } = fake.session;
        fake.session = user;
        return json(200, { user });
      }
      if (fake.session.passwordChangeRequired && url.pathname !== '/api/session') {
        return json(403, {
          error: 'password_change_required',
          message: 'Bitte legen Sie zuerst ein neues Passwort fest.',
        });
      }
      if (url.pathname === '/api/session') return json(200, { user: fake.session });
      if (url.pathname === '/api/reports/summary') {
        return json(200, summary(url.searchParams.get('from')!, url.searchParams.get('to')!));
      }
      if (url.pathname === '/api/admin/teams' && method === 'POST') {
        const body = JSON.parse(String(init.body)) as Record<string, string>;
        (fake.teamsSent ??= []).push(body);
        return json(201, { team: { id: 'team-2', name: body.name } });
      }
      if (url.pathname === '/api/admin/teams') {
        return json(200, {
          teams: [{ id: 'team-1', name: 'Team Nord', users: 2, settings: teamSettings }],
        });
      }
      if (url.pathname === '/api/admin/teams/team-1/settings' && method === 'PATCH') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        (fake.settingsSent ??= []).push(body);
        if (body.legalBasis === 'public_task' && body.retentionYears === 9)
          return json(400, {
            error: 'invalid_settings',
            message: 'Nicht mit öffentlicher Aufgabe.',
            field: 'retentionYears',
          });
        Object.assign(teamSettings, body);
        return json(200, { team: { id: 'team-1', name: 'Team Nord', settings: teamSettings } });
      }
      if (url.pathname === '/api/admin/users' && method === 'POST') {
        const body = JSON.parse(String(init.body)) as Record<string, string>;
        (fake.accountsSent ??= []).push(body);
        if (body.email === 'lena@team.example')
          return json(409, {
            error: 'exists',
            code: 'server.account.userExists',
            params: { email: body.email },
            message: `Ein Konto mit ${body.email} gibt es schon.`,
            field: 'email',
          });
        return json(201, {
          user: { id: 'u-2', ...body, team: { id: 'team-1', name: 'Team Nord' }, disabled: false },
          oneTimePassword: 'pqrs-tuvw-xyza',
        });
      }
      if (url.pathname === '/api/admin/users') {
        return json(200, {
          users: [
            {
              id: 'u-1',
              email: 'lena@team.example',
              name: 'Lena Berger',
              role: 'thm',
              team: { id: 'team-1', name: 'Team Nord' },
              disabled: false,
            },
          ],
        });
      }
      if (url.pathname === '/api/admin/users/u-1/password') {
        return json(200, { oneTimePassword: 'abcd-efgh-jkmn' });
      }
      return json(404, { error: 'not_found', message: 'Nicht gefunden.' });
    }),
  );
}

function renderConsoleFor(user: SessionUser, fake: Fake, path = '/') {
  fake.session = user;
  installFetch(fake);
  // A console user is never remembered on the device (complete-sign-in.ts): the cookie decides.
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <SignInGate>
        <p>Phone app</p>
      </SignInGate>
    </LocationProvider>,
  );
}

let fake: Fake;
beforeEach(() => {
  localStorage.clear();
  fake = { session: null, offline: false, calls: [] };
});
afterEach(() => {
  cleanup();
  useSession.getState().signOut();
  useAuthUi.setState({ reauthOpen: false, notice: null, passwordChangeFor: null });
  vi.unstubAllGlobals();
});

describe('console', () => {
  it('a coordinator gets the console, no device database and no sync', async () => {
    renderConsoleFor(coordinator, fake);
    expect(await screen.findByRole('heading', { name: /Sachbericht Team Nord/ })).toBeTruthy();
    expect(screen.queryByText('Phone app')).toBeNull();
    expect(screen.getByText(/speichert keine Falldaten auf diesem Gerät/)).toBeTruthy();
    expect(useSession.getState().db).toBeNull();
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).not.toContain(`feldakte-${coordinator.id}`);
    expect(await getActiveUserId()).toBeNull();
    expect(fake.calls.some((call) => call.includes('/api/sync/'))).toBe(false);
  });

  it('shows the report: accessible charts beside their tables, "<5", CSV and print', async () => {
    renderConsoleFor(coordinator, fake);
    const chart = await screen.findByRole('img', {
      name: /Kontakte nach Kontaktweg und Monat \(gestapelt\)/,
    });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(screen.getByRole('img', { name: /Vermittlungen nach Ergebnis/ })).toBeTruthy();
    const contacts = screen.getByRole('table', { name: 'Kontakte nach Kontaktweg und Monat' });
    const phone = within(contacts).getByRole('row', { name: /^Telefon/ });
    expect(within(phone).getAllByText('<5').length).toBeGreaterThan(0);
    // 30 + "<5" + 9 and the total: with the cell-key noise the "<5" cannot be worked out, so
    // nothing else is hidden and the total is shown.
    expect(within(contacts).queryAllByText('x')).toHaveLength(0);
    const total = within(contacts).getByRole('row', { name: /^Gesamt/ });
    expect(within(total).getAllByText(/^\d+$/).length).toBeGreaterThan(0);
    // The headline: 15 persons reached, shown as a number (within the p-table's 2) in its total row.
    const reached = screen.getAllByRole('table', { name: 'Erreichte Personen' })[0]!;
    const headline = within(reached).getByRole('row', { name: /^Gesamt/ });
    const shown = Number(within(headline).getAllByRole('cell').at(-1)!.textContent);
    expect(Math.abs(shown - 15)).toBeLessThanOrEqual(2);
    // The key figures beside the same figures of the year before (a report of its own).
    const year0 = new Date().getFullYear();
    const comparison = await screen.findByRole('table', {
      name: `Kennzahlen im Vergleich (Vorzeitraum 01.01.${year0 - 1} bis 31.12.${year0 - 1})`,
    });
    expect(within(comparison).getByRole('columnheader', { name: 'Vorzeitraum' })).toBeTruthy();
    expect(within(comparison).getByRole('row', { name: /^Erreichte Personen/ })).toBeTruthy();
    expect(fake.calls).toContain(
      `GET /api/reports/summary?from=${year0 - 1}-01-01&to=${year0 - 1}-12-31`,
    );
    // Coordinators see the caseload per THM: 8 active cases (a number), 3 contacts ("<5").
    const caseload = screen.getByRole('table', { name: 'Fallbelastung je THM' });
    const lena = within(caseload).getByRole('row', { name: /^Lena Teilhabe/ });
    expect(within(lena).getByText('<5')).toBeTruthy();
    expect(within(caseload).getByRole('row', { name: /^ohne THM/ })).toBeTruthy();
    const csv = screen.getByRole('link', { name: 'CSV herunterladen (Excel)' });
    const year = new Date().getFullYear();
    expect(csv.getAttribute('href')).toBe(
      `/api/reports/summary.csv?from=${year}-01-01&to=${year}-12-31`,
    );
    expect(screen.getByRole('button', { name: 'Drucken' })).toBeTruthy();
  });

  it('asks for another period: a quarter', async () => {
    renderConsoleFor(coordinator, fake);
    await screen.findByRole('heading', { name: /Sachbericht/ });
    fireEvent.click(screen.getByRole('radio', { name: 'Quartal' }));
    choose(screen.getByLabelText('Welches Quartal'), '2');
    fireEvent.click(screen.getByRole('button', { name: 'Bericht anzeigen' }));
    const year = new Date().getFullYear();
    await waitFor(() =>
      expect(fake.calls).toContain(`GET /api/reports/summary?from=${year}-04-01&to=${year}-06-30`),
    );
    // The quarter before, for the comparison.
    await waitFor(() =>
      expect(fake.calls).toContain(`GET /api/reports/summary?from=${year}-01-01&to=${year}-03-31`),
    );
    expect(await screen.findByText(`01.04.${year} bis 30.06.${year}`)).toBeTruthy();
  });

  it('says clearly when it is offline', async () => {
    renderConsoleFor(coordinator, fake);
    await screen.findByRole('heading', { name: /Sachbericht/ });
    fake.offline = true;
    fireEvent.click(screen.getByRole('button', { name: 'Bericht anzeigen' }));
    expect(
      await screen.findByText(/Keine Verbindung. Die Konsole braucht das Internet/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeTruthy();
  });

  it('an ended session goes back to the sign-in screen with a message', async () => {
    renderConsoleFor(coordinator, fake);
    await screen.findByRole('heading', { name: /Sachbericht/ });
    fake.session = null;
    fireEvent.click(screen.getByRole('button', { name: 'Bericht anzeigen' }));
    expect(
      await screen.findByText('Die Anmeldung ist abgelaufen. Bitte erneut anmelden.'),
    ).toBeTruthy();
    expect(useSession.getState().user).toBeNull();
  });

  it('lists the gaps by area for the alliance meeting', async () => {
    renderConsoleFor(coordinator, fake, '/luecken');
    expect(
      await screen.findByRole('heading', { name: /Lücken für das Bündnistreffen/ }),
    ).toBeTruthy();
    const language = await screen.findByRole('region', { name: /Sprache/ });
    expect(within(language).getByText('Kein Sprachkurs mit Kinderbetreuung')).toBeTruthy();
    expect(within(language).getByText(/5 notiert/)).toBeTruthy();
    // One housing gap: its count is "<5" and its text is not listed (it would give the count away).
    const housing = screen.getByRole('region', { name: /Wohnen/ });
    expect(within(housing).getByText(/<5 notiert/)).toBeTruthy();
    expect(within(housing).getByText(/Beschreibungen werden nicht gezeigt/)).toBeTruthy();
    expect(within(housing).queryByText('Keine WG-Zimmer unter 400 €')).toBeNull();
  });

  it('a coordinator has no administration tab', async () => {
    renderConsoleFor(coordinator, fake);
    await screen.findByRole('heading', { name: /Sachbericht/ });
    const nav = screen.getByRole('navigation', { name: 'Bereiche der Konsole' });
    expect(within(nav).queryByRole('link', { name: 'Verwaltung' })).toBeNull();
  });

  it('an admin resets a password and sees the one-time password once', async () => {
    renderConsoleFor(admin, fake, '/verwaltung');
    fireEvent.click(await screen.findByRole('button', { name: 'Passwort zurücksetzen' }));
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Einmal-Passwort für lena@team.example',
    });
    expect(within(dialog).getByText('abcd-efgh-jkmn')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verstanden, schließen' }));
    await waitFor(() => expect(screen.queryByText('abcd-efgh-jkmn')).toBeNull());
  });

  it('an admin creates an account: inline German for bad input, the server refusal at its field', async () => {
    renderConsoleFor(admin, fake, '/verwaltung');
    const form = (await screen.findByRole('heading', { name: 'Neues Konto' })).closest('form')!;
    const create = within(form).getByRole('button', { name: 'Konto anlegen' });
    fireEvent.click(create);
    const name = within(form).getByLabelText(/^Name/);
    const email = within(form).getByLabelText(/^E-Mail/);
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('Bitte einen Namen angeben.')).toBeTruthy();
    expect(within(form).getByText('Bitte eine gültige E-Mail-Adresse angeben.')).toBeTruthy();
    expect(fake.accountsSent).toBeUndefined();

    fireEvent.input(name, { target: { value: 'Lena Zwei' } });
    fireEvent.input(email, { target: { value: 'lena@team.example' } });
    fireEvent.click(create);
    expect(
      await within(form).findByText('Ein Konto mit lena@team.example gibt es schon.'),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(email, { target: { value: ' omar@team.example ' } });
    fireEvent.change(within(form).getByLabelText(/^Rolle/), { target: { value: 'coordinator' } });
    fireEvent.click(create);
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Einmal-Passwort für omar@team.example',
    });
    expect(within(dialog).getByText('pqrs-tuvw-xyza')).toBeTruthy();
    expect(fake.accountsSent!.at(-1)).toEqual({
      teamId: 'team-1',
      email: 'omar@team.example',
      name: 'Lena Zwei',
      role: 'coordinator',
    });
    // The form is empty again for the next account.
    await waitFor(() => expect((name as HTMLInputElement).value).toBe(''));
  });

  it('an admin creates a team; an empty name is refused inline', async () => {
    renderConsoleFor(admin, fake, '/verwaltung');
    const form = (await screen.findByRole('heading', { name: 'Neues Team' })).closest('form')!;
    const name = within(form).getByLabelText(/^Name des Teams/);
    fireEvent.input(name, { target: { value: '   ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Team anlegen' }));
    expect(await within(form).findByText('Bitte einen Teamnamen angeben.')).toBeTruthy();
    expect(fake.teamsSent).toBeUndefined();
    fireEvent.input(name, { target: { value: ' Team Süd ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Team anlegen' }));
    expect(await screen.findByText(/Team Süd/, { selector: '[role="status"]' })).toBeTruthy();
    expect(fake.teamsSent).toEqual([{ name: 'Team Süd' }]);
  });

  it("an admin changes a team's privacy settings; bad input is inline German, nothing is sent", async () => {
    renderConsoleFor(admin, fake, '/verwaltung');
    await screen.findByText(/3 Jahre · Einwilligung/);
    fireEvent.click(screen.getByRole('button', { name: 'Datenschutz-Einstellungen' }));
    const years = await screen.findByLabelText(/^Aufbewahrungsfrist in Jahren/);
    const save = screen.getByRole('button', { name: 'Einstellungen speichern' });
    for (const [typed, message] of [
      ['0', 'Die Aufbewahrungsfrist beträgt mindestens 1 Jahr.'],
      ['11', 'Die Aufbewahrungsfrist beträgt höchstens 10 Jahre.'],
      ['drei', 'Bitte eine Zahl von Jahren eingeben.'],
    ]) {
      fireEvent.input(years, { target: { value: typed } });
      fireEvent.click(save);
      await waitFor(() => expect(document.activeElement).toBe(years));
      expect(years.getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByText(message!)).toBeTruthy();
    }
    expect(fake.settingsSent).toBeUndefined();

    // The server's refusal lands at its field too.
    fireEvent.input(years, { target: { value: '9' } });
    fireEvent.change(screen.getByLabelText(/^Rechtsgrundlage/), {
      target: { value: 'public_task' },
    });
    fireEvent.click(save);
    expect(await screen.findByText('Nicht mit öffentlicher Aufgabe.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(years));

    fireEvent.input(years, { target: { value: '5' } });
    fireEvent.click(
      screen.getByLabelText('Berichte zählen nur Fälle mit Einwilligung für Berichte'),
    );
    fireEvent.click(save);
    expect(await screen.findByText('Einstellungen von „Team Nord“ gespeichert.')).toBeTruthy();
    expect(fake.settingsSent!.at(-1)).toEqual({
      retentionYears: 5,
      legalBasis: 'public_task',
      reportsNeedConsent: true,
    });
    expect(
      await screen.findByText(/5 Jahre · Öffentliche Aufgabe .* nur mit Einwilligung/),
    ).toBeTruthy();
  });

  it('a console session started with a one-time password must set a new password first', async () => {
    renderConsoleFor({ ...coordinator, passwordChangeRequired: true }, fake);
    await screen.findByRole('heading', { name: 'Neues Passwort festlegen' });
    expect(fake.calls.some((call) => call.startsWith('GET /api/reports'))).toBe(false);
    fireEvent.input(screen.getByLabelText(/^Neues Passwort \(/), {
      target: { value: 'mein-eigenes-passwort' },
    });
    fireEvent.input(screen.getByLabelText(/^Neues Passwort wiederholen/), {
      target: { value: 'mein-eigenes-passwort' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Passwort speichern' }));
    await screen.findByRole('link', { name: 'Bericht' });
    expect(fake.calls).toContain('POST /api/session/password');
  });
});
