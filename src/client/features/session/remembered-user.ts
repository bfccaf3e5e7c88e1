// The last user who signed in on this device, so the app opens offline with their own database.
// Only the account (id, name, e-mail, role, team) is kept here, never case data. The service worker
// gets just the user id (src/local/active-user.ts) for Background Sync.
import type { SessionUser } from '../../../shared/sync/protocol';
import { setActiveUserId } from '../../../local/active-user';

const STORAGE_KEY = 'feldakte.user';
/** Set when a sign-out could not reach the server: the server session must still be ended. */
const SIGNED_OUT_KEY = 'feldakte.signedOut';

export function readRememberedUser(): SessionUser | null {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as SessionUser | null;
    return value && typeof value.id === 'string' && typeof value.team?.id === 'string'
      ? value
      : null;
  } catch {
    return null;
  }
}

export async function rememberUser(user: SessionUser): Promise<void> {
  const { id, name, email, role, team } = user;
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ id, name, email, role, team }));
  localStorage.removeItem(SIGNED_OUT_KEY);
  await setActiveUserId(id).catch(() => undefined);
}

/** After sign-out; `serverSessionOpen` when the server could not be told yet. */
export async function forgetUser(serverSessionOpen: boolean): Promise<void> {
  localStorage.removeItem(STORAGE_KEY);
  if (serverSessionOpen) localStorage.setItem(SIGNED_OUT_KEY, '1');
  await setActiveUserId(null).catch(() => undefined);
}

export function serverSignOutPending(): boolean {
  return localStorage.getItem(SIGNED_OUT_KEY) === '1';
}

export function markServerSignedOut(): void {
  localStorage.removeItem(SIGNED_OUT_KEY);
}
