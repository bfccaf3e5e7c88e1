// Conflicts are synced to the whole team, but each is a question for the person whose value lost:
// only they can say whether it should come back. Unknown losers (an unknown device) count as mine
// so that no lost value goes unreviewed.
import type { FeldakteDb } from '../../../local/db';
import type { Conflict } from '../../../shared/domain/conflict';

export function isMyOpenConflict(conflict: Conflict, userId: string): boolean {
  return !conflict.resolution && (!conflict.losingUserId || conflict.losingUserId === userId);
}

/**
 * A conflict in which the signed-in person's value was kept and a colleague's lost (issue 27 item
 * 10): theirs to review, but this phone says so quietly until they have (docs/decisions.md).
 */
export function isKeptForMe(conflict: Conflict, userId: string): boolean {
  return (
    !conflict.resolution &&
    conflict.keptUserId === userId &&
    !!conflict.losingUserId &&
    conflict.losingUserId !== userId
  );
}

export async function myKeptConflicts(db: FeldakteDb, userId: string): Promise<Conflict[]> {
  const conflicts = await db.conflicts
    .filter((conflict) => isKeptForMe(conflict, userId))
    .toArray();
  return conflicts.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function myOpenConflicts(db: FeldakteDb, userId: string): Promise<Conflict[]> {
  const conflicts = await db.conflicts
    .filter((conflict) => isMyOpenConflict(conflict, userId))
    .toArray();
  return conflicts.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
