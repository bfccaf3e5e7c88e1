// [K11] A phone updated from the version before encryption at rest opens with a session cookie that
// is still valid. That start has no recovery secret (only a password sign-in brings it), so the
// old database cannot be moved yet: its outbox goes to the server at once, the database stays as it
// is, and the app asks for one password sign-in. That sign-in moves the work into the new
// encrypted database. Before, this start deleted the old database with its unsynced changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import { SignInGate } from '../../../src/client/features/session/sign-in-gate';
import { useAuthUi } from '../../../src/client/state/auth-ui';
import { useSession } from '../../../src/client/state/session';
import { databaseName } from '../../../src/local/db';
import { isLegacyDatabase } from '../../../src/local/crypto/legacy-database';
import { getMeta } from '../../../src/local/meta';
import { testUser } from '../sync/signed-in';
import { installFakeApi } from './fake-api';
import { useRealKeys } from '../../support/real-keys';
import { versionOneDatabase } from '../../support/legacy-device';

const PASSWORD = 'richtig-geheim-123';
configure({ asyncUtilTimeout: 20_000 });

beforeEach(() => localStorage.clear());
afterEach(async () => {
  cleanup();
  useSession.getState().signOut();
  useAuthUi.setState({ notice: null, pinSetupFor: null, foreignDataFor: null, forgotPin: false });
  vi.unstubAllGlobals();
});

describe('[K11] the upgrade keeps the outbox on every start path', () => {
  it('a still-valid cookie: the old outbox is pushed, nothing deleted; the password sign-in moves it', async () => {
    const lena = testUser();
    useRealKeys(lena.id);
    const { outbox } = await versionOneDatabase(lena.id);
    localStorage.setItem('feldakte.user', JSON.stringify({ id: lena.id }));
    const api = installFakeApi({
      session: lena,
      accounts: new Map([[lena.email, [PASSWORD, lena]]]),
    });
    render(
      <SignInGate>
        <p>App</p>
      </SignInGate>,
    );

    expect(
      await screen.findByText(/Bitte melden Sie sich dafür einmal mit Ihrem Passwort an/),
    ).toBeTruthy();
    // Both unsynced changes reached the server, and the old database is still there.
    expect(api.lastMutationId).toBe(outbox[outbox.length - 1]!.id);
    expect(await isLegacyDatabase(lena.id)).toBe(true);

    fireEvent.input(screen.getByLabelText(/E-Mail/), { target: { value: lena.email } });
    fireEvent.input(screen.getByLabelText(/Passwort/), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    await screen.findByText('PIN für dieses Gerät festlegen');
    expect(await isLegacyDatabase(lena.id)).toBe(false);
    const db = useSession.getState().db!;
    expect(db.name).toBe(databaseName(lena.id));
    // The moved work: the rejection and the counters are in the new database; the entries are
    // pending there or, once the next sync pushed them again (answered from the replay, [P3]),
    // acknowledged: never lost.
    expect((await db.rejections.toArray()).map((row) => row.mutationId)).toEqual([3]);
    expect(await getMeta(db, 'clientId')).toBe('client-legacy-1');
    const pending = (await db.outbox.toArray()).map((entry) => entry.id);
    expect(pending.length === 0 ? api.lastMutationId : pending).toEqual(
      pending.length === 0 ? 5 : outbox.map((entry) => entry.id),
    );
    await waitFor(async () => expect(await Dexie.exists(databaseName(lena.id))).toBe(true));
  });
});
