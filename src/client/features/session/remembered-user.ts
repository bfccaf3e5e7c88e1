// The last user who signed in on this device, so the app opens offline with their own (locked)
// database. Only the user id is kept in localStorage: name, e-mail and team are personal data and
// live encrypted in the database (meta `sessionUser`), readable after unlock ([K1]). The service
// worker gets the user id too (src/local/active-user.ts) for Background Sync.
import type { SessionUser } from '../../../shared/sync/protocol';
import { setActiveUserId } from '../../../local/active-user';

const STORAGE_KEY = 'feldakte.user';
/** Set when a sign-out could not reach the server: the server session must still be ended. */
const SIGNED_OUT_KEY = 'feldakte.signedOut';

export function readRememberedUserId(): string | null {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as {
      id?: unknown;
    } | null;
    return value && typeof value.id === 'string' ? value.id : null;
  } catch {
    return null;
  }
}

export async function rememberUser(user: Pick<SessionUser, 'id'>): Promise<void> {
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ id: user.id }));
  localStorage.removeItem(SIGNED_OUT_KEY);
  await setActiveUserId(user.id).catch(() => undefined);
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
