// Issue 13 item 2: withdrawing a consent asks once more and for its date (today or earlier, never
// in the future, never before the consent); withdrawing a referral asks once more; both offer
// "Rückgängig" for 10 s, which writes the previous values back through the write path (outbox).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { signInForTest, signOutForTest } from '../sync/signed-in';
import { renderNetworkApp, seed, seedReferralScene } from './network-app';
import { addDays, toLocalDate } from '../../../src/shared/domain/common';
import { hideToast } from '../../../src/client/state/toast';
import type { FeldakteDb } from '../../../src/local/db';

afterEach(() => {
  vi.useRealTimers();
  hideToast();
  cleanup();
  signOutForTest();
});

const today = toLocalDate(new Date());

async function consentScene() {
  const { db } = signInForTest();
  const scene = await seedReferralScene(db);
  const consentId = await seed(db, 'consents', {
    caseId: scene.caseId,
    purpose: 'share_with_partner',
    partnerId: scene.partnerId,
    givenOn: addDays(today, -10),
  });
  return { db, ...scene, consentId };
}

async function outboxFor(db: FeldakteDb, recordId: string) {
  return (await db.outbox.toArray()).filter((entry) => entry.recordId === recordId);
}

async function openWithdrawal(caseId: string) {
  renderNetworkApp(`/faelle/${caseId}`);
  const consents = await screen.findByRole('list', { name: 'Einwilligungen' });
  fireEvent.click(within(consents).getByRole('button', { name: /^Widerrufen: Weitergabe/ }));
  return screen.findByRole('dialog', { name: 'Einwilligung widerrufen' });
}

describe('withdrawing a consent', () => {
  it('asks first: cancel writes nothing', async () => {
    const { db, caseId, consentId } = await consentScene();
    const dialog = await openWithdrawal(caseId);
    expect((within(dialog).getByLabelText(/Widerrufen am/) as HTMLInputElement).value).toBe(today);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await db.consents.get(consentId))?.withdrawnOn).toBeUndefined();
    expect(await outboxFor(db, consentId)).toHaveLength(1); // only the creation
  });

  it('confirm withdraws as of an earlier date (a letter) and records the day it was entered', async () => {
    const { db, caseId, consentId } = await consentScene();
    const dialog = await openWithdrawal(caseId);
    const date = within(dialog).getByLabelText(/Widerrufen am/);
    fireEvent.input(date, { target: { value: addDays(today, -3) } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Widerrufen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const stored = await db.consents.get(consentId);
    expect(stored?.withdrawnOn).toBe(addDays(today, -3));
    expect(stored?.withdrawalRecordedOn).toBe(today);
    expect(screen.getByRole('status').textContent).toContain('Einwilligung widerrufen.');
  });

  it.each([
    ['in the future', () => addDays(today, 1), /nicht in der Zukunft/],
    ['before the consent', () => addDays(today, -11), /nicht vor der Einwilligung/],
    ['empty', () => '', /Datum des Widerrufs eingeben/],
  ])('refuses a date %s inline, at the field, and writes nothing', async (_, value, error) => {
    const { db, caseId, consentId } = await consentScene();
    const dialog = await openWithdrawal(caseId);
    const date = within(dialog).getByLabelText(/Widerrufen am/);
    fireEvent.input(date, { target: { value: value() } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Widerrufen' }));
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = date.getAttribute('aria-describedby') ?? '';
    const messages = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(messages).toMatch(error);
    await waitFor(() => expect(document.activeElement).toBe(date));
    expect((await db.consents.get(consentId))?.withdrawnOn).toBeUndefined();
  });

  it('"Rückgängig" within 10 s writes the previous values back as a new change', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const { db, caseId, consentId } = await consentScene();
    const dialog = await openWithdrawal(caseId);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Widerrufen' }));
    const undo = await screen.findByRole('button', {
      name: 'Rückgängig: Einwilligung widerrufen.',
    });
    await act(() => void vi.advanceTimersByTime(9000));
    undo.focus();
    fireEvent.click(undo);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Widerruf zurückgenommen.'),
    );
    // The button is gone; focus is on the page title, not lost on the body.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    const stored = await db.consents.get(consentId);
    expect(stored?.withdrawnOn ?? null).toBeNull();
    expect(stored?.withdrawalRecordedOn ?? null).toBeNull();
    const entries = await outboxFor(db, consentId);
    // created, withdrawn, taken back: three changes, pushed in order by the sync.
    expect(
      entries.map((entry) => ('withdrawnOn' in entry.fields ? entry.fields.withdrawnOn : 'none')),
    ).toEqual(['none', today, null]);
    const consents = screen.getByRole('list', { name: 'Einwilligungen' });
    await waitFor(() => expect(within(consents).getByText('Gültig')).toBeTruthy());
  });

  it('"Rückgängig" is gone after 10 s; pointing at or focusing it pauses the clock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const { db, caseId, consentId } = await consentScene();
    const dialog = await openWithdrawal(caseId);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Widerrufen' }));
    const undo = await screen.findByRole('button', { name: /^Rückgängig/ });
    await act(() => void vi.advanceTimersByTime(4_000));

    // Focused (a screen reader or keyboard reached it): the clock stands still.
    fireEvent.focus(undo);
    await act(() => void vi.advanceTimersByTime(30_000));
    expect(screen.getByRole('button', { name: /^Rückgängig/ })).toBeTruthy();
    fireEvent.blur(undo);
    // The rest of the 10 s runs on after it: still there after 5.5 s more, gone after 6.5 s.
    await act(() => void vi.advanceTimersByTime(5_500));
    expect(screen.getByRole('button', { name: /^Rückgängig/ })).toBeTruthy();
    // Pointing at it pauses as well.
    fireEvent.mouseEnter(undo.parentElement!);
    await act(() => void vi.advanceTimersByTime(20_000));
    expect(screen.getByRole('button', { name: /^Rückgängig/ })).toBeTruthy();
    fireEvent.mouseLeave(undo.parentElement!);
    await act(() => void vi.advanceTimersByTime(2_100));
    expect(screen.queryByRole('button', { name: /^Rückgängig/ })).toBeNull();
    expect((await db.consents.get(consentId))?.withdrawnOn).toBe(today);
  });

  it('a withdrawal entered on an earlier day cannot be taken back', async () => {
    const { db, consentId } = await consentScene();
    const { putRecord } = await import('../../../src/local/write-record');
    await putRecord(db, 'consents', consentId, {
      withdrawnOn: addDays(today, -1),
      withdrawalRecordedOn: addDays(today, -1),
    });
    const result = await putRecord(db, 'consents', consentId, {
      withdrawnOn: null,
      withdrawalRecordedOn: null,
    });
    expect(!result.ok && result.message).toMatch(/nicht zurücknehmen/);
  });
});

describe('withdrawing a referral', () => {
  async function sentReferral() {
    const scene = await consentScene();
    const referralId = await seed(scene.db, 'referrals', {
      caseId: scene.caseId,
      partnerId: scene.partnerId,
      direction: 'out',
      status: 'sent',
      sentOn: addDays(today, -2),
    });
    return { ...scene, referralId };
  }

  it('asks first; cancel leaves it as it was', async () => {
    const { db, caseId, referralId } = await sentReferral();
    renderNetworkApp(`/faelle/${caseId}/vermittlungen/${referralId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Zurückziehen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Vermittlung zurückziehen?' });
    expect(dialog.textContent).toContain('Nähwerkstatt e. V.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await db.referrals.get(referralId))?.status).toBe('sent');
  });

  it('confirm withdraws; "Rückgängig" reopens it as sent, through the outbox', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const { db, caseId, referralId } = await sentReferral();
    renderNetworkApp(`/faelle/${caseId}/vermittlungen/${referralId}`);
    expect(
      await screen.findByRole('link', { name: 'Zusammenfassung für den Partner' }),
    ).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Zurückziehen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Vermittlung zurückziehen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zurückziehen' }));
    await waitFor(async () =>
      expect((await db.referrals.get(referralId))?.status).toBe('withdrawn'),
    );
    expect((await db.referrals.get(referralId))?.closedOn).toBe(today);
    // Withdrawn, it offers no summary for the partner any more.
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Zusammenfassung für den Partner' })).toBeNull(),
    );
    const undo = await screen.findByRole('button', {
      name: 'Rückgängig: Vermittlung zurückgezogen.',
    });
    await act(() => void vi.advanceTimersByTime(5000));
    fireEvent.click(undo);
    await waitFor(async () => expect((await db.referrals.get(referralId))?.status).toBe('sent'));
    expect((await db.referrals.get(referralId))?.closedOn ?? null).toBeNull();
    const entries = await outboxFor(db, referralId);
    expect(entries.map((entry) => entry.fields.status)).toEqual(['sent', 'withdrawn', 'sent']);
  });

  it('after 10 s the withdrawal stays', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const { db, caseId, referralId } = await sentReferral();
    renderNetworkApp(`/faelle/${caseId}/vermittlungen/${referralId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Zurückziehen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Vermittlung zurückziehen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zurückziehen' }));
    await screen.findByRole('button', { name: /^Rückgängig/ });
    await act(() => void vi.advanceTimersByTime(10_001));
    expect(screen.queryByRole('button', { name: /^Rückgängig/ })).toBeNull();
    expect((await db.referrals.get(referralId))?.status).toBe('withdrawn');
  });
});
