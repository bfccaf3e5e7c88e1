// A refused change ([P5]) stays visible until the THM has seen it; dismissing only hides the note
// (the record was already rolled back when the rejection arrived).
import type { FeldakteDb } from '../db';

export async function dismissRejection(db: FeldakteDb, mutationId: number): Promise<void> {
  await db.rejections.delete(mutationId);
}
