// Issue 27 items 8 and 11: the PIN screen says what the lock does before the PIN is chosen (the
// auto-lock and the wipe after 10 wrong entries, one line each), and its heading follows the
// choice of a PIN or a passphrase.
import { afterEach, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { PinSetup } from '../../../src/client/features/session/pin-setup';
import { writeAutoLockMinutes } from '../../../src/client/state/auto-lock';
import type { FeldakteDb } from '../../../src/local/db';
import type { SessionUser } from '../../../src/shared/sync/protocol';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

it('states the auto-lock and the 10-try wipe, and names a passphrase a passphrase', () => {
  writeAutoLockMinutes(1);
  render(<PinSetup db={{} as FeldakteDb} user={{} as SessionUser} />);
  expect(screen.getByRole('heading', { name: 'PIN für dieses Gerät festlegen' })).toBeTruthy();
  const promises = screen.getAllByRole('listitem').map((item) => item.textContent);
  expect(promises).toEqual([
    'Nach 1 Minute ohne Bedienung sperrt sich die App (änderbar unter „Mehr“).',
    'Nach 10 falschen Eingaben in Folge löscht die App alle Daten auf diesem Gerät.',
  ]);
  // The THM may name the device for the team's device list (issue 27 item 8).
  const name = screen.getByLabelText('Name dieses Geräts') as HTMLInputElement;
  expect(name.value).toMatch(/ auf /); // "Chrome auf Linux" until the THM names it
  fireEvent.click(screen.getByRole('button', { name: 'Lieber einen Passwortsatz verwenden' }));
  expect(
    screen.getByRole('heading', { name: 'Passwortsatz für dieses Gerät festlegen' }),
  ).toBeTruthy();
  expect(screen.getByText(/Mit dem Passwortsatz öffnen Sie sie/)).toBeTruthy();
  // Only the way back mentions a PIN.
  expect(screen.getAllByText(/PIN/).map((el) => el.textContent)).toEqual([
    'Lieber eine PIN aus Ziffern verwenden',
  ]);
});
