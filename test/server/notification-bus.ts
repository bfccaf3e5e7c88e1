// The store's notification bus (store/notification-bus.ts), one suite on PGlite and PostgreSQL:
// what is notified is heard on its channel only, on commit and never on rollback, whether JS or
// SQL (feldakte_notify, the session triggers of migration 080) notified it, and a write of this
// process is heard before the write resolves. The PostgreSQL file adds what only it has: other
// processes, and a lost LISTEN connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusEvent, Store } from '../../src/server/store/store';
import { notifyIn } from '../../src/server/store/notification-bus';
import { addUser, type StoreFactory } from '../support/server-harness';

export function describeNotificationBus(backend: string, makeStore: StoreFactory): void {
  describe(`notification bus on ${backend}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await makeStore();
    }, 120_000);
    afterAll(() => store?.close());

    /** Listens on `channel`; `heard` is every event so far. */
    async function hear(channel: string) {
      const heard: BusEvent[] = [];
      const stop = await store.listen(channel, (event) => heard.push(event));
      return { heard, stop };
    }

    it('a notification reaches the listeners of its channel only, with its payload', async () => {
      const a = await hear('poke');
      const b = await hear('poke');
      const other = await hear('other');
      expect(store.listening()).toBe(true);
      await store.notify('poke', 'team-1');
      await store.notify('poke');
      expect(a.heard).toEqual([
        { kind: 'message', payload: 'team-1' },
        { kind: 'message', payload: '' },
      ]);
      expect(b.heard).toEqual(a.heard);
      expect(other.heard).toEqual([]);
      a.stop();
      await store.notify('poke', 'team-2');
      expect(a.heard).toHaveLength(2);
      expect(b.heard).toHaveLength(3);
      b.stop();
      other.stop();
    });

    it('inside a transaction it is heard on commit, never on rollback', async () => {
      const { heard, stop } = await hear('tx');
      await store.transaction(async (tx) => {
        await notifyIn(tx, 'tx', 'committed');
        expect(heard).toEqual([]);
      });
      expect(heard).toEqual([{ kind: 'message', payload: 'committed' }]);
      await expect(
        store.transaction(async (tx) => {
          await notifyIn(tx, 'tx', 'rolled back');
          throw new Error('zurück');
        }),
      ).rejects.toThrow('zurück');
      await store.notify('tx', 'after');
      expect(heard.map((event) => event.kind === 'message' && event.payload)).toEqual([
        'committed',
        'after',
      ]);
      stop();
    });

    it('SQL notifies the same channels (feldakte_notify in any statement)', async () => {
      const { heard, stop } = await hear('sql');
      await store.query("SELECT feldakte_notify('sql', 'aus SQL')");
      expect(heard).toEqual([{ kind: 'message', payload: 'aus SQL' }]);
      stop();
    });

    it('a change a session check reads notifies `sessions` from the database itself (migration 080)', async () => {
      const user = await addUser(store, { team: 'Team Bus' });
      const { heard, stop } = await hear('sessions');
      // Written as raw SQL, as any writer might: the trigger notifies, not the writer.
      await store.query("UPDATE users SET role = 'coordinator' WHERE id = $1", [user.id]);
      expect(heard).toEqual([{ kind: 'message', payload: `users:${user.id}` }]);
      // What a session check does not read is not a change: no notification.
      await store.query("UPDATE users SET name = 'Neu' WHERE id = $1", [user.id]);
      await store.query("UPDATE users SET role = 'coordinator' WHERE id = $1", [user.id]);
      expect(heard).toHaveLength(1);
      await store.query(
        `INSERT INTO devices (user_id, device_id, first_seen_at, last_seen_at)
         VALUES ($1, 'd1', now(), now())`,
        [user.id],
      );
      await store.query("UPDATE devices SET last_seen_at = now() WHERE device_id = 'd1'");
      expect(heard).toHaveLength(1);
      await store.query("UPDATE devices SET revoked_at = now() WHERE device_id = 'd1'");
      await store.query(
        `INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
         VALUES ('h1', $1, now(), now())`,
        [user.id],
      );
      await store.query("DELETE FROM sessions WHERE token_hash = 'h1'");
      expect(heard.slice(1)).toEqual([
        { kind: 'message', payload: `devices:${user.id}` },
        { kind: 'message', payload: `sessions:${user.id}` },
      ]);
      stop();
    });

    it('channel names are checked', async () => {
      await expect(store.notify('Kein Kanal\n', 'x')).rejects.toThrow(/Kanalname/);
      await expect(store.notify('big', 'x'.repeat(8_000))).rejects.toThrow(/zu groß/);
    });
  });
}
