// A database from before encryption at rest (schema version 1) holds everything in clear. On the
// first password sign-in of this version its unsynced work (outbox, rejections, counters) is read,
// the clear database is deleted, and the work is written again into the new encrypted one; the
// records themselves come back from the server with a full pull (cursor reset), the pending
// changes laid over them as always ([A2]).
// Before anything is deleted, on every start path, its outbox is pushed as it is ([K11]): with a
// session found by its cookie (no recovery secret, so no key yet) the database is then left as it
// is until the password sign-in; a push is idempotent ([P3]), so the moved entries pushed again
// later bring back the same results (legacy-outbox.ts: the push and what it needs load only when
// such a database exists; this module runs on the first screen).
import Dexie from 'dexie';
import {
  databaseName,
  type FeldakteDb,
  type MetaRow,
  type OutboxEntry,
  type Rejection,
} from '../db';

export interface LegacyWork {
  outbox: OutboxEntry[];
  rejections: Rejection[];
  meta: MetaRow[];
}

/** Reads and deletes a version-1 database of this user; null when there is none. */
export async function takeLegacyDatabase(userId: string): Promise<LegacyWork | null> {
  const name = databaseName(userId);
  if (!(await Dexie.exists(name))) return null;
  const probe = new Dexie(name);
  try {
    await probe.open();
    if (probe.verno >= 2) return null;
    const [outbox, rejections, meta] = await Promise.all([
      probe.table('outbox').toArray() as Promise<OutboxEntry[]>,
      probe.table('rejections').toArray() as Promise<Rejection[]>,
      probe.table('meta').toArray() as Promise<MetaRow[]>,
    ]);
    probe.close();
    await Dexie.delete(name);
    return { outbox, rejections, meta };
  } finally {
    probe.close();
  }
}

/** Writes the kept work into the new (unlocked) database; the next sync pulls everything again. */
export async function restoreLegacyWork(db: FeldakteDb, work: LegacyWork): Promise<void> {
  const keep = new Set(['clientId', 'nextMutationId', 'hlc']);
  await db.transaction('rw', db.outbox, db.rejections, db.meta, async () => {
    await db.outbox.bulkPut(work.outbox);
    await db.rejections.bulkPut(work.rejections);
    await db.meta.bulkPut(work.meta.filter((row) => keep.has(row.key)));
  });
}

/** A version-1 database (in clear) of this user exists: it must not be opened with the new schema. */
export async function isLegacyDatabase(userId: string): Promise<boolean> {
  const name = databaseName(userId);
  if (!(await Dexie.exists(name))) return false;
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno < 2;
  } finally {
    probe.close();
  }
}
