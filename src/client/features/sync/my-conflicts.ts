// Conflicts are synced to the whole team, but each is a question for the person whose value lost:
// only they can say whether it should come back. Unknown losers (an unknown device) count as mine
// so that no lost value goes unreviewed.
import type { FeldakteDb } from '../../../local/db';
import type { Conflict } from '../../../shared/domain/conflict';

export function isMyOpenConflict(conflict: Conflict, userId: string): boolean {
  return !conflict.resolution && (!conflict.losingUserId || conflict.losingUserId === userId);
}

export async function myOpenConflicts(db: FeldakteDb, userId: string): Promise<Conflict[]> {
  const conflicts = await db.conflicts
    .filter((conflict) => isMyOpenConflict(conflict, userId))
    .toArray();
  return conflicts.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
