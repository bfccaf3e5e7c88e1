// Session state (who is signed in, their open device database). Records are NOT kept here: screens
// read them live from the database.
import { create } from 'zustand';
import type { SessionUser } from '../../shared/sync/protocol';
import { openDatabase, type FeldakteDb } from '../../local/db';

export interface SessionState {
  user: SessionUser | null;
  db: FeldakteDb | null;
  /** Opens the signed-in user's own database (closing any other user's). */
  signIn(user: SessionUser): void;
  /** Closes the database; the caller decides whether local data are removed. */
  signOut(): void;
}

export const useSession = create<SessionState>((set, get) => ({
  user: null,
  db: null,
  signIn(user) {
    const current = get();
    if (current.user?.id === user.id && current.db) {
      set({ user });
      return;
    }
    current.db?.close();
    set({ user, db: openDatabase(user.id) });
  },
  signOut() {
    get().db?.close();
    set({ user: null, db: null });
  },
}));

/** The signed-in user's database; screens behind the sign-in gate can rely on it. */
export function useDb(): FeldakteDb {
  const db = useSession((state) => state.db);
  if (!db) throw new Error('useDb() outside the signed-in app');
  return db;
}
