// The case history ("Verlauf") kept on the device for offline reading: replaced whole on every
// fetch, removed with the case on an erasure ([X4]). Names and field names only, no values.
import type { CaseHistoryRow, FeldakteDb } from './db';

export async function storeCaseHistory(
  db: FeldakteDb,
  caseId: string,
  entries: CaseHistoryRow['entries'],
  now = new Date(),
): Promise<void> {
  await db.caseHistory.put({ caseId, entries, fetchedAt: now.toISOString() });
}
