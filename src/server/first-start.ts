// On the very first start with an empty store, a demo team and a THM account are created and
// the login printed once, so whoever started the server can sign in at once.
import type { Store } from './store/store';
import { countTeams, createTeam, createUser } from './auth/accounts';
import { randomPassword } from './auth/password';

export const DEMO_TEAM = 'Team Demo';
export const DEMO_EMAIL = 'thm@demo.feldakte';

export interface DemoLogin {
  team: string;
  email: string;
  password: string;
}

export async function createDemoAccountIfEmpty(
  store: Store,
  now = new Date(),
): Promise<DemoLogin | undefined> {
  return store.transaction(async (tx) => {
    // Serialises two first starts on one database.
    await tx.query('LOCK TABLE teams IN EXCLUSIVE MODE');
    if ((await countTeams(tx)) > 0) return undefined;
    const password = randomPassword();
    await createTeam(tx, DEMO_TEAM, now);
    await createUser(
      tx,
      { teamName: DEMO_TEAM, email: DEMO_EMAIL, name: 'Demo THM', role: 'thm', password },
      now,
    );
    return { team: DEMO_TEAM, email: DEMO_EMAIL, password };
  });
}
