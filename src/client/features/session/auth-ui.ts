// UI state of signing in again while the app stays open (expired session, [S2]) and of the last
// sign-out; whether the session expired is read from the stored sync status, not kept here.
import { create } from 'zustand';

export interface AuthUiState {
  /** The "Bitte erneut anmelden" dialog is open. */
  reauthOpen: boolean;
  /** A message for the sign-in screen after sign-out (e.g. data could not be removed). */
  notice: string | null;
}

export const useAuthUi = create<AuthUiState>(() => ({ reauthOpen: false, notice: null }));

export function openReauth(): void {
  useAuthUi.setState({ reauthOpen: true });
}

export function closeReauth(): void {
  useAuthUi.setState({ reauthOpen: false });
}
