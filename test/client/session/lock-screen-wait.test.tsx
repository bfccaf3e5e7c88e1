// [K8] on the lock screen: after wrong PINs the wait shows (the button counts down, the status says
// from when a try is possible), a try cannot be made before, and the screen says once when the wait
// is over. The wait comes from the device database, so a reload shows it too.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { openDatabase } from '../../../src/local/db';
import { newRecordId } from '../../../src/shared/domain/record-id';
import type { SessionUser } from '../../../src/shared/sync/protocol';
import { LockScreen } from '../../../src/client/features/session/lock-screen';
import { preparedDevice } from '../../support/real-keys';

afterEach(() => cleanup());

const user = (): SessionUser => ({
  id: newRecordId(),
  name: 'Lena Berger',
  email: 'lena@team.example',
  role: 'thm',
  team: { id: 'team-nord', name: 'Team Nord' },
});

describe('[K8] the lock screen shows the wait', () => {
  it('counts down, refuses tries meanwhile, and says when a try is possible again', async () => {
    const lena = user();
    await preparedDevice(lena, '482915');
    const db = openDatabase(lena.id);
    // Three wrong PINs, the last one 13 s ago: the 4th try waits 2 s more.
    await db.vault.put({ id: 'failures', count: 3, at: Date.now() - 13_000 });
    render(<LockScreen db={db} onForgot={() => undefined} />);

    const button = await screen.findByRole('button', { name: /^Bitte warten \(\d s\)$/ });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('status').textContent).toMatch(
      /^Zu viele falsche Eingaben\. Der nächste Versuch ist ab \d\d:\d\d:\d\d Uhr möglich\.$/,
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Entsperren' })).toBeTruthy(), {
      timeout: 5000,
    });
    expect(screen.getByRole('status').textContent).toBe('Sie können es jetzt wieder versuchen.');
    db.close();
  });
});
