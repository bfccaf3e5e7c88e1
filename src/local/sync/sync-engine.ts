// One sync round ([E2]): push the outbox, then pull until the server has nothing more, under the
// cross-context lock ([E1]), and record the outcome in the database so the page and the service
// worker show the same status ([E4]). Never throws for sync failures: it returns them, so the
// caller (scheduler, Background Sync handler) decides whether to back off or stop.
import { errorName } from '../../shared/error-name';
import type { FeldakteDb } from '../db';
import { ensureClientId, getMeta, setMeta } from '../meta';
import { pushOutbox } from './push-outbox';
import { pullChanges } from './pull-changes';
import { syncLockName, withSyncLock, type LockManagerLike } from './sync-lock';
import { toSyncError, type SyncError } from './sync-error';
import { pushSealed } from './push-sealed';
import { isUnlocked } from '../crypto/keyring';
import { wipeDatabase } from '../wipe-database';
import type { WipeReason } from '../active-user';
import type { SyncTransport } from './transport';
import { deviceNow } from '../device-environment';
import { resendAfterRestore, restoredEpoch } from './resend-after-restore';
import { removeOrphanFiles } from '../documents/document-store';

export interface SyncOptions {
  /** Records per pull page (the server caps it). */
  pullLimit?: number;
  /** Mutations per push (capped at MAX_MUTATIONS_PER_PUSH). */
  pushBatchSize?: number;
  now?: () => Date;
  /** Web Locks to use; defaults to `navigator.locks`, or an in-process queue without it. */
  locks?: LockManagerLike;
}

export interface SyncCounts {
  /** Outbox entries sent (including repeats of unconfirmed ones). */
  pushed: number;
  /** Of those, refused by the server ([P5]); now shown as rejections. */
  rejected: number;
  /** Records and tombstones pulled. */
  pulled: number;
}

export type SyncResult =
  ({ ok: true; at: string } & SyncCounts) | ({ ok: false; error: SyncError } & SyncCounts);

/** A server restored again while a phone sends its copy: it starts over, this often per sync. */
const MAX_RESTORE_ROUNDS = 3;

export function syncOnce(
  db: FeldakteDb,
  transport: SyncTransport,
  options: SyncOptions = {},
): Promise<SyncResult> {
  return withSyncLock(syncLockName(db.name), () => runSync(db, transport, options), options.locks);
}

async function runSync(
  db: FeldakteDb,
  transport: SyncTransport,
  options: SyncOptions,
): Promise<SyncResult> {
  const now = options.now ?? (() => deviceNow(db));
  const counts: SyncCounts = { pushed: 0, rejected: 0, pulled: 0 };
  try {
    // Async callback: Dexie keeps its transaction zone across native awaits only then.
    const clientId = await db.transaction('rw', db.meta, async () => ensureClientId(db));
    if (!isUnlocked(db.name)) {
      // [K5] locked: only the sealed outbox goes out; pulls wait for the unlock.
      counts.pushed = await pushSealed(db, transport, clientId);
      const at = now().toISOString();
      await db.transaction('rw', db.meta, async () => {
        await setMeta(db, 'lastSyncAt', at);
        await setMeta(db, 'lastSyncError', null);
      });
      return { ok: true, at, ...counts };
    }
    let epoch = await getMeta(db, 'epoch');
    for (let round = 1; ; round++) {
      try {
        const known = epoch ? { epoch } : {};
        const pushed = await pushOutbox(db, transport, {
          clientId,
          now,
          ...known,
          ...(options.pushBatchSize ? { batchSize: options.pushBatchSize } : {}),
        });
        counts.pushed += pushed.pushed;
        counts.rejected += pushed.rejected;
        const pulled = await pullChanges(db, transport, {
          clientId,
          now,
          ...known,
          ...(options.pullLimit ? { limit: options.pullLimit } : {}),
        });
        counts.pulled += pulled.changes;
        // [D6] a document deleted or erased elsewhere takes its file's pieces along.
        if (pulled.changes > 0) await removeOrphanFiles(db);
        break;
      } catch (caught) {
        // [B2] the server went back to a backup: send it what this phone holds, then sync again.
        const restored = restoredEpoch(caught, epoch);
        if (restored === undefined || round >= MAX_RESTORE_ROUNDS) throw caught;
        await resendAfterRestore(db, transport, { clientId, epoch: restored });
        epoch = restored;
      }
    }
    const at = now().toISOString();
    await db.transaction('rw', db.meta, async () => {
      await setMeta(db, 'lastSyncAt', at);
      await setMeta(db, 'lastSyncError', null);
    });
    return { ok: true, at, ...counts };
  } catch (caught) {
    const error = toSyncError(caught);
    if (error.kind === 'revoked') {
      // [K6] revoked device or disabled account: the data leave the device now, outbox included.
      await wipeDatabase(db, (error.code ?? 'device_revoked') as WipeReason);
      return { ok: false, error, ...counts };
    }
    // Only the error's name: a message may quote record content, which never goes to logs.
    if (error.kind === 'internal') console.error('Sync failed unexpectedly:', errorName(caught));
    await recordFailure(db, error, now());
    return { ok: false, error, ...counts };
  }
}

async function recordFailure(db: FeldakteDb, error: SyncError, at: Date): Promise<void> {
  try {
    await setMeta(db, 'lastSyncError', {
      kind: error.kind,
      message: error.message,
      at: at.toISOString(),
    });
  } catch (storeError) {
    // Storage full or the database closed: the returned result still carries the error.
    console.warn('Could not store the sync status:', errorName(storeError));
  }
}
