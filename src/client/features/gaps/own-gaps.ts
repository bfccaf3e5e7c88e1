// Which gaps are "mine": noted by this THM. Gaps noted before authors were recorded belong to no
// one, so every THM of the team may tidy them up.
import type { Gap } from '../../../shared/domain/gap';

export function isOwnGap(gap: Pick<Gap, 'authorId'>, userId: string): boolean {
  return !gap.authorId || gap.authorId === userId;
}
