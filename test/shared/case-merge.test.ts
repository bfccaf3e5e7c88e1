// The pure part of a merge (issue 26, SPEC [G2], [G3]): which fields differ, what the kept profile
// becomes, which later writes a merge record allows. Phone and server run exactly these.
import { describe, expect, it } from 'vitest';
import {
  checkMergeChange,
  differingFields,
  joinedOtherNames,
  mergedProfile,
  type CaseMerge,
} from '../../src/shared/domain/case-merge';
import type { Case } from '../../src/shared/domain/case';

const kept: Case = {
  id: '01900000-0000-7000-8000-000000000001',
  givenName: 'Zuleikha',
  familyName: 'Ahmadi',
  status: 'active',
  phone: '0170 1',
  otherNames: ['Zuleicha Ahmadi'],
};
const merged: Case = {
  id: '01900000-0000-7000-8000-000000000002',
  givenName: 'Zulaika',
  familyName: 'Ahmady',
  status: 'inquiry',
  phone: '0170 2',
  birthDate: '2004-03-12',
};
const merge: CaseMerge = {
  id: '01900000-0000-7000-8000-000000000003',
  caseId: kept.id,
  mergedCaseId: merged.id,
  taken: ['birthDate'],
  mergedAt: '2026-01-05T10:00:00.000Z',
};

describe('[G3] the kept profile', () => {
  it('lists the fields on which the merged case holds another value', () => {
    expect(differingFields(kept, merged)).toEqual([
      'givenName',
      'familyName',
      'birthDate',
      'phone',
    ]);
    expect(differingFields(kept, { ...kept, id: merged.id })).toEqual([]);
  });

  it('takes the chosen fields and joins the names, once each', () => {
    const profile = mergedProfile(kept, merged, ['birthDate']);
    expect(profile).toMatchObject({
      givenName: 'Zuleikha',
      phone: '0170 1',
      birthDate: '2004-03-12',
    });
    expect(profile.otherNames).toEqual(['Zuleicha Ahmadi', 'Zulaika Ahmady']);
    expect(profile.status).toBe('active');
    expect(joinedOtherNames(kept, kept, kept)).toEqual(['Zuleicha Ahmadi']);
    // A name chosen from the merged case: the former name stays findable.
    expect(mergedProfile(kept, merged, ['givenName']).otherNames).toEqual([
      'Zuleicha Ahmadi',
      'Zuleikha Ahmadi',
      'Zulaika Ahmady',
    ]);
  });

  it('never takes a field outside the choosable ones', () => {
    expect(mergedProfile(kept, merged, ['status']).status).toBe('active');
  });

  it('keeps at most ten other spellings', () => {
    const many = { ...merged, otherNames: Array.from({ length: 12 }, (_, i) => `Name ${i}`) };
    expect(joinedOtherNames(kept, kept, many)).toHaveLength(10);
  });
});

describe('[G2] what may be written to a merge', () => {
  it.each([
    ['a new merge', undefined, merge, null],
    ['a case with itself', undefined, { ...merge, mergedCaseId: kept.id }, 'rules.merges.sameCase'],
    [
      'an undo of nothing',
      undefined,
      { ...merge, undoneAt: merge.mergedAt },
      'rules.merges.undoWithoutMerge',
    ],
    ['the undo', merge, { ...merge, undoneAt: '2026-01-06T10:00:00.000Z', undoneBy: 'u' }, null],
    ['another choice afterwards', merge, { ...merge, taken: ['phone'] }, 'rules.merges.onlyUndo'],
    [
      'a second undo',
      { ...merge, undoneAt: '2026-01-06T10:00:00.000Z' },
      { ...merge, undoneAt: '2026-01-07T10:00:00.000Z' },
      'rules.merges.alreadyUndone',
    ],
  ] as const)('%s', (_, prev, next, expected) => {
    expect(checkMergeChange(prev as CaseMerge | undefined, next as CaseMerge)?.key ?? null).toBe(
      expected,
    );
  });
});
