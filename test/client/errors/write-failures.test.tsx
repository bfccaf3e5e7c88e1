// Issue 13 item 6: a write the device cannot store (a storage error other than "full") shows a
// German message where the THM acted, for one-tap actions too, and changes nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import * as cases from '../cases/case-fixtures';
import * as appointments from '../appointments/appointment-fixtures';
import { renderNetworkApp, seed, seedReferralScene } from '../network/network-app';
import { signInForTest, signOutForTest } from '../sync/signed-in';
import { addDays, toLocalDate } from '../../../src/shared/domain/common';
import { hideToast } from '../../../src/client/state/toast';
import { offerUndo } from '../../../src/client/ui/write-action';
import { Toasts } from '../../../src/client/ui/toast';
import { render } from '@testing-library/preact';
import { RejectionList } from '../../../src/client/features/sync/rejection-list';
import { ConflictList } from '../../../src/client/features/sync/conflict-list';
import { createRecord } from '../../../src/local/write-record';
import { newRecordId } from '../../../src/shared/domain/record-id';
import { formatHlc } from '../../../src/shared/sync/hlc';
import { SignInForm } from '../../../src/client/features/session/sign-in-form';
import { installFakeApi } from '../session/fake-api';
import { testUser } from '../sync/signed-in';
import type { FeldakteDb } from '../../../src/local/db';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  hideToast();
  cleanup();
  signOutForTest();
});

const today = toLocalDate(new Date());
const STORAGE = /auf dem Gerät nicht geklappt\. Es wurde nichts geändert/;

/** From now on every write transaction fails as a broken IndexedDB would (not "disk full"). */
function breakWrites(db: FeldakteDb) {
  const transaction = db.transaction.bind(db);
  vi.spyOn(db, 'transaction').mockImplementation(((mode: string, ...rest: unknown[]) => {
    if (mode === 'rw') {
      return Promise.reject(Object.assign(new Error('broken'), { name: 'UnknownError' }));
    }
    return (transaction as (...args: unknown[]) => unknown)(mode, ...rest);
  }) as never);
}

describe('one-tap writes that fail say so where the THM tapped', () => {
  it('ticking a task on "Heute": the message stands under the task, the box stays open', async () => {
    await cases.preloadScreens();
    const { db } = cases.signIn();
    const caseId = await cases.writeCase(db);
    const taskId = await cases.write(db, 'tasks', {
      caseId,
      title: 'Jobcenter anrufen',
      dueOn: today,
      kind: 'follow_up',
    });
    cases.renderAt('/');
    const box = (await screen.findByRole('checkbox', {
      name: /Jobcenter anrufen/,
    })) as HTMLInputElement;
    breakWrites(db);
    fireEvent.click(box);
    const row = box.closest('li')!;
    expect((await within(row).findByRole('alert')).textContent).toMatch(STORAGE);
    await waitFor(() => expect(box.checked).toBe(false));
    vi.restoreAllMocks();
    expect((await db.tasks.get(taskId))?.doneOn ?? null).toBeNull();
  });

  it('"Ich sage ab" on an appointment: the message stands in the status section', async () => {
    const { db, user } = appointments.signIn();
    const caseId = await appointments.writeCase(db);
    const id = await appointments.write(db, 'appointments', {
      caseId,
      startsAt: appointments.todayAt(9, 0, 1),
      endsAt: appointments.todayAt(9, 45, 1),
      mode: 'in_person',
      placeKind: 'shelter',
      purpose: 'counselling',
      status: 'confirmed',
      ownerId: user.id,
    });
    appointments.renderAt(`/termine/${id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Ich sage ab' }));
    const sheet = await screen.findByRole('dialog');
    breakWrites(db);
    fireEvent.click(within(sheet).getByRole('button', { name: 'Abgesagt (THM)' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(STORAGE);
    vi.restoreAllMocks();
    expect((await db.appointments.get(id))?.status).toBe('confirmed');
  });

  it('a referral status button: the message stands above the buttons', async () => {
    const { db } = signInForTest();
    const scene = await seedReferralScene(db);
    await seed(db, 'consents', {
      caseId: scene.caseId,
      purpose: 'share_with_partner',
      partnerId: scene.partnerId,
      givenOn: addDays(today, -5),
    });
    const referralId = await seed(db, 'referrals', {
      caseId: scene.caseId,
      partnerId: scene.partnerId,
      direction: 'out',
      status: 'sent',
    });
    renderNetworkApp(`/faelle/${scene.caseId}/vermittlungen/${referralId}`);
    const accepted = await screen.findByRole('button', { name: 'Angenommen' });
    breakWrites(db);
    fireEvent.click(accepted);
    expect((await screen.findByRole('alert')).textContent).toMatch(STORAGE);
    vi.restoreAllMocks();
    expect((await db.referrals.get(referralId))?.status).toBe('sent');
  });

  it('"Zur Kenntnis genommen" on a refused change: the message stands on its card', async () => {
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
    const dismiss = await screen.findByRole('button', { name: 'Zur Kenntnis genommen' });
    vi.spyOn(db.rejections, 'delete').mockRejectedValue(
      Object.assign(new Error('x'), { name: 'UnknownError' }),
    );
    fireEvent.click(dismiss);
    const card = screen.getByRole('article');
    expect((await within(card).findByRole('alert')).textContent).toMatch(STORAGE);
    vi.restoreAllMocks();
    expect(await db.rejections.count()).toBe(1);
  });

  it('resolving a conflict: the message stands on its card', async () => {
    const { db, user } = signInForTest();
    const created = await createRecord(db, 'cases', {
      givenName: 'Amina',
      familyName: 'Haddad',
      status: 'inquiry',
      phone: '0171 222222',
    });
    const caseId = created.ok ? created.id : '';
    await db.conflicts.put({
      id: newRecordId(),
      table: 'cases',
      recordId: caseId,
      caseId,
      field: 'phone',
      losingValue: '0171 111111',
      losingHlc: formatHlc({ ms: Date.parse('2025-03-14T09:00:00Z'), counter: 0, node: 'a' }),
      losingUserId: user.id,
      keptValue: '0171 222222',
      keptHlc: formatHlc({ ms: Date.parse('2025-03-14T10:15:00Z'), counter: 0, node: 'b' }),
      keptUserId: 'someone-else',
      createdAt: '2025-03-14T10:16:00.000Z',
    } as never);
    render(<ConflictList />);
    const reapply = await screen.findByRole('button', { name: 'Meinen Wert übernehmen' });
    breakWrites(db);
    fireEvent.click(reapply);
    const card = screen.getByRole('article');
    expect((await within(card).findByRole('alert')).textContent).toMatch(STORAGE);
    vi.restoreAllMocks();
    expect((await db.cases.get(caseId))?.phone).toBe('0171 222222');
  });

  it('signing in: a device that cannot store the account says so at the form', async () => {
    const user = testUser();
    installFakeApi({ accounts: new Map([[user.email, ['richtig-geheim-123', user]]]) });
    render(
      <SignInForm
        onSignedIn={() =>
          Promise.reject(Object.assign(new Error('x'), { name: 'InvalidStateError' }))
        }
      />,
    );
    fireEvent.input(screen.getByLabelText(/E-Mail/), { target: { value: user.email } });
    fireEvent.input(screen.getByLabelText(/Passwort/), { target: { value: 'richtig-geheim-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(STORAGE);
  });

  it('a failed "Rückgängig" says so in the toast, as an alert', async () => {
    render(<Toasts />);
    offerUndo(
      'Einwilligung widerrufen.',
      () => Promise.reject(Object.assign(new Error('x'), { name: 'InvalidStateError' })),
      'zurückgenommen',
    );
    fireEvent.click(await screen.findByRole('button', { name: /^Rückgängig/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(STORAGE);
    expect(screen.queryByText('zurückgenommen')).toBeNull();
  });
});
