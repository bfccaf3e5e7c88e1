import { describe, expect, it } from 'vitest';
import {
  canMoveNeed,
  checkNeedChange,
  compareNeeds,
  isNeedReviewDue,
  needStatusChange,
  needStatuses,
  type Need,
  type NeedStatus,
} from '../../src/shared/domain/need';
import { saysGerman } from '../support/says-german';

const today = '2025-03-14';
const need = (patch: Partial<Need> = {}): Need => ({
  id: '01900000-0000-7000-8000-000000000001',
  caseId: '01890a5d-ac96-774b-bcce-b302099a8057',
  category: 'language',
  priority: 'medium',
  source: 'self',
  status: 'open',
  nextStep: 'Anmeldung beim Sprachkurs',
  ...patch,
});

const allowed: [NeedStatus, NeedStatus][] = [
  ['open', 'in_progress'],
  ['open', 'met'],
  ['open', 'not_met'],
  ['in_progress', 'open'],
  ['in_progress', 'met'],
  ['in_progress', 'not_met'],
  ['met', 'open'],
  ['met', 'in_progress'],
  ['not_met', 'open'],
  ['not_met', 'in_progress'],
];
const refused = needStatuses
  .flatMap((from) =>
    needStatuses.filter((to) => to !== from).map((to) => [from, to] as [NeedStatus, NeedStatus]),
  )
  .filter(([from, to]) => !allowed.some(([f, t]) => f === from && t === to));

describe('need status machine', () => {
  it.each(allowed)('allows %s -> %s', (from, to) => {
    expect(canMoveNeed(from, to)).toBe(true);
    const change = needStatusChange(need({ status: from }), to, today);
    expect(change.ok).toBe(true);
    const next = { ...need({ status: from }), ...(change.ok ? change.fields : {}) };
    expect(checkNeedChange(need({ status: from }), next)).toBeNull();
  });

  it.each(refused)('refuses %s -> %s', (from, to) => {
    expect(canMoveNeed(from, to)).toBe(false);
    expect(needStatusChange(need({ status: from }), to, today)).toEqual({
      ok: false,
      reason: saysGerman('Dieser Statuswechsel ist nicht möglich.'),
    });
    expect(checkNeedChange(need({ status: from }), need({ status: to }))).toEqual(
      saysGerman('Dieser Statuswechsel ist nicht möglich.'),
    );
  });

  it('refuses exactly the direct flips between met and not met', () => {
    expect(refused).toEqual([
      ['met', 'not_met'],
      ['not_met', 'met'],
    ]);
  });

  it('starts work only with a next step', () => {
    const change = needStatusChange(need({ nextStep: null }), 'in_progress', today);
    expect(change).toEqual({
      ok: false,
      reason: saysGerman('Bitte den nächsten Schritt eintragen.'),
    });
    expect(checkNeedChange(undefined, need({ status: 'in_progress', nextStep: '' }))).toEqual(
      saysGerman('Bitte den nächsten Schritt eintragen.'),
    );
  });

  it('stamps the day a need is met and clears it when reopened', () => {
    expect(needStatusChange(need({ status: 'in_progress' }), 'met', today)).toEqual({
      ok: true,
      fields: { status: 'met', resolvedOn: today },
    });
    expect(needStatusChange(need({ status: 'met', resolvedOn: today }), 'open', today)).toEqual({
      ok: true,
      fields: { status: 'open', resolvedOn: null },
    });
  });

  it('keeps a need in its case', () => {
    expect(
      checkNeedChange(need(), need({ caseId: '01900000-0000-7000-8000-000000000009' })),
    ).toEqual(saysGerman(/anderen Fall/));
  });
});

describe('need order and review', () => {
  it('lists open needs first, then by priority', () => {
    const needs = [
      need({ id: '01900000-0000-7000-8000-000000000001', status: 'met', priority: 'high' }),
      need({ id: '01900000-0000-7000-8000-000000000002', priority: 'low' }),
      need({ id: '01900000-0000-7000-8000-000000000003', priority: 'high', status: 'in_progress' }),
    ];
    expect(needs.sort(compareNeeds).map((n) => n.id.slice(-1))).toEqual(['3', '2', '1']);
  });

  it.each([
    [{ reviewOn: '2025-03-14' }, true],
    [{ reviewOn: '2025-03-15' }, false],
    [{ reviewOn: '2025-03-01', status: 'met' as const }, false],
    [{ reviewOn: null }, false],
  ])('review due for %o: %s', (patch, due) => {
    expect(isNeedReviewDue(need(patch), today)).toBe(due);
  });
});
