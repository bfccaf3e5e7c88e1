// Signs a test user in the app's way (session store + their own database on fake-indexeddb).
import { useSession } from '../../../src/client/state/session';
import type { SessionUser } from '../../../src/shared/sync/protocol';
import { newRecordId } from '../../../src/shared/domain/record-id';
import type { FeldakteDb } from '../../../src/local/db';

export function testUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: newRecordId(),
    name: 'Lena Berger',
    email: 'lena@team.example',
    role: 'thm',
    team: { id: 'team-1', name: 'Team Nord' },
    ...overrides,
  };
}

export function signInForTest(user: SessionUser = testUser()): {
  user: SessionUser;
  db: FeldakteDb;
} {
  useSession.getState().signIn(user);
  return { user, db: useSession.getState().db! };
}

export function signOutForTest(): void {
  useSession.getState().signOut();
}
