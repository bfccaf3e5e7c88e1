// A device (clientId) is bound to the user that first pushed or pulled with it ([P2]); another
// user presenting that clientId is refused, so outbox ids and cursors never mix between people.
import type { Queryable } from '../store/store';
import type { SessionUser } from '../auth/sessions';
import { HttpError, messages } from '../http/api-error';
import { assertSessionEpoch, SESSION_EPOCH_SQL } from '../auth/session-epoch';

export interface BoundClient {
  lastMutationId: number;
}

interface ClientRow {
  user_id: string;
  last_mutation_id: number | string;
}

/**
 * Push: inserts a new device or locks the existing one's row until commit, so two pushes from one
 * device apply one after the other. It also reads the session epoch: SessionChanged when it is not
 * `sessionEpoch` (session-epoch.ts).
 */
export async function bindPushingClient(
  db: Queryable,
  clientId: string,
  user: SessionUser,
  now: Date,
  sessionEpoch?: number,
): Promise<BoundClient> {
  // No row when another user owns the device (the conflict's WHERE fails).
  const [row] = await db.query<ClientRow & { session_epoch: string }>(
    `WITH bound AS (
       INSERT INTO clients (client_id, user_id, team_id, last_mutation_id, created_at, last_seen_at)
       VALUES ($1, $2, $3, 0, $4, $4)
       ON CONFLICT (client_id) DO UPDATE SET last_seen_at = excluded.last_seen_at WHERE clients.user_id = excluded.user_id
       RETURNING user_id, last_mutation_id
     )
     SELECT user_id, last_mutation_id, ${SESSION_EPOCH_SQL} AS session_epoch FROM bound`,
    [clientId, user.id, user.team.id, now.toISOString()],
  );
  if (row) assertSessionEpoch(sessionEpoch, row.session_epoch);
  return checked(row, user);
}

/** Pull: a known device costs one read and writes nothing; a new one is inserted. */
export async function bindClient(
  db: Queryable,
  clientId: string,
  user: SessionUser,
  now: Date,
  sessionEpoch?: number,
): Promise<BoundClient> {
  // One row always: the epoch, and the device's binding when there is one.
  const select = async () => {
    const [read] = await db.query<
      { session_epoch: string } & { [K in keyof ClientRow]: ClientRow[K] | null }
    >(
      `SELECT e.epoch AS session_epoch, c.user_id, c.last_mutation_id
         FROM session_epoch e LEFT JOIN clients c ON c.client_id = $1`,
      [clientId],
    );
    assertSessionEpoch(sessionEpoch, read!.session_epoch);
    return read!.user_id === null ? [] : [read as ClientRow];
  };
  let [row] = await select();
  if (!row) {
    await db.query(
      `INSERT INTO clients (client_id, user_id, team_id, last_mutation_id, created_at, last_seen_at)
       VALUES ($1, $2, $3, 0, $4, $4) ON CONFLICT (client_id) DO NOTHING`,
      [clientId, user.id, user.team.id, now.toISOString()],
    );
    [row] = await select();
  }
  return checked(row, user);
}

/** [P2] The device's row, or 403 when there is none or another user owns it. */
export function checked(row: ClientRow | undefined, user: SessionUser): BoundClient {
  if (!row || row.user_id !== user.id)
    throw new HttpError(403, 'client_bound', messages.otherUsersDevice);
  return { lastMutationId: Number(row.last_mutation_id) };
}
