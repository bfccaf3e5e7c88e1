// The server's side of documents' files besides HTTP: the sweep that removes the bytes of files
// marked removed ([D6]: a deleted document, an erased or expired case) from the store, after the
// transaction that marked them has committed. Marking happens inside the writers' transactions
// (erase-case.ts, apply-mutation.ts), so a file is 404 from that commit on even before its bytes go.
import type { Queryable, Store } from '../store/store';
import type { FileStorage } from './file-storage';

export interface FileService {
  storage: FileStorage;
  /** Removes the bytes of every file marked removed, then its row; returns how many. */
  sweep(): Promise<number>;
  /** A sweep soon, off the request (several calls close together make one sweep). */
  sweepSoon(): void;
  /** Waits for a sweep under way (tests, shutdown). */
  settled(): Promise<void>;
}

export function createFileService(store: Store, storage: FileStorage): FileService {
  let running: Promise<number> | null = null;
  let again = false;
  const sweep = async (): Promise<number> => {
    if (running) {
      again = true;
      await running;
      return sweep();
    }
    running = sweepRemovedFiles(store, storage);
    try {
      return await running;
    } finally {
      running = null;
    }
  };
  return {
    storage,
    sweep,
    sweepSoon() {
      if (running) {
        again = true;
        return;
      }
      again = false;
      void sweep()
        .catch((error: unknown) => {
          // Only the name: the store's errors may name a key, never case data, but stay brief.
          console.error('Dateien konnten nicht entfernt werden:', (error as Error)?.name);
        })
        .then(() => {
          if (again) this.sweepSoon();
        });
    },
    async settled() {
      while (running) await running.catch(() => undefined);
    },
  };
}

async function sweepRemovedFiles(store: Store, storage: FileStorage): Promise<number> {
  // A deleted (or purged) document takes its file along.
  await store.query(
    `UPDATE files f SET removed_at = $1
      WHERE removed_at IS NULL
        AND EXISTS (SELECT 1 FROM records r
                     WHERE r.team_id = f.team_id AND r.tbl = 'documents' AND r.id = f.document_id
                       AND r.deleted)`,
    [new Date().toISOString()],
  );
  const rows = await store.query<{ id: string }>(
    'SELECT id FROM files WHERE removed_at IS NOT NULL ORDER BY removed_at LIMIT 1000',
  );
  let removed = 0;
  for (const { id } of rows) {
    // Bytes first, then the row: a failure leaves the row marked, and the next sweep retries.
    await storage.remove(id);
    await store.query('DELETE FROM files WHERE id = $1 AND removed_at IS NOT NULL', [id]);
    removed += 1;
  }
  return removed;
}

/**
 * [D6] Marks every file of a case, inside the erasure's transaction: also files whose document
 * never reached the server (the upload names its case).
 */
export async function markCaseFilesRemoved(
  db: Queryable,
  teamId: string,
  caseId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE files SET removed_at = $3 WHERE team_id = $1 AND case_id = $2 AND removed_at IS NULL`,
    [teamId, caseId, now.toISOString()],
  );
}
