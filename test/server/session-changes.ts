// Every change that alters a session check is announced by the database itself (migration 080),
// whoever writes it: a notice on sessions_channel() that store.listen hears, and a session epoch
// moved on in the same transaction. One suite on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/server/store/store';
import { addUser, type StoreFactory } from '../support/server-harness';

export function describeSessionChanges(backend: string, makeStore: StoreFactory): void {
  describe(`session changes announced by the database on ${backend}`, () => {
    let store: Store;
    let heard: string[];
    let stop: () => Promise<void>;
    beforeAll(async () => {
      store = await makeStore();
      heard = [];
      const [{ channel }] = (await store.query<{ channel: string }>(
        'SELECT sessions_channel() AS channel',
      )) as [{ channel: string }];
      stop = await store.listen(channel, (payload) => heard.push(payload));
    }, 120_000);
    afterAll(async () => {
      await stop?.();
      await store?.close();
    });

    const epoch = async () =>
      Number((await store.query<{ epoch: string }>('SELECT epoch FROM session_epoch'))[0]!.epoch);
    /** Runs `write` and returns what was heard and by how much the epoch moved. */
    async function announced(write: () => Promise<unknown>, expected: number) {
      heard.length = 0;
      const before = await epoch();
      await write();
      if (expected > 0) await vi.waitFor(() => expect(heard).toHaveLength(expected));
      else await new Promise((resolve) => setTimeout(resolve, 200));
      return { heard: [...heard], moved: (await epoch()) - before };
    }

    it('account, device and session changes are announced; what a check does not read is not', async () => {
      const user = await addUser(store, { team: 'Team Ansage' });
      const sql =
        (text: string, params: unknown[] = [user.id]) =>
        () =>
          store.query(text, params);

      expect(
        await announced(sql("UPDATE users SET role = 'coordinator' WHERE id = $1"), 1),
      ).toEqual({ heard: [`users:${user.id}`], moved: 1 });
      expect(await announced(sql("UPDATE users SET name = 'Neu' WHERE id = $1"), 0)).toEqual({
        heard: [],
        moved: 0,
      });
      expect(
        await announced(sql("UPDATE users SET role = 'coordinator' WHERE id = $1"), 0),
      ).toEqual({ heard: [], moved: 0 });
      await store.query(
        `INSERT INTO devices (user_id, device_id, first_seen_at, last_seen_at)
         VALUES ($1, 'd1', now(), now())`,
        [user.id],
      );
      expect(
        await announced(sql('UPDATE devices SET last_seen_at = now() WHERE user_id = $1'), 0),
      ).toEqual({ heard: [], moved: 0 });
      expect(
        await announced(sql('UPDATE devices SET revoked_at = now() WHERE user_id = $1'), 1),
      ).toEqual({ heard: [`devices:${user.id}`], moved: 1 });
      await store.query(
        `INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
         VALUES ('h1', $1, now(), now())`,
        [user.id],
      );
      expect(await announced(sql("DELETE FROM sessions WHERE token_hash = 'h1'", []), 1)).toEqual({
        heard: [`sessions:${user.id}`],
        moved: 1,
      });
      expect(await announced(sql('UPDATE users SET disabled_at = now() WHERE id = $1'), 1)).toEqual(
        { heard: [`users:${user.id}`], moved: 1 },
      );
    });

    it('a rolled back change is neither heard nor counted', async () => {
      const user = await addUser(store, { team: 'Team Ansage' });
      const result = await announced(
        () =>
          store
            .transaction(async (tx) => {
              await tx.query("UPDATE users SET role = 'admin' WHERE id = $1", [user.id]);
              throw new Error('zurück');
            })
            .catch(() => undefined),
        0,
      );
      expect(result).toEqual({ heard: [], moved: 0 });
    });
  });
}
