// Small typed key-value rows of the device database: the client id, the clock, the counters.
import type { FeldakteDb } from './db';
import type { SyncErrorKind } from './sync/sync-error';
import type { SessionUser, TeamResponse } from '../shared/sync/protocol';
import type { SealKey } from '../shared/sync/sealed-envelope';
import { newDeviceId } from './device-environment';

export interface MetaValues {
  clientId: string;
  /** Next outbox id ([L2]). */
  nextMutationId: number;
  /** Last clock issued or received ([C2]). */
  hlc: string;
  /** The server's data epoch last synced with ([B1]); another one means it was restored. */
  epoch: string;
  /** Team version pulled up to ([V2]); null before the first pull. */
  cursor: number | null;
  /** ISO time of the last successful round trip. */
  lastSyncAt: string | null;
  /** Why the last sync failed (null after a success), shown by page and service worker ([E4]). */
  lastSyncError: { kind: SyncErrorKind; message: string; at: string } | null;
  /** Up to when reminders were shown, by the page or the service worker (no reminder twice). */
  remindersShownUntil: string | null;
  /** The team's case workers, names only (`GET /api/team`), and when they were fetched. */
  team: (TeamResponse & { fetchedAt: string }) | null;
  /** The signed-in account (name, e-mail, team): encrypted, read after unlock ([K1]). */
  sessionUser: SessionUser;
  /** The server's sealing key as last published ([K3]); public, stored clear. */
  sealKey: SealKey;
}

export async function getMeta<K extends keyof MetaValues>(
  db: FeldakteDb,
  key: K,
): Promise<MetaValues[K] | undefined> {
  return (await db.meta.get(key))?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends keyof MetaValues>(
  db: FeldakteDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put({ key, value });
}

/** This device's sync identity, made once per database. Call inside a rw transaction on `meta`. */
export async function ensureClientId(db: FeldakteDb): Promise<string> {
  const existing = await getMeta(db, 'clientId');
  if (existing) return existing;
  const clientId = newDeviceId(db);
  await setMeta(db, 'clientId', clientId);
  return clientId;
}
