// Overlapping appointments of one THM are flagged (a hint in the form and the agenda, never a
// refusal: two phones planning offline cannot see each other's slots until they sync).
import { blocksTime, type Appointment } from './appointment';

type Slot = Pick<Appointment, 'id' | 'startsAt' | 'endsAt' | 'status' | 'ownerId'>;

/** Half-open intervals: a meeting ending at 10:00 and one starting at 10:00 do not overlap. */
export function intervalsOverlap(
  a: Pick<Slot, 'startsAt' | 'endsAt'>,
  b: Pick<Slot, 'startsAt' | 'endsAt'>,
): boolean {
  const aStart = Date.parse(a.startsAt);
  const bStart = Date.parse(b.startsAt);
  // A zero-length appointment still occupies its instant.
  const aEnd = Math.max(Date.parse(a.endsAt), aStart + 1);
  const bEnd = Math.max(Date.parse(b.endsAt), bStart + 1);
  return aStart < bEnd && bStart < aEnd;
}

/** The other appointments of the same owner that still take time and intersect `candidate`. */
export function overlappingAppointments<T extends Slot>(
  candidate: Slot,
  others: readonly T[],
): T[] {
  if (!blocksTime(candidate.status)) return [];
  return others.filter(
    (other) =>
      other.id !== candidate.id &&
      (other.ownerId ?? null) === (candidate.ownerId ?? null) &&
      blocksTime(other.status) &&
      intervalsOverlap(candidate, other),
  );
}

/** Ids of every appointment in `list` that overlaps another one of the same owner. */
export function overlapIds(list: readonly Slot[]): Set<string> {
  const ids = new Set<string>();
  const sorted = [...list]
    .filter((a) => blocksTime(a.status))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (Date.parse(b.startsAt) >= Math.max(Date.parse(a.endsAt), Date.parse(a.startsAt) + 1))
        break;
      if ((a.ownerId ?? null) === (b.ownerId ?? null) && intervalsOverlap(a, b)) {
        ids.add(a.id);
        ids.add(b.id);
      }
    }
  }
  return ids;
}
