import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { OfflineBanner, SyncStatusChip } from '../../../src/client/features/sync/sync-status-chip';
import { PendingBadge } from '../../../src/client/features/sync/pending-badge';
import { ConflictList } from '../../../src/client/features/sync/conflict-list';
import { RejectionList } from '../../../src/client/features/sync/rejection-list';
import { useAuthUi } from '../../../src/client/state/auth-ui';
import { setMeta } from '../../../src/local/meta';
import { createRecord } from '../../../src/local/write-record';
import { newRecordId } from '../../../src/shared/domain/record-id';
import { formatHlc } from '../../../src/shared/sync/hlc';
import { signInForTest, signOutForTest } from './signed-in';

afterEach(() => {
  cleanup();
  signOutForTest();
  useAuthUi.setState({ reauthOpen: false, notice: null });
});

async function writeCase(
  db: Parameters<typeof createRecord>[0],
  fields: Record<string, unknown> = {},
) {
  const result = await createRecord(db, 'cases', {
    givenName: 'Amina',
    familyName: 'Haddad',
    status: 'inquiry',
    ...fields,
  } as never);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

describe('SyncStatusChip', () => {
  it('[E4] shows pending changes from the outbox and the last sync in its details', async () => {
    const { db } = signInForTest();
    await setMeta(db, 'lastSyncAt', '2025-03-14T08:30:00.000Z');
    await writeCase(db);
    await writeCase(db);
    render(<SyncStatusChip />);
    const chip = await screen.findByRole('button', { name: /2 Änderungen offen/ });
    fireEvent.click(chip);
    expect(await screen.findByText(/Zuletzt synchronisiert: 14\.03\.2025/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeTruthy();
  });

  it('its details close with Escape (focus back on the chip), a tap outside and on navigation', async () => {
    const { db } = signInForTest();
    await writeCase(db);
    history.replaceState(null, '', '/');
    render(
      <LocationProvider>
        <SyncStatusChip />
        <a href="/faelle">Fälle</a>
        <p>Draußen</p>
      </LocationProvider>,
    );
    const chip = await screen.findByRole('button', { name: /1 Änderung offen/ });
    const details = () => screen.queryByRole('button', { name: 'Jetzt synchronisieren' });
    fireEvent.click(chip);
    await waitFor(() => expect(details()).toBeTruthy());
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(details()).toBeNull());
    expect(document.activeElement).toBe(chip);
    expect(chip.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(chip);
    await waitFor(() => expect(details()).toBeTruthy());
    fireEvent.pointerDown(details()!); // inside: stays open
    expect(details()).toBeTruthy();
    fireEvent.pointerDown(screen.getByText('Draußen'));
    await waitFor(() => expect(details()).toBeNull());

    fireEvent.click(chip);
    await waitFor(() => expect(details()).toBeTruthy());
    fireEvent.click(screen.getByRole('link', { name: 'Fälle' }));
    await waitFor(() => expect(details()).toBeNull());
    expect(location.pathname).toBe('/faelle');
  });

  it('[E4] shows the error of the last round trip in German', async () => {
    const { db } = signInForTest();
    await setMeta(db, 'lastSyncError', {
      kind: 'offline',
      message: '',
      at: new Date().toISOString(),
    });
    render(<SyncStatusChip />);
    fireEvent.click(await screen.findByRole('button', { name: /Keine Verbindung/ }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Keine Verbindung. Änderungen bleiben auf dem Gerät gespeichert.',
    );
  });

  it('[S2] after an expired session it asks to sign in again and opens the sign-in', async () => {
    const { db } = signInForTest();
    await writeCase(db);
    await setMeta(db, 'lastSyncError', {
      kind: 'unauthorized',
      message: '',
      at: new Date().toISOString(),
    });
    render(<SyncStatusChip />);
    fireEvent.click(await screen.findByRole('button', { name: /Bitte erneut anmelden/ }));
    expect(useAuthUi.getState().reauthOpen).toBe(true);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('PendingBadge', () => {
  it('marks a record until the server has confirmed its changes', async () => {
    const { db } = signInForTest();
    const id = await writeCase(db);
    const other = await writeCase(db);
    // As if the server had confirmed the second case.
    await db.outbox.where('[table+recordId]').equals(['cases', other]).delete();
    render(
      <>
        <p data-testid="first">
          <PendingBadge table="cases" id={id} />
        </p>
        <p data-testid="second">
          <PendingBadge table="cases" id={other} />
        </p>
      </>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('first').textContent).toBe('nicht synchronisiert'),
    );
    expect(screen.getByTestId('second').textContent).toBe('');
    await db.outbox.clear();
    await waitFor(() => expect(screen.getByTestId('first').textContent).toBe(''));
  });
});

describe('Konflikte', () => {
  async function storeConflict(
    db: Parameters<typeof createRecord>[0],
    caseId: string,
    losingUserId: string,
  ) {
    const conflict = {
      id: newRecordId(),
      table: 'cases',
      recordId: caseId,
      caseId,
      field: 'phone',
      losingValue: '0171 111111',
      losingHlc: formatHlc({ ms: Date.parse('2025-03-14T09:00:00Z'), counter: 0, node: 'a' }),
      losingUserId,
      keptValue: '0171 222222',
      keptHlc: formatHlc({ ms: Date.parse('2025-03-14T10:15:00Z'), counter: 0, node: 'b' }),
      keptUserId: 'someone-else',
      createdAt: '2025-03-14T10:16:00.000Z',
    };
    // Conflicts come from the server (a pull), never from a local write.
    await db.conflicts.put(conflict as never);
    return conflict;
  }

  it('[M4] lists field, your value, kept value, who and when; re-applying writes your value back', async () => {
    const { db, user } = signInForTest();
    const caseId = await writeCase(db, { phone: '0171 222222' });
    await db.outbox.clear();
    await storeConflict(db, caseId, user.id);
    render(<ConflictList />);

    const card = await screen.findByRole('article', { name: /Fall/ });
    expect(card.textContent).toContain('Ihr Wert');
    expect(card.textContent).toContain('0171 111111');
    expect(card.textContent).toContain('Behaltener Wert');
    expect(card.textContent).toContain('0171 222222');
    expect(card.textContent).toMatch(/Geändert von jemand anderem am 14\.03\.2025/);

    fireEvent.click(screen.getByRole('button', { name: 'Meinen Wert übernehmen' }));
    await screen.findByText('Keine offenen Konflikte.');
    expect((await db.cases.get(caseId))?.phone).toBe('0171 111111');
    const outboxTables = (await db.outbox.toArray()).map((entry) => entry.table).sort();
    expect(outboxTables).toEqual(['cases', 'conflicts']);
  });

  it('[M4] leaving the kept value resolves the conflict without touching the record', async () => {
    const { db, user } = signInForTest();
    const caseId = await writeCase(db, { phone: '0171 222222' });
    await storeConflict(db, caseId, user.id);
    render(<ConflictList />);
    fireEvent.click(await screen.findByRole('button', { name: 'Behaltenen Wert lassen' }));
    await screen.findByText('Keine offenen Konflikte.');
    expect((await db.cases.get(caseId))?.phone).toBe('0171 222222');
    expect((await db.conflicts.toArray())[0]?.resolution).toBe('dismissed');
  });
  it('[M4] names the person, the record and the colleague who kept the other value', async () => {
    const { db, user } = signInForTest();
    await setMeta(db, 'team', {
      team: { id: 'team-1', name: 'Team Nord' },
      members: [{ id: 'someone-else', name: 'Omar Said', active: true }],
      fetchedAt: new Date().toISOString(),
    });
    const caseId = await writeCase(db, { phone: '0171 222222' });
    const appointment = await createRecord(db, 'appointments', {
      caseId,
      startsAt: '2025-03-20T09:00:00.000Z',
      endsAt: '2025-03-20T10:00:00.000Z',
      mode: 'in_person',
      status: 'confirmed',
      title: 'Beratung Jobcenter',
    });
    if (!appointment.ok) throw new Error(appointment.message);
    await db.conflicts.put({
      ...(await storeConflict(db, caseId, user.id)),
      id: newRecordId(),
      table: 'appointments',
      recordId: appointment.id,
      field: 'startsAt',
      losingValue: '2025-03-20T09:00:00.000Z',
      keptValue: '2025-03-20T11:00:00.000Z',
    } as never);
    render(<ConflictList />);

    const phone = await screen.findByRole('article', { name: 'Amina Haddad · Fall: Telefon' });
    expect(phone.textContent).toMatch(/Geändert von Omar Said am 14\.03\.2025/);
    const start = await screen.findByRole('article', {
      name: 'Amina Haddad · Termin „Beratung Jobcenter“: Beginn',
    });
    expect(start.textContent).not.toContain('startsAt');
  });

  it("[M4] a conflict whose losing value is a colleague's is theirs to review, not mine", async () => {
    const { db } = signInForTest();
    const caseId = await writeCase(db, { phone: '0171 222222' });
    await db.outbox.clear();
    await storeConflict(db, caseId, 'colleague-id');
    await setMeta(db, 'lastSyncAt', new Date().toISOString());
    render(
      <>
        <SyncStatusChip />
        <ConflictList />
      </>,
    );
    expect(await screen.findByText('Keine offenen Konflikte.')).toBeTruthy();
    expect(
      await screen.findByRole('button', { name: 'Synchronisierung: Synchronisiert' }),
    ).toBeTruthy();
  });
});

describe('Abgelehnte Änderungen', () => {
  it('[P5] names the person and the fields in words, also for a record the device no longer has', async () => {
    const { db } = signInForTest();
    const caseId = await writeCase(db);
    await db.rejections.put({
      mutationId: 8,
      table: 'consents',
      recordId: newRecordId(),
      op: 'put',
      fields: { caseId, purpose: 'reporting', givenOn: '2025-03-14', withdrawnOn: '2025-03-01' },
      reason: 'Der Widerruf liegt vor dem Datum der Einwilligung.',
      at: '2025-03-14T10:00:00.000Z',
    });
    render(<RejectionList />);
    const card = await screen.findByRole('article', { name: /^Amina Haddad · Einwilligung/ });
    expect(card.textContent).toContain('Fall, Zweck, Erteilt am, Widerrufen am');
    expect(card.textContent).not.toMatch(/withdrawnOn|givenOn/);
  });

  it('[P5] shows the server reason until dismissed', async () => {
    const { db } = signInForTest();
    await db.rejections.put({
      mutationId: 7,
      table: 'cases',
      recordId: newRecordId(),
      op: 'put',
      fields: { status: 'closed' },
      reason: 'Zum Abschließen fehlt der Abschlussgrund.',
      at: '2025-03-14T10:00:00.000Z',
    });
    render(<RejectionList />);
    expect(await screen.findByText('Zum Abschließen fehlt der Abschlussgrund.')).toBeTruthy();
    expect(screen.getByText('Status')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Zur Kenntnis genommen' }));
    await screen.findByText('Keine abgelehnten Änderungen.');
    expect(await db.rejections.count()).toBe(0);
  });
});

describe('what the phone did (issue 27 item 10)', () => {
  it('the phone whose value was kept gets a quiet note, not a conflict to review', async () => {
    const { db, user } = signInForTest();
    const caseId = await writeCase(db);
    await db.conflicts.put({
      id: newRecordId(),
      table: 'cases',
      recordId: caseId,
      caseId,
      field: 'phone',
      losingValue: '0171 111',
      losingHlc: formatHlc({ ms: Date.parse('2025-03-14T09:00:00Z'), counter: 0, node: 'a' }),
      losingUserId: 'someone-else',
      keptValue: '0171 222',
      keptHlc: formatHlc({ ms: Date.parse('2025-03-14T09:01:00Z'), counter: 0, node: 'b' }),
      keptUserId: user.id,
      createdAt: '2025-03-14T09:02:00.000Z',
    });
    render(<SyncStatusChip />);
    // The chip does not ask me to review it.
    const chip = await screen.findByRole('button', { name: /1 Änderung offen/ });
    fireEvent.click(chip);
    const note = await screen.findByRole('link', {
      name: 'Bei 1 gleichzeitigen Änderung wurde Ihr Wert behalten',
    });
    expect(note.getAttribute('href')).toBe('/mehr/konflikte');
    cleanup();
    render(<ConflictList />);
    await screen.findByRole('heading', { name: 'Ihr Wert wurde behalten' });
    expect(screen.getByText('0171 222')).toBeTruthy();
    expect(screen.getByText('0171 111')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Meinen Wert übernehmen' })).toBeNull();
    expect(screen.getByText('Keine offenen Konflikte.')).toBeTruthy();
  });

  it('offline, one line says so with the changes that wait', async () => {
    const { db } = signInForTest();
    await writeCase(db);
    await writeCase(db);
    render(<OfflineBanner />);
    const line = await screen.findByRole('status');
    expect(line.textContent).toBe('');
    await setMeta(db, 'lastSyncError', {
      kind: 'offline',
      message: '',
      at: '2025-03-14T09:00:00.000Z',
    });
    await waitFor(() =>
      expect(line.textContent).toBe('Offline: 2 Änderungen warten auf die Verbindung.'),
    );
  });
});
