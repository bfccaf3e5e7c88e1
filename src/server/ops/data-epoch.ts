// The data epoch ([B1]): a random id made with the database (migration 110) and renewed by a
// restore. A running server reads it once: it changes only by `admin restore`, which fills an
// empty database that no server is running on.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/store';

export interface DataEpoch {
  epoch: string;
  /** When the epoch began (the database was made or restored): no write before it is newer. */
  since: Date;
}

export async function readDataEpoch(db: Queryable): Promise<DataEpoch> {
  const [row] = await db.query<{ epoch: string; created_at: Date | string }>(
    'SELECT epoch, created_at FROM data_epoch',
  );
  if (!row) throw new Error('data_epoch is empty: migration 110 was not applied');
  return { epoch: row.epoch, since: new Date(row.created_at) };
}

/** A restore's new epoch: phones that synced with the old one send again what they hold ([B2]). */
export async function renewDataEpoch(db: Queryable, now = new Date()): Promise<DataEpoch> {
  const epoch = randomUUID();
  await db.query('UPDATE data_epoch SET epoch = $1, created_at = $2', [epoch, now.toISOString()]);
  return { epoch, since: now };
}
