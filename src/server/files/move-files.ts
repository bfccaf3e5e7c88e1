// Moving documents' files from the disk store to an S3-compatible store (issue 25 item 5): every
// finished file still on disk is put into the bucket, checked there, and only then removed from
// disk. Safe to run again (a file already moved is skipped) and while the server runs: a file
// being read meanwhile is read from disk until it is gone, then from S3.
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/store';
import type { FileStorage } from './file-storage';

export interface MoveOutcome {
  moved: number;
  /** Files of the table that were not on disk (in S3 already, or not finished). */
  skipped: number;
}

export async function moveFilesToS3(
  store: Store,
  diskDirectory: string,
  target: FileStorage,
): Promise<MoveOutcome> {
  if (target.kind !== 's3' || !target.importFile) throw new Error('target is not an S3 store');
  const rows = await store.query<{ id: string; size: number | string }>(
    `SELECT id, size FROM files WHERE completed_at IS NOT NULL AND removed_at IS NULL ORDER BY id`,
  );
  const outcome: MoveOutcome = { moved: 0, skipped: 0 };
  for (const row of rows) {
    const path = join(diskDirectory, row.id);
    const size = Number(row.size);
    const onDisk = await stat(path).then(
      (info) => info.size === size,
      () => false,
    );
    if (!onDisk) {
      outcome.skipped += 1;
      continue;
    }
    await target.importFile(row.id, path, size);
    if (!(await target.has(row.id))) throw new Error('file not found in S3 after the move');
    await rm(path, { force: true });
    await rm(`${path}.json`, { force: true });
    outcome.moved += 1;
  }
  return outcome;
}
