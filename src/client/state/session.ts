// Session state (who is signed in, their open device database, locked or not). Records are NOT
// kept here: screens read them live from the database. The app renders only when `user` is set,
// which is only while the database's key is in memory ([K2]); locked, just `lockedUserId` is known.
import { create } from './create-store';
import type { SessionUser } from '../../shared/sync/protocol';
import { databaseName, openDatabase, type FeldakteDb } from '../../local/db';
import { lockDatabase } from '../../local/crypto/vault';

/**
 * Only THMs work with case data on the device. Coordinators (anonymised reports) and admins (users
 * and teams) get the online console, which never opens a device database.
 */
export function worksWithCases(user: Pick<SessionUser, 'role'>): boolean {
  return user.role === 'thm';
}

export interface SessionState {
  /** The signed-in user, only while unlocked. */
  user: SessionUser | null;
  db: FeldakteDb | null;
  /** The user whose database is open but locked (the lock screen shows no name). */
  lockedUserId: string | null;
  /** Unlocked: opens the user's own database if needed (closing any other user's). */
  signIn(user: SessionUser): void;
  /** Opens the user's database locked (app start, before the PIN). */
  openLocked(userId: string): FeldakteDb;
  /** Drops the key from memory and shows the lock screen. */
  lock(): void;
  /** Closes the database; the caller decides whether local data are removed. */
  signOut(): void;
}

export const useSession = create<SessionState>((set, get) => ({
  user: null,
  db: null,
  lockedUserId: null,
  signIn(user) {
    const current = get();
    if (!worksWithCases(user)) {
      current.db?.close();
      set({ user, db: null, lockedUserId: null });
      return;
    }
    if (current.db?.name === databaseName(user.id)) {
      set({ user, lockedUserId: null });
      return;
    }
    current.db?.close();
    set({ user, db: openDatabase(user.id), lockedUserId: null });
  },
  openLocked(userId) {
    const current = get();
    if (current.db?.name === databaseName(userId)) {
      set({ user: null, lockedUserId: userId });
      return current.db;
    }
    current.db?.close();
    const db = openDatabase(userId);
    set({ user: null, db, lockedUserId: userId });
    return db;
  },
  lock() {
    const { db, user } = get();
    if (!db || !user) return;
    lockDatabase(db);
    set({ user: null, lockedUserId: user.id });
  },
  signOut() {
    const { db } = get();
    if (db) lockDatabase(db);
    db?.close();
    set({ user: null, db: null, lockedUserId: null });
  },
}));

/** The signed-in user's database; screens behind the sign-in gate can rely on it. */
export function useDb(): FeldakteDb {
  const db = useSession((state) => state.db);
  if (!db) throw new Error('useDb() outside the signed-in app');
  return db;
}
