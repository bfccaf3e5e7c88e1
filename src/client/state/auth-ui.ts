// UI state of signing in again while the app stays open (expired session, [S2]) and of the last
// sign-out; whether the session expired is read from the stored sync status, not kept here.
import { create } from './create-store';
import type { SessionUser } from '../../shared/sync/protocol';
import type { SealKey } from '../../shared/sync/sealed-envelope';

export interface AuthUiState {
  /** The "Bitte erneut anmelden" dialog is open. */
  reauthOpen: boolean;
  /** A message for the sign-in screen after sign-out (e.g. data could not be removed). */
  notice: string | null;
  /** Signed in and unlocked with the recovery secret; the PIN for this device is still to set. */
  pinSetupFor: SessionUser | null;
  /** The database's key does not open with this account's secret (another account's data). */
  foreignDataFor: SessionUser | null;
  /** "PIN vergessen": the lock screen gave way to a password sign-in that sets a new PIN. */
  forgotPin: boolean;
  /**
   * Signed in with a one-time password (issue 14): "Neues Passwort festlegen" comes before
   * anything else. The sign-in's secrets wait here (memory only) to finish the sign-in after it.
   */
  passwordChangeFor: {
    user: SessionUser;
    secrets?: { recoverySecret?: string; sealKey?: SealKey };
  } | null;
}

export const useAuthUi = create<AuthUiState>(() => ({
  reauthOpen: false,
  notice: null,
  pinSetupFor: null,
  foreignDataFor: null,
  forgotPin: false,
  passwordChangeFor: null,
}));

export function openReauth(): void {
  useAuthUi.setState({ reauthOpen: true });
}

export function closeReauth(): void {
  useAuthUi.setState({ reauthOpen: false });
}
