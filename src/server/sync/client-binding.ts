// A device (clientId) is bound to the user that first pushed or pulled with it ([P2]); another
// user presenting that clientId is refused, so outbox ids and cursors never mix between people.
import type { Queryable } from '../store/store';
import type { SessionUser } from '../auth/sessions';
import { HttpError, messages } from '../http/api-error';

export interface BoundClient {
  lastMutationId: number;
}

interface ClientRow {
  user_id: string;
  last_mutation_id: number | string;
}

/**
 * `lock` (push) holds the client row until commit, so two pushes from one device apply one after
 * the other. Without it (pull) a known device costs one read and writes nothing.
 */
export async function bindClient(
  db: Queryable,
  clientId: string,
  user: SessionUser,
  now: Date,
  lock = false,
): Promise<BoundClient> {
  let row: ClientRow | undefined;
  if (lock) {
    // Inserts a new device or locks the existing one; returns nothing when another user owns it.
    [row] = await db.query<ClientRow>(
      `INSERT INTO clients (client_id, user_id, team_id, last_mutation_id, created_at, last_seen_at)
       VALUES ($1, $2, $3, 0, $4, $4)
       ON CONFLICT (client_id) DO UPDATE SET last_seen_at = excluded.last_seen_at WHERE clients.user_id = excluded.user_id
       RETURNING user_id, last_mutation_id`,
      [clientId, user.id, user.team.id, now.toISOString()],
    );
  } else {
    const select = () =>
      db.query<ClientRow>('SELECT user_id, last_mutation_id FROM clients WHERE client_id = $1', [
        clientId,
      ]);
    [row] = await select();
    if (!row) {
      await db.query(
        `INSERT INTO clients (client_id, user_id, team_id, last_mutation_id, created_at, last_seen_at)
         VALUES ($1, $2, $3, 0, $4, $4) ON CONFLICT (client_id) DO NOTHING`,
        [clientId, user.id, user.team.id, now.toISOString()],
      );
      [row] = await select();
    }
  }
  if (!row || row.user_id !== user.id)
    throw new HttpError(403, 'client_bound', messages.otherUsersDevice);
  return { lastMutationId: Number(row.last_mutation_id) };
}
