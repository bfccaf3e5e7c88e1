// "Mine": whose case, appointment and task it is, with handover and cover (Vertretung).
import { describe, expect, it } from 'vitest';
import {
  coverProblem,
  handoverFields,
  isMyAppointment,
  isMyCase,
  isMyTask,
} from '../../src/shared/domain/case-ownership';

const me = 'u-lena';
const omar = 'u-omar';
const today = '2026-03-10';

describe('a case is mine', () => {
  it.each([
    ['assigned to me', { assignedTo: me }, true],
    ['assigned to a colleague', { assignedTo: omar }, false],
    ['unassigned', {}, false],
    ['I cover it, open-ended', { assignedTo: omar, coveredBy: me }, true],
    ['I cover it until today', { assignedTo: omar, coveredBy: me, coveredUntil: today }, true],
    [
      'my cover ended yesterday',
      { assignedTo: omar, coveredBy: me, coveredUntil: '2026-03-09' },
      false,
    ],
    ['a colleague covers my case', { assignedTo: me, coveredBy: omar }, true],
  ])('%s', (_, c, mine) => {
    expect(isMyCase(c, me, today)).toBe(mine);
  });
});

describe('an appointment is mine', () => {
  it.each([
    ['I own it', { ownerId: me, caseId: 'c' }, { assignedTo: omar }, true],
    [
      'a colleague owns it on her case',
      { ownerId: omar, caseId: 'c' },
      { assignedTo: omar },
      false,
    ],
    [
      'a colleague owns it on a case I cover',
      { ownerId: omar, caseId: 'c' },
      { assignedTo: omar, coveredBy: me },
      true,
    ],
    ['no owner, my case', { caseId: 'c' }, { assignedTo: me }, true],
    ['no owner, her case', { caseId: 'c' }, { assignedTo: omar }, false],
    ['no owner, no case: the team’s group event', {}, undefined, true],
    ['a colleague’s group event', { ownerId: omar }, undefined, false],
  ])('%s', (_, appointment, caseOf, mine) => {
    expect(isMyAppointment(appointment, caseOf, me, today)).toBe(mine);
  });
});

describe('a task is mine', () => {
  it.each([
    ['on my case', { caseId: 'c' }, { assignedTo: me }, true],
    ['on a colleague’s case', { caseId: 'c' }, { assignedTo: omar }, false],
    ['on a case I cover', { caseId: 'c' }, { assignedTo: omar, coveredBy: me }, true],
    ['on a case not on this phone', { caseId: 'c' }, undefined, false],
    ['without a case (the team’s)', {}, undefined, true],
  ])('%s', (_, task, caseOf, mine) => {
    expect(isMyTask(task, caseOf, me, today)).toBe(mine);
  });
});

describe('handover and cover', () => {
  it('a handover to the person covering ends the cover', () => {
    expect(handoverFields({ assignedTo: me, coveredBy: omar }, omar)).toEqual({
      assignedTo: omar,
      coveredBy: null,
      coveredUntil: null,
    });
  });

  it('a handover to someone else keeps a running cover', () => {
    expect(handoverFields({ assignedTo: me, coveredBy: 'u-x' }, omar)).toEqual({
      assignedTo: omar,
    });
  });

  it.each([
    ['by the person in charge', me, null, 'self'],
    ['ending yesterday', omar, '2026-03-09', 'past'],
    ['ending today', omar, today, null],
    ['open-ended', omar, null, null],
  ] as const)('a cover %s', (_, by, until, problem) => {
    expect(coverProblem({ assignedTo: me }, by, until, today)).toBe(problem);
  });
});
