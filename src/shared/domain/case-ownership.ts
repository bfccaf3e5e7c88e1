// Whose work is it: "mine" on Heute, in the agenda and the task lists, and whose phone reminds.
// A case is mine when it is assigned to me or I cover it (Vertretung) and the cover has not ended.
// Everything hanging off a case follows the case; an appointment also follows its owner.
import type { Appointment } from './appointment';
import type { Case } from './case';
import type { Task } from './task';

export type Ownership = Pick<Case, 'assignedTo' | 'coveredBy' | 'coveredUntil'>;

/** I cover the case today (the last day of a cover still counts). */
export function isCovering(c: Ownership, userId: string, today: string): boolean {
  return c.coveredBy === userId && (!c.coveredUntil || c.coveredUntil >= today);
}

export function isMyCase(c: Ownership, userId: string, today: string): boolean {
  return c.assignedTo === userId || isCovering(c, userId, today);
}

/**
 * Mine: I own it, or I cover its case. Without an owner (written before owners existed) it
 * follows its case; a group appointment without owner and case belongs to the whole team.
 */
export function isMyAppointment(
  a: Pick<Appointment, 'ownerId' | 'caseId'>,
  caseOf: Ownership | undefined,
  userId: string,
  today: string,
): boolean {
  if (a.ownerId === userId) return true;
  if (caseOf && isCovering(caseOf, userId, today)) return true;
  if (a.ownerId) return false;
  return a.caseId ? !!caseOf && isMyCase(caseOf, userId, today) : true;
}

/** A task follows its case; a task without a case is the team's and shows for everyone. */
export function isMyTask(
  task: Pick<Task, 'caseId'>,
  caseOf: Ownership | undefined,
  userId: string,
  today: string,
): boolean {
  return task.caseId ? !!caseOf && isMyCase(caseOf, userId, today) : true;
}

/** The fields a handover writes: a new THM in charge; a cover by that person ends with it. */
export function handoverFields(c: Ownership, to: string): Partial<Case> {
  return c.coveredBy === to
    ? { assignedTo: to, coveredBy: null, coveredUntil: null }
    : { assignedTo: to };
}

/** The fields a cover writes; `until` null = until ended by hand. */
export function coverFields(by: string, until: string | null): Partial<Case> {
  return { coveredBy: by, coveredUntil: until };
}

export const endCoverFields: Partial<Case> = { coveredBy: null, coveredUntil: null };

/** Why a cover cannot be set, or null: not by the person in charge, not ending in the past. */
export function coverProblem(
  c: Ownership,
  by: string,
  until: string | null,
  today: string,
): 'self' | 'past' | null {
  if (c.assignedTo === by) return 'self';
  if (until && until < today) return 'past';
  return null;
}
