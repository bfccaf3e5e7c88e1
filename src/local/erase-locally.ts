// After the server erased a person ([X1]), this device removes them at once instead of waiting for
// its next pull; the pull that follows finds nothing left to do ([X4]).
import type { FeldakteDb } from './db';
import { applyPurges } from './sync/apply-purge';
import { removeOrphanFiles } from './documents/document-store';

export async function eraseCaseLocally(db: FeldakteDb, caseId: string): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.cases.delete(caseId);
    await applyPurges(db, [{ table: 'cases', id: caseId }]);
  });
  // [D6] also files whose piece rows still name a case merged into this one ([G3]).
  await removeOrphanFiles(db);
}
